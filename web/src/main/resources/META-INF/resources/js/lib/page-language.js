/* The parts of a page that follow the language: data-i18n* attributes, the title and the FR/EN button. */
import { $ } from './dom.js';

export function translatePage(i18n) {
  const t = i18n.t;
  document.documentElement.lang = i18n.lang;
  if (i18n.has('page.title')) document.title = t('page.title');
  document.querySelectorAll('[data-i18n]').forEach((n) => { n.textContent = t(n.dataset.i18n); });
  document.querySelectorAll('[data-i18n-aria]').forEach((n) => n.setAttribute('aria-label', t(n.dataset.i18nAria)));
  document.querySelectorAll('[data-i18n-placeholder]').forEach((n) => n.setAttribute('placeholder', t(n.dataset.i18nPlaceholder)));
  const toggle = $('lang-toggle');
  toggle.textContent = t('lang.toggle');
  toggle.setAttribute('aria-label', t('lang.toggleLabel'));
  toggle.setAttribute('lang', t('lang.target'));
}
