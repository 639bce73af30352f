/* The map's one popup (an OpenLayers overlay): opening, closing, keeping it in view, redrawing it. */
import { LOOKUP_ZOOM } from './config.js';
import { setPanelOpen } from './panel.js';
import { renderPremise } from './popup-premise.js';
import { renderCommune, renderFeaturePopup } from './popup-places.js';
import { popupHeader } from './popup-parts.js';
import { premiseUrl } from './search-query.js';
import { app, thdState } from './state.js';
import { fetchJson } from '../lib/api.js';
import { $, el, reducedMotion } from '../lib/dom.js';
import { numberOr } from '../lib/format.js';
import { t } from './map-i18n.js';

export function renderPopup() {
  const s = app.popup;
  if (!s) return;
  let nodes;
  if (s.kind === 'premise') {
    if (s.answer) nodes = renderPremise(s.answer);
    else if (s.error) nodes = [...popupHeader('kind.premise'), el('p', { class: 'popup-error', text: s.error })];
    else nodes = [...popupHeader('kind.premise'), el('p', { class: 'popup-loading', text: t('popup.loading') })];
  } else if (s.kind === 'commune') {
    nodes = renderCommune(s.props);
  } else {
    nodes = renderFeaturePopup(s.kind, s.props);
  }
  const content = $('popup-content');
  content.dataset.kind = s.kind;
  if (s.kind === 'premise' && s.buildingId != null) content.dataset.buildingId = String(s.buildingId);
  else delete content.dataset.buildingId;
  content.replaceChildren(...nodes.filter(Boolean));
}

export function openPopup(newState) {
  app.popupSeq++;
  app.popup = newState;
  renderPopup();
  app.overlay.setPosition(newState.coordinate);
  panPopupIntoView();
}

/**
 * Our own auto-pan rather than the Overlay's: the popup must also clear the search box that
 * floats over the top of the map, or the address (its first line) would hide under it.
 */
function panPopupIntoView() {
  const map = app.map;
  if (!app.popup || !app.popup.coordinate) return;
  map.renderSync(); // places the overlay, so that it can be measured
  const mapBox = map.getTargetElement().getBoundingClientRect();
  const box = $('popup').getBoundingClientRect();
  if (!box.width) return;
  const margin = 10;
  const arrow = 12;
  let top = mapBox.top + margin;
  const search = $('search-form').getBoundingClientRect();
  if (box.left < search.right && box.right > search.left) top = Math.max(top, search.bottom + margin);
  let dx = 0;
  let dy = 0;
  if (box.left < mapBox.left + margin) dx = mapBox.left + margin - box.left;
  else if (box.right > mapBox.right - margin) dx = mapBox.right - margin - box.right;
  // The top wins over the bottom: the address and the verdict come first; the rest scrolls.
  if (box.top < top) dy = top - box.top;
  else if (box.bottom + arrow > mapBox.bottom - margin) dy = Math.max(top - box.top, mapBox.bottom - margin - arrow - box.bottom);
  if (Math.abs(dx) < 1 && Math.abs(dy) < 1) return;
  const view = map.getView();
  const resolution = view.getResolution();
  const center = view.getCenter();
  view.animate({ center: [center[0] - dx * resolution, center[1] + dy * resolution], duration: reducedMotion() ? 0 : 200 });
}

export function closePopup() {
  app.popupSeq++;
  app.popup = null;
  if (app.overlay) app.overlay.setPosition(undefined);
}

export function loadPremisePopup(id, coordinate) {
  openPopup({ kind: 'premise', buildingId: id, coordinate, answer: null, error: null });
  const seq = app.popupSeq;
  fetchJson(premiseUrl(id, app.asOf))
    .then((answer) => {
      if (seq !== app.popupSeq) return; // closed or replaced meanwhile
      showPremiseAnswer(answer, { fly: false, coordinate });
    })
    .catch((err) => {
      if (seq !== app.popupSeq) return;
      console.warn('premise:', err);
      app.popup.error = err.detail || t('popup.error');
      renderPopup();
    });
}

function answerCoordinate(answer) {
  const loc = answer && answer.location;
  const lon = loc ? numberOr(loc.lon, null) : null;
  const lat = loc ? numberOr(loc.lat, null) : null;
  return lon != null && lat != null ? ol.proj.fromLonLat([lon, lat]) : null;
}

/** The popup of an eligibility answer (premise or lookup); with fly, the map first goes there at zoom 17. */
export function showPremiseAnswer(answer, options) {
  const map = app.map;
  const coordinate = answerCoordinate(answer) || options.coordinate;
  const open = () => {
    openPopup({ kind: 'premise', buildingId: answer.buildingId, coordinate, answer, error: null });
    thdState.lastPopupPremiseId = answer.buildingId ?? null;
  };
  if (!options.fly || !coordinate) {
    if (coordinate) open();
    return;
  }
  setPanelOpen(false);
  // Leave the search box, so that the popup goes over it (and a phone's keyboard folds away).
  if (document.activeElement && document.activeElement.closest('#search-form')) document.activeElement.blur();
  const view = map.getView();
  view.cancelAnimations();
  // The premise lands at 70 % of the map's height: the popup above it then clears the search box.
  const size = map.getSize();
  const shift = size ? 0.2 * size[1] * view.getResolutionForZoom(LOOKUP_ZOOM) : 0;
  const center = [coordinate[0], coordinate[1] + shift];
  if (reducedMotion()) {
    view.setCenter(center);
    view.setZoom(LOOKUP_ZOOM);
    open();
  } else {
    // Opened once the flight ends: panPopupIntoView() would otherwise fight the animation.
    view.animate({ center, zoom: LOOKUP_ZOOM, duration: 600 }, open);
  }
}
