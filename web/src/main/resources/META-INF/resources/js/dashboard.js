/*
 * THD Tracker rollout dashboard (signed-in users): regional KPIs, phases table, S-curves, per
 * department / contractor bars and late zones, all "as of" a chosen date, and the Excel report.
 * This entry module only wires the modules of js/dashboard/ and js/lib/ together.
 *
 * Native ES modules, no bundler: Chart.js 4 comes from the WebJar as the global `Chart`. Data
 * never goes through innerHTML: text is set with textContent.
 *
 * For tests: window.thdDashboard = {charts: {scurves, departments, contractors}, loaded, error};
 * loaded turns true once every request of the current date has answered and been drawn.
 */
import { chartsAvailable, destroyCharts, renderCharts } from './dashboard/charts.js';
import { date, i18n, t } from './dashboard/dashboard-i18n.js';
import { PARTS, failedParts, isUnauthorized, partResults } from './dashboard/progress-parts.js';
import { initReport } from './dashboard/report.js';
import { renderKpis, renderLateZones, renderPhases } from './dashboard/tables.js';
import { fetchJson } from './lib/api.js';
import { todayIso, validIso } from './lib/dates.js';
import { $, whenReady } from './lib/dom.js';
import { rememberLanguage } from './lib/i18n.js';
import { translatePage } from './lib/page-language.js';

let seq = 0;
// Answers of the date on screen, by part: {ok: true, value} or {ok: false, error}; null while loading.
let results = null;
let info = null;

const dashboard = { charts: { scurves: null, departments: null, contractors: null }, loaded: false, error: null };
window.thdDashboard = dashboard;

function load(asOf) {
  const mine = ++seq;
  results = null; // until the new answers arrive, a language switch must not redraw the old ones
  dashboard.loaded = false;
  dashboard.error = null;
  $('dash-status').textContent = t('status.loading');
  const names = Object.keys(PARTS);
  Promise.allSettled(names.map((n) => fetchJson(PARTS[n](asOf)))).then((settled) => {
    if (mine !== seq) return; // a later date was asked for meanwhile
    results = partResults(names, settled);
    render();
  });
}

function loadInfo() {
  fetchJson('api/info').then((body) => { info = body; renderInfo(); }).catch(() => { /* date just not shown */ });
}

function render() {
  if (!results) return;
  const unauthorized = isUnauthorized(results);
  $('dash-auth').hidden = !unauthorized;
  $('dash-content').hidden = unauthorized;
  $('dash-status').textContent = '';
  if (unauthorized) {
    destroyCharts(dashboard.charts);
    $('dash-error').hidden = true;
    dashboard.error = 'unauthorized';
    return;
  }

  renderKpis(results);
  renderPhases(results);
  renderLateZones(results);
  renderCharts(dashboard.charts, results);

  const errors = failedParts(results).map((n) => t('what.' + n));
  const messages = [];
  if (errors.length) messages.push(t('error.load', { what: errors.join(', ') }));
  if (!chartsAvailable()) messages.push(t('error.noChart'));
  $('dash-error').textContent = messages.join(' ');
  $('dash-error').hidden = messages.length === 0;
  dashboard.error = messages.length ? messages.join(' ') : null;
  dashboard.loaded = messages.length === 0;
}

function renderInfo() {
  $('refresh-date').textContent = info && info.refreshDate ? t('info.refresh', { date: date(info.refreshDate) }) : '';
}

function start() {
  translatePage(i18n);
  const input = $('dashboard-date');
  input.value = todayIso();
  input.addEventListener('change', () => { if (validIso(input.value)) load(input.value); });
  $('lang-toggle').addEventListener('click', () => {
    i18n.setLang(i18n.other());
    rememberLanguage(() => localStorage, i18n.lang);
    translatePage(i18n);
    renderInfo();
    if (results) render(); // labels of tables and charts follow the language
    else $('dash-status').textContent = t('status.loading');
  });
  loadInfo();
  load(input.value);
  initReport();
}

whenReady(start);
