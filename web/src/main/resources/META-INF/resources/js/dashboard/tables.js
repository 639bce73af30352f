/* The dashboard's figures in HTML: regional KPIs, the phases table and the late zones. */
import { delayKind, groupsOf, lateZoneHref } from './progress-parts.js';
import { date, num, ratio, share, t } from './dashboard-i18n.js';
import { $, el } from '../lib/dom.js';

export function renderKpis(results) {
  const box = $('kpis');
  const groups = groupsOf(results.region);
  if (!groups) { box.replaceChildren(el('p', { class: 'hint', text: t('unavailable') })); return; }
  const g = groups[0] || {};
  const pace = g.builtPerMonth ? g.builtPerMonth.last12Months : null;
  const tiles = [
    ['targeted', num(g.targeted)], ['inWorks', num(g.inWorks)], ['built', num(g.built)],
    ['open', num(g.openForSale)], ['subscribed', num(g.subscribed)],
    ['takeUp', share(g.takeUpRate)], ['pace', num(pace)]
  ];
  box.replaceChildren(...tiles.map(([key, value]) => el('div', { class: 'kpi', 'data-kpi': key }, [
    el('span', { class: 'kpi-value', text: value }),
    el('span', { class: 'kpi-label', text: t('kpi.' + key) })
  ])));
}

/** Forecast and delay cells of a phase: completed, not estimable, late (red) or on time. */
function delayCells(g) {
  const kind = delayKind(g);
  if (kind === 'completed') {
    return [el('td', { text: t('phase.completed'), class: 'on-time' }), el('td', { class: 'num', text: '—' })];
  }
  const forecast = el('td', { text: g.forecastCompletion ? date(g.forecastCompletion) : t('phase.noForecast') });
  const d = g.forecastDelayDays;
  let delay;
  if (kind === 'unknown') delay = el('td', { class: 'num', text: '—' });
  else if (kind === 'late') delay = el('td', { class: 'num late', text: t('phase.delay', { n: num(d) }) });
  else if (kind === 'ahead') delay = el('td', { class: 'num on-time', text: t('phase.ahead', { n: num(-d) }) });
  else delay = el('td', { class: 'num on-time', text: t('phase.onTime') });
  if (kind === 'late') forecast.className = 'late';
  return [forecast, delay];
}

function messageRow(tbody, colspan, text) {
  tbody.replaceChildren(el('tr', {}, [el('td', { colspan: String(colspan), text })]));
}

export function renderPhases(results) {
  const tbody = $('phases').tBodies[0];
  const groups = groupsOf(results.phases);
  if (!groups) { messageRow(tbody, 8, t('unavailable')); return; }
  if (!groups.length) { messageRow(tbody, 8, t('empty')); return; }
  tbody.replaceChildren(...groups.map((g) => el('tr', { 'data-code': g.code }, [
    el('th', { scope: 'row', text: g.name || g.code }),
    el('td', { class: 'num', text: num(g.targeted) }),
    el('td', { class: 'num', text: num(g.built) }),
    el('td', { class: 'num', text: ratio(g.built, g.targeted) }),
    el('td', { class: 'num', text: num(g.builtPerMonth ? g.builtPerMonth.last12Months : null) }),
    el('td', { text: g.targetDate ? date(g.targetDate) : '—' }),
    ...delayCells(g)
  ])));
}

export function renderLateZones(results) {
  const tbody = $('late-zones').tBodies[0];
  const part = results.late;
  const zones = part.ok && part.value && Array.isArray(part.value.zones) ? part.value.zones : null;
  if (part.ok && part.value && typeof part.value.lateBuiltShare === 'number') {
    $('late-hint').textContent = t('late.hint', { share: share(part.value.lateBuiltShare) });
  }
  if (!zones) { messageRow(tbody, 10, t('unavailable')); return; }
  if (!zones.length) { messageRow(tbody, 10, t('late.none')); return; }
  tbody.replaceChildren(...zones.map((z) => el('tr', { 'data-code': z.code }, [
    el('td', { text: z.code }),
    el('td', { text: z.name || '—' }),
    el('td', { text: z.tranche || '—' }),
    el('td', { text: z.contractor || '—' }),
    el('td', { class: 'late', text: date(z.planned_end_date) }),
    el('td', { class: 'num', text: num(z.lines) }),
    el('td', { class: 'num', text: num(z.built) }),
    el('td', { class: 'num', text: ratio(z.built, z.lines) }),
    el('td', { text: z.forecastCompletion ? date(z.forecastCompletion) : t('phase.noForecast') }),
    el('td', {}, [el('a', { href: lateZoneHref(z), text: t('late.map') })])
  ])));
}
