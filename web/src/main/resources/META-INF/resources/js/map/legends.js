/* The panel's legends, drawn with the map's own styles: a legend cannot disagree with the map. */
import { AGG_LEGEND_COUNTS, LOTS, SPEED_CLASSES, STATES, TRANCHES } from './config.js';
import { CHOROPLETH, COLOURS } from './colours.js';
import { choroplethColour, aggregateRadius, shareClassLabel } from './style-rules.js';
import { aggregateStyleFor, exchangeStyleFor, ruhdLinkStyleFor, ruhdSiteStyle, styles } from './styles.js';
import { app } from './state.js';
import { $, el, swatch } from '../lib/dom.js';
import { fmtNumber, pct } from '../lib/format.js';
import { label, locale, t } from './map-i18n.js';

/** A small canvas drawn with one of the map's styles. */
function symbol(style, kind, width, height) {
  const w = width || 28;
  const h = height || 18;
  const canvas = document.createElement('canvas');
  canvas.className = 'legend-symbol';
  canvas.setAttribute('aria-hidden', 'true');
  const ctx = ol.render.toContext(canvas.getContext('2d'), { size: [w, h], pixelRatio: window.devicePixelRatio || 1 });
  let geometry;
  if (kind === 'line') geometry = new ol.geom.LineString([[2, h / 2], [w - 2, h / 2]]);
  else if (kind === 'area') geometry = new ol.geom.Polygon([[[2, 2], [w - 2, 2], [w - 2, h - 2], [2, h - 2], [2, 2]]]);
  else geometry = new ol.geom.Point([w / 2, h / 2]);
  for (const s of [].concat(style)) {
    ctx.setStyle(s);
    ctx.drawGeometry(geometry);
  }
  return canvas;
}

function legendItem(symbolNode, text, sub) {
  return el('li', {}, [symbolNode, el('span', { text }), sub ? el('span', { class: 'legend-sub', text: sub }) : null]);
}

export function renderCommunesLegend() {
  const mode = app.choroplethMode;
  const overBasemap = !!app.basemapLayer;
  const items = CHOROPLETH[mode].colours.map((c, i) =>
    legendItem(swatch(choroplethColour(mode, i, overBasemap)), shareClassLabel(i, locale())));
  items.push(legendItem(swatch(choroplethColour(mode, 'private', overBasemap)), t('legend.privatePerimeter')));
  items.push(legendItem(swatch(choroplethColour(mode, -1, overBasemap)), t('legend.noData')));
  $('legend-communes').replaceChildren(
    el('h3', { text: t('choropleth.' + mode) }),
    el('ul', { class: 'legend legend-classes', 'data-mode': mode }, items));
}

export function renderLegends() {
  renderCommunesLegend();
  $('legend-speed').replaceChildren(...SPEED_CLASSES.map((c) =>
    legendItem(swatch(COLOURS.speed[c]), t('speed.' + c))));
  if (typeof ol === 'undefined' || !styles.premises) return; // symbols need OpenLayers

  const neutral = COLOURS.aggregate.length - 1;
  const sizes = AGG_LEGEND_COUNTS.map((n) => {
    const r = aggregateRadius(n);
    const size = Math.ceil(2 * r + 4);
    return legendItem(symbol(aggregateStyleFor(r, neutral, ''), 'point', Math.max(28, size), Math.max(18, size)),
      t('legend.aggCount', { n: fmtNumber(n, 0, locale()) }));
  });
  const shares = COLOURS.aggregate.map((c, i) =>
    legendItem(symbol(aggregateStyleFor(7, i, ''), 'point'),
      t('legend.aggShare', { from: fmtNumber(i * 20, 0, locale()), to: pct((i + 1) * 20, locale()) })));
  $('legend-aggregates').replaceChildren(...sizes, ...shares);

  $('legend-premises').replaceChildren(...STATES.map((s) =>
    legendItem(symbol(styles.premises[s], 'point'), label('state.', s))));
  $('legend-zones').replaceChildren(...TRANCHES.map((tr) =>
    legendItem(symbol(styles.zones[tr], 'area'), tr, label('tranche.', tr))));
  const exchange = (type, lot, status) => symbol(exchangeStyleFor(type, lot, status), 'point');
  $('legend-exchanges').replaceChildren(
    legendItem(exchange('NRA', null, 'IN_SERVICE'), label('typeLong.', 'NRA')),
    legendItem(exchange('NRA_HD', null, 'IN_SERVICE'), label('typeLong.', 'NRA_HD')),
    ...LOTS.map((lot) => legendItem(exchange('NRA_MED', lot, 'IN_SERVICE'), t('legend.lot', { lot }))),
    legendItem(exchange('NRA_MED', null, 'IN_SERVICE'), t('legend.lotNone')),
    legendItem(exchange('NRA_ZO', null, 'IN_SERVICE'), label('typeLong.', 'NRA_ZO')),
    legendItem(exchange('NRA_MED', 1, 'WORKS'), t('legend.cabinetPlanned')),
    legendItem(exchange('NRA_MED', 1, 'ABANDONED'), t('legend.cabinetAbandoned')));
  $('legend-ruhd').replaceChildren(
    ...['operational', 'underConstruction', 'planned'].map((s) =>
      legendItem(symbol(ruhdLinkStyleFor(s, 10), 'line', 36), t('ruhd.' + s))),
    legendItem(symbol(ruhdSiteStyle(), 'point'), t('legend.site')));
}
