/*
 * THD Tracker public eligibility map: vector tiles of our own territory (works offline), communes
 * coloured by eligibility on a chosen date, address search, popups that say in plain words what
 * a premise can get, the phases table and the FR/EN switch. This entry module only wires the
 * modules of js/map/ and js/lib/ together.
 *
 * Native ES modules, no bundler: OpenLayers comes from the WebJar as the global `ol` (a deferred
 * classic script, run before this module). Data never goes through innerHTML: text is set with
 * textContent / Text nodes, and the only HTML sink we feed (OpenLayers attributions) gets escaped strings.
 *
 * For tests: window.thdMap (ol.Map), window.thdLayers (by name), window.thdState, and
 * data-ready="true" on #map once the first communes tile has been drawn.
 */
import { initDateControls, loadAreas, renderAreasStatus, renderSliderLabel } from './map/as-of.js';
import { addBasemap } from './map/layers.js';
import { renderLegends } from './map/legends.js';
import { i18n, t } from './map/map-i18n.js';
import { buildMap } from './map/map-view.js';
import { renderHints, renderInfo, renderLoadErrors, renderUser, reportLoadError, setPanelOpen } from './map/panel.js';
import { renderPhases } from './map/phases-table.js';
import { closePopup, renderPopup } from './map/popups.js';
import { initSearch, renderSuggestions } from './map/search.js';
import { app, data, layers, thdState } from './map/state.js';
import { styles } from './map/styles.js';
import { renderTileNotice } from './map/tile-notice.js';
import { fetchJson, request } from './lib/api.js';
import { $ } from './lib/dom.js';
import { rememberLanguage } from './lib/i18n.js';
import { translatePage } from './lib/page-language.js';

window.thdState = thdState;

function applyLanguage() {
  translatePage(i18n);
  document.querySelectorAll('.ol-zoom-in').forEach((b) => { b.title = t('zoom.in'); });
  document.querySelectorAll('.ol-zoom-out').forEach((b) => { b.title = t('zoom.out'); });
  renderInfo();
  renderPhases();
  renderUser();
  renderLoadErrors();
  renderLegends();
  renderSliderLabel();
  renderAreasStatus();
  renderHints();
  renderTileNotice();
  renderSuggestions();
  if (layers.premises) {
    styles.aggregates.clear(); // compact counts are language-formatted ("1,2 k" / "1.2K")
    layers.premises.changed();
  }
  if (app.popup) renderPopup();
}

function loadPanelData() {
  fetchJson('api/info').then((info) => { data.info = info; }, (err) => { console.error(err); data.infoError = true; })
    .then(() => {
      renderInfo();
      if (data.info && data.info.basemap) addBasemap(data.info.basemap);
    });
  fetchJson('api/phases').then((phases) => { data.phases = Array.isArray(phases) ? phases : []; },
    (err) => { console.error(err); data.phasesError = true; }).then(renderPhases);
  // 200 {username, roles} when signed in; 401 (or a redirect, made opaque here) when anonymous.
  request('api/me', 'application/json', { redirect: 'manual' })
    .then((res) => (res.ok && (res.headers.get('Content-Type') || '').includes('json') ? res.json() : null))
    .catch(() => null)
    .then((me) => { data.me = me && me.username ? me : null; renderUser(); });
}

function start() {
  $('lang-toggle').addEventListener('click', () => {
    i18n.setLang(i18n.other());
    rememberLanguage(() => localStorage, i18n.lang);
    applyLanguage();
  });
  $('panel-toggle').addEventListener('click', () =>
    setPanelOpen(!$('app-main').classList.contains('panel-open')));
  document.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape') return;
    if (app.popup) closePopup();
    else setPanelOpen(false);
  });

  initDateControls();
  initSearch();
  if (typeof ol === 'undefined') {
    reportLoadError('map.label', new Error('OpenLayers (webjars/ol/dist/ol.js) did not load'));
  } else {
    buildMap();
  }
  applyLanguage();
  loadAreas();
  loadPanelData();
}

start();
