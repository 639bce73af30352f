/* The FR/EN string files, loaded as JSON modules: the pages start with every string already there. */
import fr from '../i18n/fr.json' with { type: 'json' };
import en from '../i18n/en.json' with { type: 'json' };

export const STRING_FILES = { fr, en };
