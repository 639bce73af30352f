/* The popups of a commune (its eligibility figures on the date shown) and of the other map features. */
import { SPEED_CLASSES } from './config.js';
import { CHOROPLETH, COLOURS } from './colours.js';
import { dl, popupFooter, popupHeader } from './popup-parts.js';
import { outsideProgrammeText, perimeterText } from './perimeter.js';
import { truthy } from './style-rules.js';
import { app } from './state.js';
import { fmtDate } from '../lib/dates.js';
import { el, swatch } from '../lib/dom.js';
import { fmtNumber, fmtPercent, fmtShare, numberOr } from '../lib/format.js';
import { label, locale, t } from './map-i18n.js';

/** A bar of the premises per speed class, with the list in words beneath it. */
function classBar(byClass, total) {
  const bar = el('div', { class: 'class-bar', role: 'img' });
  const parts = [];
  const list = el('ul', { class: 'class-list' });
  for (const c of SPEED_CLASSES) {
    const n = numberOr(byClass[c], 0);
    if (n <= 0) continue;
    const share = fmtPercent(n, total, locale());
    const seg = el('span', { class: 'class-bar-seg', title: t('labelValue', { label: t('speed.' + c), value: fmtNumber(n, 0, locale()) }) });
    seg.style.width = (100 * n / total) + '%';
    seg.style.backgroundColor = COLOURS.speed[c];
    bar.append(seg);
    parts.push(t('speed.' + c) + ' ' + share);
    list.append(el('li', {}, [swatch(COLOURS.speed[c], 'swatch-dot'),
      el('span', { class: 'class-name', text: t('speed.' + c) }),
      el('span', { class: 'class-count', text: fmtNumber(n, 0, locale()) + ' (' + share + ')' })]));
  }
  bar.setAttribute('aria-label', parts.join(', '));
  return [el('h4', { text: t('commune.classes') }), bar, list];
}

export function renderCommune(props) {
  const areas = app.areas;
  const insee = props.insee != null ? String(props.insee) : null;
  const area = areas && insee ? areas.byCode.get(insee) : null;
  const sub = [insee ? t('f.insee') + ' ' + insee : null,
    props.department ? t('f.department') + ' ' + props.department : null].filter(Boolean).join(' · ');
  const head = popupHeader('kind.commune', props.name || (area && area.name) || insee, sub);
  // the perimeter of the tile (today's) until the areas give the one of the date shown
  const perimeter = area && area.perimeter ? area.perimeter : { kind: props.perimeter || 'PUBLIC', operatorName: props.perimeterOperator };
  const outside = outsideProgrammeText(perimeter.kind, perimeter.operatorName);
  const notice = outside ? el('p', { class: 'perimeter-notice', text: outside }) : null;
  if (!areas) return [...head, notice, el('p', { text: t('legend.notLoaded') })];
  if (!area) return [...head, notice, el('p', { text: t('commune.noData') }), popupFooter(areas.asOf, areas.dataRefreshDate)];
  const total = numberOr(area.premises, 0);
  return [
    ...head,
    notice,
    dl([
      ['f.perimeter', outside ? null : perimeterText(perimeter.kind, perimeter.operatorName)],
      ['f.premises', fmtNumber(total, 0, locale())],
      ['f.fibreShare', fmtShare(CHOROPLETH.fibre.share(area), locale())],
      ['f.thdShare', fmtShare(CHOROPLETH.thd.share(area), locale())]
    ]),
    total > 0 && area.byClass ? classBar(area.byClass, total) : null,
    popupFooter(areas.asOf, areas.dataRefreshDate)
  ].flat();
}

export function renderFeaturePopup(kind, p) {
  if (kind === 'zone') {
    return [...popupHeader('kind.zone', p.name || p.code), dl([
      ['f.code', p.code],
      ['f.tranche', p.tranche ? p.tranche + ' — ' + label('tranche.', p.tranche) : null],
      ['f.phase', p.phase],
      ['f.studyStatus', p.studyStatus ? label('study.', p.studyStatus) + ' (' + p.studyStatus + ')' : null],
      ['f.contractor', p.contractor]
    ])];
  }
  if (kind === 'exchange') {
    return [...popupHeader('kind.exchange', p.name || p.code), dl([
      ['f.code', p.code],
      ['f.type', label('typeLong.', p.type)],
      ['f.lot', p.lot != null && p.lot !== '' ? String(p.lot) : null],
      ['f.operationStatus', label('op.', p.operationStatus)],
      ['f.vdsl2', p.vdsl2 == null || p.vdsl2 === '' ? null : (truthy(p.vdsl2)
        ? (p.vdsl2From ? t('exchange.since', { date: fmtDate(p.vdsl2From, locale()) }) : t('yes')) : t('no'))],
      ['f.fibreBackhaul', p.fibreBackhaulFrom ? t('exchange.since', { date: fmtDate(p.fibreBackhaulFrom, locale()) }) : null]
    ])];
  }
  if (kind === 'ruhdSite') {
    return [...popupHeader('kind.ruhdSite', p.name || p.code), dl([['f.code', p.code], ['f.siteKind', p.siteKind]])];
  }
  if (kind === 'ruhdLink') {
    const capacity = numberOr(p.capacityGbps, null);
    return [...popupHeader('kind.ruhdLink', p.code), dl([
      ['f.status', label('ofds.', p.status)],
      ['f.capacity', capacity == null ? null : t('gbps', { n: fmtNumber(capacity, 1, locale()) })]
    ])];
  }
  return [...popupHeader('kind.department', p.name || p.code), dl([['f.code', p.code]])];
}
