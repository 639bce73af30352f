/* The panel's "progress by tranche" table, from api/phases. */
import { TRANCHES } from './config.js';
import { COLOURS } from './colours.js';
import { deployedOf } from './style-rules.js';
import { data } from './state.js';
import { $, el, swatch } from '../lib/dom.js';
import { fmtDate } from '../lib/dates.js';
import { fmtNumber, fmtPercent, numberOr } from '../lib/format.js';
import { locale, t } from './map-i18n.js';

function phaseRow(cls, head, title, lines, deployed) {
  return el('tr', { class: cls }, [
    el('th', { scope: 'row', title }, head),
    el('td', { class: 'num', text: fmtNumber(lines, 0, locale()) ?? '—' }),
    el('td', { class: 'num', text: fmtNumber(deployed, 0, locale()) ?? '—' }),
    el('td', { class: 'num', text: fmtPercent(deployed, lines, locale()) ?? '—' })
  ]);
}

/** "Name — due: date", the row's tooltip. */
function rowTitle(item) {
  return [item.name, item.targetEndDate ? t('phases.target', { date: fmtDate(item.targetEndDate, locale()) }) : null]
    .filter(Boolean).join(' — ');
}

export function renderPhases() {
  const table = $('phases-table');
  const body = table.tBodies[0];
  const foot = table.tFoot;
  foot.replaceChildren();
  const message = data.phasesError ? t('phases.error') : !data.phases ? t('info.loading')
    : data.phases.length === 0 ? t('phases.empty') : null;
  if (message) {
    body.replaceChildren(el('tr', {}, [el('td', { colspan: '4', text: message })]));
    return;
  }
  const rows = [];
  let totalLines = 0;
  let totalDeployed = 0;
  for (const phase of data.phases) {
    const tranches = Array.isArray(phase.tranches) ? phase.tranches : [];
    // A subtotal row only helps when the phase has several tranches (P1); P2 and P3 have one.
    if (tranches.length !== 1) {
      rows.push(phaseRow('phase-row', [phase.code], rowTitle(phase), phase.lines, deployedOf(phase.byState)));
    }
    for (const tr of tranches) {
      const sw = TRANCHES.includes(tr.code) ? swatch(COLOURS.tranche[tr.code]) : null;
      rows.push(phaseRow('tranche-row', [sw, tr.code], rowTitle(tr), tr.lines, deployedOf(tr.byState)));
    }
    totalLines += numberOr(phase.lines, 0);
    totalDeployed += deployedOf(phase.byState);
  }
  body.replaceChildren(...rows);
  foot.append(phaseRow('total-row', [t('phases.total')], null, totalLines, totalDeployed));
}
