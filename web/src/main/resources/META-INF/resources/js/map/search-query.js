/* What the address search asks and keeps, without the DOM: queries, URLs and the lists shown. */
import { SUGGESTIONS_MAX, SUGGEST_MIN_CHARS } from './config.js';

/** The text to look up: trimmed; empty means nothing to ask. */
export function normaliseQuery(text) { return (text || '').trim(); }

/** Suggestions start at a few characters: "ru" would match half of Brittany. */
export function wantsSuggestions(query) { return normaliseQuery(query).length >= SUGGEST_MIN_CHARS; }

export function suggestUrl(query) { return 'api/eligibility/suggest?q=' + encodeURIComponent(query); }

/** The numbers of a street chosen among the suggestions. */
export function numbersUrl(s) {
  return 'api/eligibility/suggest/numbers?insee=' + encodeURIComponent(s.insee) + '&street=' + encodeURIComponent(s.street);
}

/**
 * What choosing a suggestion does: a number opens its line ("premise"); a street typed with a
 * number is looked up ("lookup"); a street without one offers its numbers ("numbers").
 */
export function suggestionAction(s) {
  if (s && s.buildingId != null) return 'premise';
  if (s && s.insee && s.street && !/^\d/.test(s.label || '')) return 'numbers';
  return 'lookup';
}

export function lookupUrl(query, asOf) {
  return 'api/eligibility/lookup?q=' + encodeURIComponent(query) + '&asOf=' + encodeURIComponent(asOf);
}

export function premiseUrl(id, asOf) {
  return 'api/eligibility/buildings/' + encodeURIComponent(String(id)) + '?asOf=' + encodeURIComponent(asOf);
}

/** The suggestions worth showing: those with a label, at most SUGGESTIONS_MAX (or max). */
export function usableSuggestions(items, max) {
  return (Array.isArray(items) ? items : [])
    .filter((s) => s && typeof s.label === 'string' && s.label).slice(0, max || SUGGESTIONS_MAX);
}

/**
 * The label usually ends with the commune already; the INSEE code then tells namesakes apart. The
 * numbers of a chosen street are all on that street: nothing to add.
 */
export function suggestionSecondary(s) {
  if (s.buildingId != null) return null;
  return s.commune && !s.label.includes(s.commune)
    ? [s.commune, s.insee ? '(' + s.insee + ')' : null].filter(Boolean).join(' ')
    : (s.insee ? s.insee : null);
}

/** Arrow keys move through the list and wrap around; the first press opens it at either end. */
export function nextActive(active, count, key, open) {
  if (!open) return key === 'ArrowDown' ? 0 : count - 1;
  return key === 'ArrowDown' ? (active + 1) % count : (active - 1 + count) % count;
}

/** Other streets the lookup considered, without the one it chose. */
export function otherCandidates(answer) {
  return answer && Array.isArray(answer.candidates)
    ? answer.candidates.filter((c) => c && c.buildingId != null && c.buildingId !== answer.buildingId) : [];
}

export function candidateLabel(c) { return [c.street, c.commune].filter(Boolean).join(', '); }
