/* The popup of a premise: what it can get today, what is planned, and its copper line. */
import { popupFooter, popupHeader, dl, speedBadge } from './popup-parts.js';
import { outsideProgrammeText } from './perimeter.js';
import { quarterText } from './as-of.js';
import { app, data } from './state.js';
import { el } from '../lib/dom.js';
import { fmtDate } from '../lib/dates.js';
import { fmtMbps, fmtNumber, numberOr } from '../lib/format.js';
import { label, locale, t } from './map-i18n.js';

/** "NRA-MED 22001 — Name" of the equipment serving a line. */
export function servedByText(servedBy) {
  if (!servedBy) return null;
  const type = servedBy.type ? label('type.', servedBy.type) : null;
  return [type, servedBy.code].filter(Boolean).join(' ') + (servedBy.name ? ' — ' + servedBy.name : '');
}

/** The fibre sentence: available, planned (when, with which phase), late, abandoned or not planned. */
export function fibreStatusText(a) {
  if (a.openToFibre === true) return t('fibre.available');
  const p = a.programme || {};
  const phase = p.phaseName || p.phase || null;
  const when = quarterText(p.fibreForecastDate, p.fibreForecastQuarter);
  if (when) return t(isLate(a) ? 'fibre.late' : 'fibre.planned', { when }) + (phase ? ' (' + phase + ')' : '');
  if (a.state === 'ABANDONNE') return t('fibre.abandoned');
  if (phase) {
    return t('fibre.plannedPhase', { phase }) +
      (p.phaseTargetEnd ? ', ' + t('fibre.targetEnd', { date: fmtDate(p.phaseTargetEnd, locale()) }) : '');
  }
  return t('fibre.notPlanned');
}

/** The date promised has passed without fibre: the server says so (fibreForecastLate). */
export function isLate(a) {
  return a.openToFibre !== true && !!a.programme && a.programme.fibreForecastLate === true;
}

/** "1,25 km, measured along roads": metres under a kilometre keep two decimals. */
export function lineLengthText(line) {
  const m = numberOr(line && line.lengthM, null);
  if (m == null) return null;
  return fmtNumber(m / 1000, m < 1000 ? 2 : 1, locale()) + ' km' +
    (line.measuredAlong ? ', ' + label('line.', line.measuredAlong) : '');
}

function fibreStatus(a) {
  const cls = a.openToFibre === true ? 'fibre-status fibre-ok'
    : 'fibre-status fibre-planned' + (isLate(a) ? ' fibre-late' : '');
  const status = el('p', { class: cls, text: fibreStatusText(a) });
  // what "late" means for the resident: works go on, the promised quarter has passed
  return isLate(a) ? [status, el('p', { class: 'popup-sub fibre-late-hint', text: t('fibre.lateHint') })] : status;
}

function bestBlock(best) {
  if (!best || !best.technology || best.technology === 'NONE') {
    return el('div', { class: 'best' }, [el('p', { class: 'best-tech', text: t('best.none') }),
      best ? speedBadge(best.speedClass || 'INELIGIBLE', best.speedClassLabel) : null]);
  }
  const speed = fmtMbps(best.maxMbps ?? best.minMbps, locale());
  return el('div', { class: 'best' }, [
    el('p', { class: 'best-tech', text: t('best.title', { tech: label('tech.', best.technology) }) }),
    el('p', { class: 'best-speed' }, [
      speed ? el('strong', { text: t('best.upTo', { speed }) }) : null,
      speed ? ' ' : null,
      speedBadge(best.speedClass, best.speedClassLabel)
    ]),
    best.technology === 'FTTH' && best.servedBy
      ? el('p', { class: 'popup-sub', text: t('best.servedBy', { what: servedByText(best.servedBy) }) })
      : null
  ]);
}

/** The copper line; its speed row is left out when the best technology above already says it. */
function copperBlock(copper, speedShownAbove) {
  const line = copper.line || {};
  const speed = fmtMbps(copper.maxMbps ?? copper.minMbps, locale());
  const tech = copper.technology && copper.technology !== 'NONE'
    ? el('span', {}, [speed ? t('copper.speed', { tech: label('techShort.', copper.technology), speed })
      : label('techShort.', copper.technology), ' ', speedBadge(copper.speedClass, copper.speedClassLabel)])
    : speedBadge(copper.speedClass || 'INELIGIBLE', copper.speedClassLabel);
  const attenuation = numberOr(line.attenuationDb, null);
  return el('div', { class: 'copper' }, [
    el('h4', { text: t('copper.title') }),
    dl([
      ['f.copper', speedShownAbove ? null : tech],
      ['f.equipment', servedByText(copper.servedBy)],
      ['f.line', lineLengthText(line)],
      ['f.attenuation', attenuation == null ? null : fmtNumber(attenuation, 1, locale()) + ' dB']
    ])
  ]);
}

/** In a private-initiative town: "Zone d'initiative privée — Orange, hors programme public : …". */
function perimeterNotice(perimeter) {
  const text = perimeter ? outsideProgrammeText(perimeter.kind, perimeter.operatorName) : null;
  return text ? el('p', { class: 'perimeter-notice', text }) : null;
}

/** "Immeuble · 20 logement(s), 2 local(aux) professionnel(s)": the lines the building holds. */
export function buildingText(b) {
  if (!b || b.lines == null) return null;
  return t('building.lines', { type: label('building.', b.type), dwellings: b.dwellings, business: b.businessPremises });
}

/** "Phase 1 — Tranche 1", without repeating a name that is the same for both. */
export function programmeText(p) {
  return [p.phaseName || p.phase, p.trancheName || p.tranche]
    .filter((v, i, all) => v && all.indexOf(v) === i).join(' — ');
}

export function renderPremise(a) {
  const commune = a.commune ? [a.commune.name, a.commune.insee ? '(' + a.commune.insee + ')' : null]
    .filter(Boolean).join(' ') : null;
  return [
    ...popupHeader('kind.premise', a.address || t('premise.noAddress'), commune),
    perimeterNotice(a.commune && a.commune.perimeter),
    ...[].concat(fibreStatus(a)),
    bestBlock(a.best),
    a.copper ? copperBlock(a.copper, !!a.best && a.best.technology === a.copper.technology) : null,
    dl([['f.building', buildingText(a.building)], ['f.programme', programmeText(a.programme || {})],
      ['f.state', label('state.', a.state)]]),
    popupFooter(a.asOf || app.asOf, a.dataRefreshDate || (data.info && data.info.refreshDate))
  ];
}
