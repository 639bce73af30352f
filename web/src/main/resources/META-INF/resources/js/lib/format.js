/* Number formatting of the pages, in the page's locale ("fr-FR" or "en-GB"). Null when there is nothing to show. */

/** A finite number from a number or a numeric string (MVT properties may be either), else fallback. */
export function numberOr(v, fallback) {
  const n = typeof v === 'number' ? v : (typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN);
  return Number.isFinite(n) ? n : fallback;
}

function finite(n) { return typeof n === 'number' && Number.isFinite(n); }

export function fmtNumber(n, digits, locale) {
  if (!finite(n)) return null;
  return new Intl.NumberFormat(locale, { maximumFractionDigits: digits ?? 0 }).format(n);
}

/** "1,2 k" / "1.2K": the counts written inside the map's aggregate circles. */
export function fmtCompact(n, locale) {
  return new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 }).format(n);
}

/** A share 0..1 as a percentage; one decimal so that 0.4 % does not read as 0 %. */
export function fmtShare(share, locale) {
  if (!finite(share)) return null;
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(share);
}

export function fmtPercent(part, whole, locale) {
  if (typeof part !== 'number' || typeof whole !== 'number' || whole <= 0) return null;
  return fmtShare(part / whole, locale);
}

/** "12 %" in French (narrow no-break space), "12%" in English. */
export function pct(value, locale) {
  return fmtNumber(value, 0, locale) + (String(locale).startsWith('fr') ? '\u202f%' : '%');
}

/** Speeds: one decimal below 10 Mbit/s, where it matters (2.5 vs 3). */
export function fmtMbps(mbps, locale) {
  const n = numberOr(mbps, null);
  if (n == null) return null;
  return fmtNumber(n, n < 10 ? 1 : 0, locale) + ' Mbit/s';
}
