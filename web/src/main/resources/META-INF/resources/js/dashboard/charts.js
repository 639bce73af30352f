/*
 * The dashboard's charts (Chart.js 4 from the WebJar, the global `Chart`): S-curves per phase and
 * stacked bars per department and per contractor. The data builders need no Chart.js.
 */
import { groupsOf } from './progress-parts.js';
import { i18n, t } from './dashboard-i18n.js';
import { fmtMonth } from '../lib/dates.js';
import { $ } from '../lib/dom.js';

export const COLOURS = {
  built: '#31a354', inWorks: '#fdae6b', inStudy: '#9ecae1',
  // one colour per phase in the S-curves; the three measures of a phase differ by dash pattern
  phases: ['#1b7837', '#f1a340', '#998ec3', '#0b5cad', '#d7191c', '#636363']
};

const MEASURES = [['built', 'built', []], ['openForSale', 'open', [6, 4]], ['subscribed', 'subscribed', [2, 3]]];

/** Line chart data of api/progress/series: three datasets per phase, in the phase's colour. */
export function scurveData(body) {
  const months = Array.isArray(body.months) ? body.months : [];
  const datasets = [];
  (body.series || []).forEach((s, i) => {
    const colour = COLOURS.phases[i % COLOURS.phases.length];
    for (const [field, key, dash] of MEASURES) {
      datasets.push({
        label: (s.name || s.code) + ' — ' + t('measure.' + key),
        data: Array.isArray(s[field]) ? s[field] : [],
        borderColor: colour, backgroundColor: colour, borderDash: dash,
        borderWidth: 2, pointRadius: 0, tension: 0.1
      });
    }
  });
  return { labels: months.map((m) => fmtMonth(m, i18n.locale())), datasets };
}

/** Bar chart data of progress groups: built, in works and in study stacked. */
export function stackedData(groups) {
  const bar = (key, field, colour) => ({
    label: t('bar.' + key), data: groups.map((g) => g[field] || 0), backgroundColor: colour
  });
  return {
    labels: groups.map((g) => g.name || g.code),
    datasets: [
      bar('built', 'built', COLOURS.built),
      bar('inWorks', 'inWorks', COLOURS.inWorks),
      bar('inStudy', 'inStudy', COLOURS.inStudy)
    ]
  };
}

function baseOptions() {
  return {
    locale: 'fr-FR', // tooltips and ticks use Intl.NumberFormat('fr-FR')
    responsive: true,
    maintainAspectRatio: false,
    animation: false, // drawn once created: "loaded" then means drawn
    interaction: { mode: 'index', intersect: false }
  };
}

export function chartsAvailable() { return typeof window.Chart === 'function'; }

export function destroyCharts(charts) {
  for (const name of Object.keys(charts)) {
    if (charts[name]) charts[name].destroy();
    charts[name] = null;
  }
}

function scurvesChart(body) {
  const options = baseOptions();
  options.scales = { y: { beginAtZero: true } };
  options.plugins = { legend: { position: 'bottom' } };
  return new window.Chart($('chart-scurves'), { type: 'line', data: scurveData(body), options });
}

function stackedChart(canvasId, groups) {
  const options = baseOptions();
  options.scales = { x: { stacked: true }, y: { stacked: true, beginAtZero: true } };
  options.plugins = { legend: { position: 'bottom' } };
  return new window.Chart($(canvasId), { type: 'bar', data: stackedData(groups), options });
}

/** Charts of the answers, in place of the previous ones (charts: {scurves, departments, contractors}). */
export function renderCharts(charts, results) {
  destroyCharts(charts);
  if (!chartsAvailable()) return;
  const series = results.series;
  if (series.ok && series.value) charts.scurves = scurvesChart(series.value);
  const deps = groupsOf(results.departments);
  if (deps) charts.departments = stackedChart('chart-departments', deps);
  const cons = groupsOf(results.contractors);
  if (cons) charts.contractors = stackedChart('chart-contractors', cons);
}
