/*
 * OpenLayers style functions of the map's layers (OpenLayers is the global `ol` from the WebJar).
 * Styles are cached by what makes them differ: thousands of features share a few objects.
 */
import { AGG_LABEL_MIN_RADIUS, STATES, TRANCHES } from './config.js';
import { COLOURS } from './colours.js';
import {
  aggregateRadius, choroplethColour, communeClass, deployedClass, exchangeLook, ruhdDash, ruhdWidth, truthy, withAlpha
} from './style-rules.js';
import { app } from './state.js';
import { fmtCompact, numberOr } from '../lib/format.js';
import { locale } from './map-i18n.js';

export const styles = {};

function stroke(color, width, lineDash) {
  return new ol.style.Stroke({ color, width, lineDash, lineCap: lineDash ? 'butt' : 'round' });
}

function fill(color) { return new ol.style.Fill({ color }); }

export function makeStyles() {
  styles.land = new ol.style.Style({ fill: fill(COLOURS.land) });
  // A white halo under the dark line keeps department borders visible over any choropleth class.
  styles.departments = [
    new ol.style.Style({ stroke: stroke('rgba(255,255,255,0.8)', 3.5) }),
    new ol.style.Style({ stroke: stroke(COLOURS.department, 1.4) })
  ];
  styles.zones = {};
  for (const code of TRANCHES.concat('_')) {
    const c = COLOURS.tranche[code];
    styles.zones[code] = new ol.style.Style({ fill: fill(withAlpha(c, 0.12)), stroke: stroke(c, 2) });
  }
  styles.premises = {};
  for (const code of STATES.concat('_')) {
    styles.premises[code] = new ol.style.Style({
      image: new ol.style.Circle({ radius: 5, fill: fill(COLOURS.state[code]), stroke: stroke('#333333', 0.75) })
    });
  }
  styles.aggregates = new Map();
  styles.communes = new Map();
  styles.exchanges = new Map();
  styles.ruhd = new Map();
}

export function zoneStyle(feature) { return styles.zones[feature.get('tranche')] || styles.zones._; }

export function communeStyle(feature, resolution) {
  // areas not loaded yet: 'none', outline only, the land shows through
  const c = communeClass(app.choroplethMode, app.areas && app.areas.byCode, feature.get('insee'), feature.get('perimeter'));
  // Below zoom 9 communes are a few pixels wide: a lighter outline keeps the colours readable.
  const fine = resolution > 300;
  const key = app.choroplethMode + '|' + c + '|' + fine + '|' + !!app.basemapLayer;
  let style = styles.communes.get(key);
  if (!style) {
    style = new ol.style.Style({
      fill: c === 'none' ? undefined : fill(choroplethColour(app.choroplethMode, c, !!app.basemapLayer)),
      stroke: stroke(COLOURS.communeOutline, fine ? 0.4 : 0.7)
    });
    styles.communes.set(key, style);
  }
  return style;
}

export function isAggregate(feature) { return truthy(feature.get('aggregated')); }

export function aggregateStyleFor(radius, colourClass, text) {
  const r = Math.round(radius * 2) / 2;
  const key = r + '|' + colourClass + '|' + text;
  let style = styles.aggregates.get(key);
  if (!style) {
    if (styles.aggregates.size > 3000) styles.aggregates.clear(); // bounded: labels vary with counts
    style = new ol.style.Style({
      image: new ol.style.Circle({
        radius: r, fill: fill(withAlpha(COLOURS.aggregate[colourClass], 0.85)), stroke: stroke('#333333', 1)
      }),
      text: text ? new ol.style.Text({
        text, font: '600 11px system-ui, sans-serif', fill: fill('#111111'),
        stroke: stroke('rgba(255,255,255,0.85)', 3)
      }) : undefined
    });
    styles.aggregates.set(key, style);
  }
  return style;
}

export function premiseStyle(feature) {
  if (!isAggregate(feature)) return styles.premises[feature.get('state')] || styles.premises._;
  const count = numberOr(feature.get('count'), 0);
  const deployed = numberOr(feature.get('deploye'), 0) + numberOr(feature.get('raccordable_demande'), 0);
  const radius = aggregateRadius(count);
  const text = radius >= AGG_LABEL_MIN_RADIUS ? fmtCompact(count, locale()) : '';
  return aggregateStyleFor(radius, deployedClass(count > 0 ? deployed / count : 0), text);
}

export function exchangeStyleFor(type, lot, status) {
  const look = exchangeLook(type, lot, status);
  let style = styles.exchanges.get(look.key);
  if (style) return style;
  const f = fill(look.solid ? look.colour : '#ffffff');
  const s = stroke(look.solid ? '#ffffff' : look.colour, look.solid ? 1.5 : 2.5);
  let image;
  if (look.shape === 'diamond') {
    image = new ol.style.RegularShape({ points: 4, radius: 8, angle: Math.PI / 4, fill: f, stroke: s });
  } else if (look.shape === 'circle') {
    image = new ol.style.Circle({ radius: 6.5, fill: f, stroke: s });
  } else if (look.shape === 'triangle') {
    image = new ol.style.RegularShape({ points: 3, radius: 7.5, fill: f, stroke: s });
  } else { // NRA_ZO and anything unknown
    image = new ol.style.RegularShape({ points: 4, radius: 7, angle: 0, fill: f, stroke: s });
  }
  style = new ol.style.Style({ image });
  styles.exchanges.set(look.key, style);
  return style;
}

export function exchangeStyle(feature) {
  return exchangeStyleFor(feature.get('type'), feature.get('lot'), feature.get('operationStatus'));
}

export function ruhdLinkStyleFor(status, capacityGbps) {
  const width = ruhdWidth(capacityGbps);
  const key = 'link|' + status + '|' + width;
  let style = styles.ruhd.get(key);
  if (!style) {
    style = [
      new ol.style.Style({ stroke: stroke('rgba(255,255,255,0.7)', width + 2.5) }),
      new ol.style.Style({ stroke: stroke(COLOURS.ruhd, width, ruhdDash(status)) })
    ];
    styles.ruhd.set(key, style);
  }
  return style;
}

export function ruhdSiteStyle() {
  let style = styles.ruhd.get('site');
  if (!style) {
    style = new ol.style.Style({
      image: new ol.style.RegularShape({
        points: 4, radius: 6.5, angle: Math.PI / 4, fill: fill(COLOURS.ruhd), stroke: stroke('#ffffff', 1.5)
      })
    });
    styles.ruhd.set('site', style);
  }
  return style;
}

export function isRuhdSite(feature) {
  return feature.get('kind') === 'site' || /Point/.test(feature.getGeometry().getType());
}

export function ruhdStyle(feature) {
  return isRuhdSite(feature) ? ruhdSiteStyle() : ruhdLinkStyleFor(feature.get('status'), feature.get('capacityGbps'));
}
