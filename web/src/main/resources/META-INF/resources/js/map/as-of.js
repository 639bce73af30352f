/*
 * The date the map shows ("as of"): the date input, the quarter slider, and the communes'
 * eligibility figures of that date (api/eligibility/areas), which colour the choropleth.
 */
import { AREAS_DELAY_MS, MIN_DATE, SLIDER_FIRST_YEAR } from './config.js';
import { CHOROPLETH } from './colours.js';
import { renderCommunesLegend } from './legends.js';
import { renderLoadErrors, reportLoadError } from './panel.js';
import { loadPremisePopup, renderPopup } from './popups.js';
import { app, layers, loadErrors, thdState } from './state.js';
import { fetchJson, isAbort } from '../lib/api.js';
import { fmtDate, quarterIndex, quarterLastDay, quarterOf, todayIso, validIso } from '../lib/dates.js';
import { $ } from '../lib/dom.js';
import { fmtNumber } from '../lib/format.js';
import { locale, t } from './map-i18n.js';

const areasRequest = { seq: 0, timer: null, controller: null, loading: false, error: false, retried: null };

/** "T3 2027" / "Q3 2027" from a date; the server's own text when it sent no date. */
export function quarterText(iso, fallback) {
  const q = quarterOf(iso);
  return q ? t('quarter', q) : (fallback || null);
}

function clampQuarter(index) { return Math.max(0, Math.min(app.sliderMax, index)); }

export function initDateControls() {
  const input = $('asof-date');
  const slider = $('asof-slider');
  input.min = MIN_DATE;
  input.value = app.asOf;
  app.sliderMax = Math.max(0, quarterIndex(todayIso(), SLIDER_FIRST_YEAR));
  slider.max = String(app.sliderMax);
  slider.value = String(clampQuarter(quarterIndex(app.asOf, SLIDER_FIRST_YEAR)));

  // 'change' fires for every complete date while the year is being typed (0002, 0020, 0202,
  // 2020): dates before the minimum are ignored rather than corrected under the user's fingers.
  input.addEventListener('change', () => {
    if (validIso(input.value) && input.value >= MIN_DATE) setAsOf(input.value, { delay: AREAS_DELAY_MS });
  });
  input.addEventListener('blur', () => {
    if (!validIso(input.value) || input.value < MIN_DATE) input.value = app.asOf;
  });
  slider.addEventListener('input', () => {
    // The last day of the quarter ("where were we at the end of Q3 2020?"), today for the current one.
    const end = quarterLastDay(Number(slider.value), SLIDER_FIRST_YEAR);
    const today = todayIso();
    setAsOf(end > today ? today : end, { fromSlider: true, delay: AREAS_DELAY_MS });
  });
  $('choropleth-mode').addEventListener('change', (e) => {
    app.choroplethMode = CHOROPLETH[e.target.value] ? e.target.value : 'fibre';
    if (layers.communes) layers.communes.changed();
    renderCommunesLegend();
  });
  renderSliderLabel();
}

export function renderSliderLabel() {
  const text = quarterText(app.asOf);
  $('asof-slider-label').textContent = text;
  $('asof-slider').setAttribute('aria-valuetext', text + ' — ' + fmtDate(app.asOf, locale()));
}

function setAsOf(date, options) {
  const opts = options || {};
  if (!validIso(date)) return;
  if (date < MIN_DATE) date = MIN_DATE;
  if (date === app.asOf && app.areas && app.areas.asOf === date) return;
  app.asOf = date;
  thdState.asOf = date;
  thdState.areasLoaded = !!app.areas && app.areas.asOf === date;
  $('asof-date').value = date;
  if (!opts.fromSlider) $('asof-slider').value = String(clampQuarter(quarterIndex(date, SLIDER_FIRST_YEAR)));
  renderSliderLabel();
  scheduleAreas(opts.delay || 0);
  // An open premise popup follows the date; a commune popup is redrawn when its areas arrive.
  if (app.popup && app.popup.kind === 'premise') loadPremisePopup(app.popup.buildingId, app.popup.coordinate);
}

function scheduleAreas(delay) {
  clearTimeout(areasRequest.timer);
  areasRequest.loading = true;
  renderAreasStatus();
  areasRequest.timer = setTimeout(loadAreas, delay);
}

/** Areas of an answer by INSEE code. */
export function areasByCode(json) {
  const byCode = new Map();
  for (const a of Array.isArray(json && json.areas) ? json.areas : []) {
    if (a && a.code != null) byCode.set(String(a.code), a);
  }
  return byCode;
}

export function loadAreas() {
  const asOf = app.asOf;
  const seq = ++areasRequest.seq;
  if (areasRequest.controller) areasRequest.controller.abort();
  const controller = new AbortController();
  areasRequest.controller = controller;
  areasRequest.loading = true;
  renderAreasStatus();
  fetchJson('api/eligibility/areas?level=commune&asOf=' + encodeURIComponent(asOf), { signal: controller.signal })
    .then((json) => {
      if (seq !== areasRequest.seq) return;
      app.areas = { asOf, dataRefreshDate: json.dataRefreshDate || null, byCode: areasByCode(json) };
      areasRequest.loading = false;
      areasRequest.error = false;
      loadErrors.delete('load.areas');
      renderLoadErrors();
      thdState.areasAsOf = asOf;
      thdState.areasLoaded = asOf === app.asOf;
      if (layers.communes) layers.communes.changed();
      renderAreasStatus();
      if (app.popup && app.popup.kind === 'commune') renderPopup();
    })
    .catch((err) => {
      if (isAbort(err) || seq !== areasRequest.seq) return;
      // One quiet retry when rate limited (slider played too fast): the server asks for a second.
      if (err.status === 429 && areasRequest.retried !== asOf) {
        areasRequest.retried = asOf;
        scheduleAreas(1100);
        return;
      }
      areasRequest.loading = false;
      areasRequest.error = true;
      reportLoadError('load.areas', err);
      renderAreasStatus();
    });
}

export function renderAreasStatus() {
  const node = $('areas-status');
  const areas = app.areas;
  if (areasRequest.loading) node.textContent = t('areas.loading', { date: fmtDate(app.asOf, locale()) });
  else if (areasRequest.error) node.textContent = t('areas.error');
  else if (areas) node.textContent = t('areas.loaded', { n: fmtNumber(areas.byCode.size, 0, locale()), date: fmtDate(areas.asOf, locale()) });
  else node.textContent = '';
}
