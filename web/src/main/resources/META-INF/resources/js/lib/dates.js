/* Calendar dates as "YYYY-MM-DD" strings, and the quarters of the map's slider. */

/** A real calendar date written YYYY-MM-DD. */
export function validIso(s) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s || '');
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

export function pad2(n) { return String(n).padStart(2, '0'); }

export function isoDate(year, month, day) { return year + '-' + pad2(month) + '-' + pad2(day); }

/** Today in the visitor's own time zone: an elected official in Brest expects their own date. */
export function todayIso(now) {
  const d = now || new Date();
  return isoDate(d.getFullYear(), d.getMonth() + 1, d.getDate());
}

/** Quarter (1..4) and year of a date, or null when it is not a date. */
export function quarterOf(iso) {
  if (!validIso(iso)) return null;
  return { q: Math.floor((+iso.slice(5, 7) - 1) / 3) + 1, year: iso.slice(0, 4) };
}

/** Quarters counted from Q1 of firstYear (0), possibly negative or past the slider's end. */
export function quarterIndex(iso, firstYear) {
  return (+iso.slice(0, 4) - firstYear) * 4 + Math.floor((+iso.slice(5, 7) - 1) / 3);
}

export function quarterLastDay(index, firstYear) {
  const year = firstYear + Math.floor(index / 4);
  const q = ((index % 4) + 4) % 4;
  const last = new Date(Date.UTC(year, q * 3 + 3, 0)); // day 0 of the next month
  return isoDate(last.getUTCFullYear(), last.getUTCMonth() + 1, last.getUTCDate());
}

/**
 * "YYYY-MM-DD" (or an ISO date-time) as a local date, formatted in UTC so that no time zone
 * shifts the day; what is not a date comes back as it is (null when empty).
 */
export function fmtDate(iso, locale, dateStyle) {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso || '');
  if (!m) return iso || null;
  return new Intl.DateTimeFormat(locale, { dateStyle: dateStyle || 'long', timeZone: 'UTC' })
    .format(new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])));
}

/** "2016-01" → "janv. 2016". */
export function fmtMonth(ym, locale) {
  const m = /^(\d{4})-(\d{2})$/.exec(ym || '');
  if (!m) return String(ym);
  return new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' })
    .format(new Date(Date.UTC(+m[1], +m[2] - 1, 1)));
}
