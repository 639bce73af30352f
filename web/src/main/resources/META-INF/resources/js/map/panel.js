/* The side panel's texts: data date, demo notice, signed-in user, load errors and layer hints. */
import { EXCHANGES_MIN_ZOOM, PREMISES_DETAIL_ZOOM } from './config.js';
import { app, data, loadErrors } from './state.js';
import { $ } from '../lib/dom.js';
import { fmtDate } from '../lib/dates.js';
import { fmtNumber } from '../lib/format.js';
import { locale, t } from './map-i18n.js';

export function renderInfo() {
  const node = $('refresh-date');
  const info = data.info;
  if (data.infoError) node.textContent = t('info.unavailable');
  else if (!info) node.textContent = t('info.loading');
  else node.textContent = info.refreshDate ? t('info.refresh', { date: fmtDate(info.refreshDate, locale()) }) : t('info.unknown');
  const demo = $('demo-notice');
  demo.hidden = !(info && info.demo);
  if (info && info.demo) {
    demo.textContent = t('info.demo', { seed: info.demo.seed, scale: fmtNumber(info.demo.scale, 3, locale()) ?? info.demo.scale });
  }
  if (app.map) app.map.render(); // the attribution control re-reads its text on the next frame
}

export function renderUser() {
  const me = data.me;
  const name = $('user-name');
  name.hidden = !me;
  $('login-link').hidden = !!me;
  $('logout-link').hidden = !me;
  if (me) {
    name.textContent = t('user.signedIn', { name: me.username });
    name.title = Array.isArray(me.roles) ? me.roles.join(', ') : '';
  }
}

export function renderLoadErrors() {
  const node = $('load-errors');
  node.hidden = loadErrors.size === 0;
  node.textContent = loadErrors.size ? t('error.load', { what: [...loadErrors].map((k) => t(k)).join(', ') }) : '';
}

export function reportLoadError(key, err) {
  console.error(err);
  if (loadErrors.has(key)) return;
  loadErrors.add(key);
  renderLoadErrors();
}

export function renderHints() {
  const zoom = app.map ? app.map.getView().getZoom() : 0;
  const premisesHint = $('premises-hint');
  premisesHint.hidden = !$('layer-premises').checked;
  premisesHint.textContent = zoom >= PREMISES_DETAIL_ZOOM ? t('premises.hintDetail') : t('premises.hintAggregated');
  const exchangesHint = $('exchanges-hint');
  exchangesHint.hidden = !$('layer-exchanges').checked || zoom >= EXCHANGES_MIN_ZOOM;
  exchangesHint.textContent = t('exchanges.hint');
}

/** On a phone the panel folds away; the ☰ button opens it over the map. */
export function setPanelOpen(open) {
  $('app-main').classList.toggle('panel-open', open);
  $('panel-toggle').setAttribute('aria-expanded', String(open));
}
