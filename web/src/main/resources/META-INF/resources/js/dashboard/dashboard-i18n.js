/* The dashboard's strings and current language (js/i18n/*.json, "shared" and "dashboard" sections). */
import { createTranslator, pageStrings, storedLanguage } from '../lib/i18n.js';
import { STRING_FILES } from '../lib/strings.js';
import { fmtDate } from '../lib/dates.js';
import { fmtNumber, fmtShare } from '../lib/format.js';

export const i18n = createTranslator(pageStrings(STRING_FILES, 'dashboard'), storedLanguage(() => localStorage));
export const t = i18n.t;

// Numbers in the French way, as asked for the whole page (the English view keeps them too).
export function num(n) { return fmtNumber(n, 0, 'fr-FR') ?? '—'; }
export function share(x) { return fmtShare(x, 'fr-FR') ?? '—'; }
export function ratio(part, whole) { return typeof whole === 'number' && whole > 0 ? share(part / whole) : '—'; }

/** Dates follow the language, in the medium style ("12 mars 2024" / "12 Mar 2024"). */
export function date(iso) { return fmtDate(iso, i18n.locale(), 'medium') ?? '—'; }
