/*
 * The decisions behind the map's styles, without OpenLayers: which class, colour, size or dash a
 * feature gets. styles.js turns them into ol.style objects.
 */
import { AGG_RADIUS_K, AGG_RADIUS_MAX, AGG_RADIUS_MIN, LOTS } from './config.js';
import { CHOROPLETH, COLOURS, SHARE_BOUNDS_PCT, SHARE_BREAKS } from './colours.js';
import { fmtNumber, numberOr, pct } from '../lib/format.js';

export function withAlpha(hex, alpha) {
  const m = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!m) return hex;
  const n = parseInt(m[1], 16);
  return 'rgba(' + (n >> 16) + ',' + ((n >> 8) & 255) + ',' + (n & 255) + ',' + alpha + ')';
}

/** MVT properties come as booleans, strings or numbers depending on the writer. */
export function truthy(v) { return v === true || v === 'true' || v === 1 || v === '1'; }

/** -1: no premises (no data); 0: exactly 0 %; 1..6: the Arcep coverage classes above it. */
export function shareClass(share) {
  if (share == null || !Number.isFinite(share)) return -1;
  if (share <= 0) return 0;
  let c = 1;
  for (const b of SHARE_BREAKS) if (share >= b) c++;
  return c;
}

export function shareClassLabel(c, locale) {
  if (c === 0) return pct(0, locale);
  if (c === 1) return '> 0–' + pct(SHARE_BOUNDS_PCT[1], locale);
  if (c === SHARE_BOUNDS_PCT.length) return '≥ ' + pct(SHARE_BOUNDS_PCT[c - 1], locale);
  return fmtNumber(SHARE_BOUNDS_PCT[c - 1], 0, locale) + '–' + pct(SHARE_BOUNDS_PCT[c], locale);
}

/** Fill of a choropleth class; more transparent over an external basemap so it shows through. */
export function choroplethColour(mode, c, overBasemap) {
  const base = c === 'private' ? COLOURS.privatePerimeter : c < 0 ? COLOURS.noData : CHOROPLETH[mode].colours[c];
  return withAlpha(base, overBasemap ? 0.7 : 0.9);
}

/**
 * Outside the public programme: a private-initiative, private-intention or very dense commune
 * (the communes tiles carry a perimeter only where it is not public).
 */
export function isPrivatePerimeter(kind) { return kind != null && kind !== '' && kind !== 'PUBLIC'; }

/**
 * Class of a commune in a mode: 'private' outside the public programme (shown as such, never as
 * 0 %), 'none' until the areas are loaded, -1 when it has no figures.
 */
export function communeClass(mode, areasByCode, insee, perimeter) {
  if (isPrivatePerimeter(perimeter)) return 'private';
  if (!areasByCode) return 'none';
  const area = areasByCode.get(String(insee));
  return area ? shareClass(CHOROPLETH[mode].share(area)) : -1;
}

export function aggregateRadius(count) {
  return Math.max(AGG_RADIUS_MIN, Math.min(AGG_RADIUS_MAX, AGG_RADIUS_K * Math.sqrt(Math.max(0, count))));
}

/** Share deployed, in fifths (0..4): deployed = DEPLOYE + RACCORDABLE_DEMANDE, as in the phases table. */
export function deployedClass(share) { return Math.max(0, Math.min(4, Math.floor(share * 5))); }

/** Deployed lines of a byState: DEPLOYE plus RACCORDABLE_DEMANDE, the same reading as the map's circles. */
export function deployedOf(byState) {
  if (!byState) return 0;
  return numberOr(byState.DEPLOYE, 0) + numberOr(byState.RACCORDABLE_DEMANDE, 0);
}

/**
 * Look of an exchange or cabinet: shape by type, colour by type (NRA-MED: by lot); not yet in
 * service is hollow, abandoned is grey, so that the type stays readable by shape.
 */
export function exchangeLook(type, lot, status) {
  const phase = status === 'ABANDONED' ? 'abandoned'
    : (status === 'PLANNED' || status === 'STUDY' || status === 'WORKS') ? 'planned' : 'live';
  const lotKey = LOTS.includes(numberOr(lot, null)) ? numberOr(lot, null) : '_';
  let colour = type === 'NRA_MED' ? COLOURS.lot[lotKey] : (COLOURS.exchange[type] || COLOURS.exchange.NRA);
  if (phase === 'abandoned') colour = COLOURS.abandoned;
  const shape = { NRA: 'diamond', NRA_HD: 'circle', NRA_MED: 'triangle' }[type] || 'square';
  return { key: type + '|' + lotKey + '|' + phase, phase, colour, solid: phase !== 'planned', shape };
}

/** Backbone links: solid in service, long dashes under construction, short dashes otherwise. */
export function ruhdDash(status) {
  if (status === 'operational') return undefined;
  return status === 'underConstruction' ? [10, 5] : [5, 5];
}

export function ruhdWidth(capacityGbps) { return numberOr(capacityGbps, 0) >= 100 ? 4 : 2.5; }
