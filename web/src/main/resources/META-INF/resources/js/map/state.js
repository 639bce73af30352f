/* What the map page's modules share while it runs; one object each, updated in place. */
import { LAYER_NAMES } from './config.js';
import { todayIso } from '../lib/dates.js';

/** Answers of api/info, api/phases and api/me; the *Error flags say a request failed. */
export const data = { info: null, infoError: false, phases: null, phasesError: false, me: null };

/** Keys (i18n) of what failed to load, shown together in #load-errors. */
export const loadErrors = new Set();

/** OpenLayers layers by name (departments, communes, zones, premises, exchanges, ruhd). */
export const layers = {};

export const app = {
  map: null,
  overlay: null,
  landLayer: null,
  basemapLayer: null,
  choroplethMode: 'fibre',
  // Areas of the date on screen: {asOf, dataRefreshDate, byCode: Map<INSEE, area>}, null until the first answer.
  areas: null,
  // The open popup: {kind, coordinate, props | buildingId, answer, error}, null when closed.
  popup: null,
  // Bumped whenever a popup opens or closes: a late answer for an older popup is dropped.
  popupSeq: 0,
  asOf: todayIso(),
  sliderMax: 0
};

// The contract with the browser tests (window.thdState): kept as one object, updated in place.
// tilesLoaded: tiles received per layer, so that a test can wait for a layer's data.
export const thdState = {
  asOf: app.asOf, areasLoaded: false, areasAsOf: null, lastPopupPremiseId: null,
  tilesLoaded: Object.fromEntries(LAYER_NAMES.map((n) => [n, 0]))
};
