// The i18n lookup, its fallbacks, the stored language, and the real string files of js/i18n/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createTranslator, fillParams, pageStrings, rememberLanguage, storedLanguage } from '../../main/resources/META-INF/resources/js/lib/i18n.js';
import { STRING_FILES } from '../../main/resources/META-INF/resources/js/lib/strings.js';

const dicts = {
  fr: { hello: 'Bonjour {name}', only_fr: 'Seulement en français', 'state.DEPLOYE': 'Déployé' },
  en: { hello: 'Hello {name}' }
};

test('French is the default and English is used once chosen', () => {
  const i18n = createTranslator(dicts, undefined);
  assert.equal(i18n.lang, 'fr');
  assert.equal(i18n.t('hello', { name: 'Anne' }), 'Bonjour Anne');
  i18n.setLang('en');
  assert.equal(i18n.t('hello', { name: 'Anne' }), 'Hello Anne');
  assert.equal(i18n.locale(), 'en-GB');
});

test('a string missing in English falls back to French, then to the key itself', () => {
  const i18n = createTranslator(dicts, 'en');
  assert.equal(i18n.t('only_fr'), 'Seulement en français');
  assert.equal(i18n.t('no.such.key'), 'no.such.key');
  assert.equal(i18n.has('only_fr'), true);
  assert.equal(i18n.has('no.such.key'), false);
});

test('a missing parameter becomes empty, never "undefined"', () => {
  assert.equal(fillParams('{a} et {b}', { a: 1 }), '1 et ');
  assert.equal(fillParams('{a} sans paramètres', undefined), '{a} sans paramètres');
  assert.equal(fillParams('{n} locaux', { n: 0 }), '0 locaux');
});

test('labels of codes: the translation, else the raw code, null for no code', () => {
  const i18n = createTranslator(dicts, 'en');
  assert.equal(i18n.label('state.', 'DEPLOYE'), 'Déployé');
  assert.equal(i18n.label('state.', 'INCONNU'), 'INCONNU');
  assert.equal(i18n.label('state.', ''), null);
  assert.equal(i18n.label('state.', null), null);
});

test('an unknown language is ignored and other() switches between FR and EN', () => {
  const i18n = createTranslator(dicts, 'de');
  assert.equal(i18n.lang, 'fr');
  i18n.setLang('de');
  assert.equal(i18n.lang, 'fr');
  assert.equal(i18n.other(), 'en');
  i18n.setLang(i18n.other());
  assert.equal(i18n.other(), 'fr');
});

test('the stored language is read back, and blocked storage means French', () => {
  const values = {};
  const storage = { getItem: (k) => values[k] ?? null, setItem: (k, v) => { values[k] = v; } };
  assert.equal(storedLanguage(() => storage), 'fr');
  rememberLanguage(() => storage, 'en');
  assert.equal(values['thd.lang'], 'en');
  assert.equal(storedLanguage(() => storage), 'en');
  values['thd.lang'] = 'klingon';
  assert.equal(storedLanguage(() => storage), 'fr');
  assert.equal(storedLanguage(() => { throw new Error('SecurityError'); }), 'fr');
  assert.doesNotThrow(() => rememberLanguage(() => { throw new Error('SecurityError'); }, 'en'));
});

test('page strings: shared ones plus the page own, the page winning', () => {
  const files = { fr: { shared: { a: 'commun', b: 'commun' }, map: { b: 'carte' } }, en: { shared: { a: 'shared' } } };
  const s = pageStrings(files, 'map');
  assert.deepEqual(s.fr, { a: 'commun', b: 'carte' });
  assert.deepEqual(s.en, { a: 'shared' });
});

const placeholders = (s) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test('the string files have the same keys and placeholders in French and English', () => {
  for (const section of ['shared', 'map', 'dashboard']) {
    const fr = STRING_FILES.fr[section];
    const en = STRING_FILES.en[section];
    assert.ok(Object.keys(fr).length > 0, section + ' is empty');
    assert.deepEqual(Object.keys(en).sort(), Object.keys(fr).sort(), section);
    for (const key of Object.keys(fr)) assert.deepEqual(placeholders(en[key]), placeholders(fr[key]), section + ' ' + key);
  }
});

test('every data-i18n key of the two pages has a string', () => {
  const pages = { map: 'index.html', dashboard: 'dashboard.html' };
  for (const [page, file] of Object.entries(pages)) {
    const html = readFileSync(new URL('../../main/resources/META-INF/resources/' + file, import.meta.url), 'utf8');
    const keys = [...html.matchAll(/data-i18n(?:-aria|-placeholder)?="([^"]+)"/g)].map((m) => m[1]);
    assert.ok(keys.length > 10, file + ' has data-i18n keys');
    const i18n = createTranslator(pageStrings(STRING_FILES, page), 'en');
    for (const key of keys) assert.ok(i18n.has(key), file + ': ' + key);
  }
});
