/*
 * Colours of the map. The legends are drawn from the very same style objects (styles.js), so map
 * and legend cannot drift apart.
 */
import { numberOr } from '../lib/format.js';

export const COLOURS = {
  land: '#f4f1ea',
  department: '#4d4d4d',
  communeOutline: 'rgba(60, 60, 60, 0.35)',
  noData: '#d9d9d9',
  // communes outside the public programme (private initiative, very dense): neither a share of the
  // choropleth's greens or blues nor the grey of "no data", so that they never read as 0 %
  privatePerimeter: '#cdb9dc',
  tranche: { P1T1: '#1b7837', P1T2: '#5aae61', P2: '#f1a340', P3: '#998ec3', _: '#888888' },
  state: {
    CIBLE: '#bdbdbd', SIGNE: '#9ecae1', EN_COURS: '#fdae6b', DEPLOYE: '#31a354',
    RACCORDABLE_DEMANDE: '#74c476', ABANDONNE: '#de2d26', _: '#888888'
  },
  // Arcep speed classes, worst to best (RdYlGn): used in the popups' bars and their legend.
  speed: {
    INELIGIBLE: '#7f7f7f', BELOW_3: '#d73027', FROM_3: '#fc8d59', FROM_8: '#fee08b',
    FROM_30: '#d9ef8b', FROM_100: '#91cf60', FROM_1000: '#1a9850'
  },
  // Aggregates: share deployed in fifths. A diverging palette, unlike the sequential choropleth
  // underneath, so the circles read as a separate layer.
  aggregate: ['#d7191c', '#fdae61', '#ffffbf', '#a6d96a', '#1a9641'],
  // No blue and no green: the choropleth underneath is one or the other, and a navy NRA on the
  // darkest blue class would read as a hollow (planned) one.
  exchange: { NRA: '#111111', NRA_HD: '#8c510a', NRA_ZO: '#ff7f00' },
  lot: { 1: '#e7298a', 2: '#ffd92f', 3: '#00bcd4', _: '#969696' },
  abandoned: '#bdbdbd',
  ruhd: '#6a3d9a'
};

// Arcep coverage classes of a share (0 %, >0–5, 5–10, 10–25, 25–50, 50–80, ≥80 %): the lower
// bounds of classes 2..6; class 0 is exactly zero, class 1 anything above it up to 5 %.
export const SHARE_BREAKS = [0.05, 0.10, 0.25, 0.50, 0.80];
export const SHARE_BOUNDS_PCT = [0, 5, 10, 25, 50, 80];

export const CHOROPLETH = {
  fibre: {
    colours: ['#edf8e9', '#c7e9c0', '#a1d99b', '#74c476', '#41ab5d', '#238b45', '#005a32'],
    // ftth/premises rather than fibreOpenShare when we can: the server rounds the share to four
    // decimals, which would put a big commune with a handful of open lines in the "0 %" class.
    share: (a) => (a.premises > 0
      ? (a.bestTechnology && typeof a.bestTechnology.ftth === 'number'
        ? a.bestTechnology.ftth / a.premises : numberOr(a.fibreOpenShare, null))
      : null)
  },
  thd: {
    colours: ['#eff3ff', '#c6dbef', '#9ecae1', '#6baed6', '#4292c6', '#2171b5', '#084594'],
    share: (a) => (a.premises > 0 && a.cumulative && typeof a.cumulative.atLeast30 === 'number'
      ? a.cumulative.atLeast30 / a.premises : null)
  }
};
