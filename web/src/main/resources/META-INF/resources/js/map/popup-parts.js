/* Building blocks shared by the popups: header, footer, definition lists and speed badges. */
import { SPEED_CLASSES } from './config.js';
import { COLOURS } from './colours.js';
import { el, swatch } from '../lib/dom.js';
import { fmtDate } from '../lib/dates.js';
import { locale, t } from './map-i18n.js';

/** A <dl> of [labelKey, value] rows; rows without a value are left out. */
export function dl(rows) {
  const list = el('dl', {});
  for (const [key, value] of rows) {
    if (value == null || value === '') continue;
    list.append(el('dt', { text: t(key) }), el('dd', {}, [].concat(value)));
  }
  return list;
}

export function popupHeader(kindKey, title, sub) {
  return [
    el('p', { class: 'popup-kind', text: t(kindKey) }),
    title ? el('h3', { class: 'popup-title', text: title }) : null,
    sub ? el('p', { class: 'popup-sub', text: sub }) : null
  ];
}

export function popupFooter(asOf, refreshDate) {
  return el('p', { class: 'popup-footer' }, [
    asOf ? t('popup.asOf', { date: fmtDate(asOf, locale()) }) : null,
    asOf && refreshDate ? ' · ' : null,
    refreshDate ? el('span', { class: 'popup-refresh', text: t('popup.refresh', { date: fmtDate(refreshDate, locale()) }) }) : null
  ]);
}

export function speedBadge(speedClass, fallbackLabel) {
  const text = SPEED_CLASSES.includes(speedClass) ? t('speed.' + speedClass) : fallbackLabel;
  if (!text) return null;
  return el('span', { class: 'speed-badge', 'data-class': speedClass || '' },
    [swatch(COLOURS.speed[speedClass] || COLOURS.noData, 'swatch-dot'), text]);
}
