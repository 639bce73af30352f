/* The map page's strings and current language (js/i18n/*.json, "shared" and "map" sections). */
import { createTranslator, pageStrings, storedLanguage } from '../lib/i18n.js';
import { STRING_FILES } from '../lib/strings.js';

export const i18n = createTranslator(pageStrings(STRING_FILES, 'map'), storedLanguage(() => localStorage));
export const t = i18n.t;
export const label = i18n.label;
export const locale = () => i18n.locale();
