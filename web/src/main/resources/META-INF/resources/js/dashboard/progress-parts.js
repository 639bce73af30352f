/*
 * What the dashboard asks the progress API for, and how it reads the answers; no DOM here.
 * Each part is loaded on its own: one failing shows as such without hiding the others.
 */
export const SERIES_FROM = '2016-01-01';

export function progressUrl(by, asOf) {
  return 'api/progress?asOf=' + encodeURIComponent(asOf) + '&by=' + by;
}

export const PARTS = {
  region: (d) => progressUrl('region', d),
  phases: (d) => progressUrl('phase', d),
  departments: (d) => progressUrl('department', d),
  contractors: (d) => progressUrl('contractor', d),
  series: (d) => 'api/progress/series?by=phase&from=' + SERIES_FROM + '&to=' + encodeURIComponent(d),
  late: (d) => 'api/progress/late-zones?asOf=' + encodeURIComponent(d)
};

/** Promise.allSettled results as {part: {ok: true, value} | {ok: false, error}}. */
export function partResults(names, settled) {
  const results = {};
  names.forEach((n, i) => {
    const s = settled[i];
    results[n] = s.status === 'fulfilled' ? { ok: true, value: s.value } : { ok: false, error: s.reason };
  });
  return results;
}

export function groupsOf(part) {
  return part && part.ok && part.value && Array.isArray(part.value.groups) ? part.value.groups : null;
}

export function failedParts(results) { return Object.keys(results).filter((n) => !results[n].ok); }

/** A 401 on any part means a visitor who is not signed in: the whole dashboard is for viewers. */
export function isUnauthorized(results) {
  return failedParts(results).some((n) => results[n].error && results[n].error.status === 401);
}

/** Forecast and delay of a phase: completed, not estimable, late (positive days) or on time / ahead. */
export function delayKind(g) {
  if (g.completed) return 'completed';
  const d = g.forecastDelayDays;
  if (typeof d !== 'number') return 'unknown';
  if (d > 0) return 'late';
  return d < 0 ? 'ahead' : 'onTime';
}

/** The map link of a late zone, centred on it when the API gave its position. */
export function lateZoneHref(z) {
  let href = './#zone=' + encodeURIComponent(z.code);
  if (Number.isFinite(z.lon) && Number.isFinite(z.lat)) href += '&lon=' + z.lon + '&lat=' + z.lat;
  return href;
}
