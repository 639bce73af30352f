/*
 * One lookup function for the FR/EN strings of js/i18n/{fr,en}.json. French comes first: a key
 * missing in English falls back to French, then to the key itself, so that a forgotten string
 * shows up on screen instead of breaking the page.
 */
export const LANGUAGES = ['fr', 'en'];
const LANG_KEY = 'thd.lang';

/** The strings of one page and language: the shared ones, then the page's own (which win). */
export function pageStrings(files, page) {
  const out = {};
  for (const lang of LANGUAGES) {
    const file = files[lang] || {};
    out[lang] = Object.assign({}, file.shared, file[page]);
  }
  return out;
}

/** "{name}" placeholders filled from params; a missing one becomes empty rather than "undefined". */
export function fillParams(s, params) {
  return params ? s.replace(/\{(\w+)\}/g, (m, k) => (params[k] ?? '')) : s;
}

export function createTranslator(dictionaries, initialLang) {
  let lang = LANGUAGES.includes(initialLang) && dictionaries[initialLang] ? initialLang : 'fr';
  const lookup = (key) => (dictionaries[lang] || {})[key] ?? (dictionaries.fr || {})[key];
  return {
    get lang() { return lang; },
    setLang(next) { if (LANGUAGES.includes(next) && dictionaries[next]) lang = next; },
    /** The other language: the FR/EN button switches between the two. */
    other() { return lang === 'fr' ? 'en' : 'fr'; },
    locale() { return lang === 'fr' ? 'fr-FR' : 'en-GB'; },
    has(key) { return lookup(key) !== undefined; },
    t(key, params) { return fillParams(lookup(key) ?? key, params); },
    /** Label of a code (state, study status…), or the raw code when there is no translation. */
    label(prefix, code) {
      if (code == null || code === '') return null;
      return lookup(prefix + code) ?? String(code);
    }
  };
}

/** The language chosen on an earlier visit; French when none, or when storage is blocked. */
export function storedLanguage(storage) {
  try {
    const v = storage().getItem(LANG_KEY);
    if (LANGUAGES.includes(v)) return v;
  } catch (e) { /* storage disabled: keep the default */ }
  return 'fr';
}

export function rememberLanguage(storage, lang) {
  try { storage().setItem(LANG_KEY, lang); } catch (e) { /* not remembered, still switched */ }
}
