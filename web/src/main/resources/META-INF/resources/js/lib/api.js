/*
 * The API client of the pages. X-Requested-With makes Spring Security answer 401 instead of
 * redirecting to the login page; errors are RFC 9457 problem details whose `detail` is worded for
 * people, so it becomes the error's message as it is. Writes carry the CSRF token that Spring
 * Security sets in the XSRF-TOKEN cookie.
 */

const JSON_ACCEPT = 'application/json, application/problem+json;q=0.9';

export function request(url, accept, extra) {
  const options = Object.assign({ credentials: 'same-origin' }, extra);
  options.headers = Object.assign({ Accept: accept || 'application/json', 'X-Requested-With': 'XMLHttpRequest' },
    extra && extra.headers);
  return fetch(url, options);
}

/** The readable message of a failed answer: the problem's detail, else the URL and the status. */
export function problemMessage(body, url, status) {
  const detail = body && typeof body.detail === 'string' && body.detail ? body.detail : null;
  return detail || url + ': HTTP ' + status;
}

/** An Error carrying status and detail; the body may be anything, or not JSON at all. */
export async function httpError(res, url) {
  const body = await res.json().catch(() => null);
  const err = new Error(problemMessage(body, url, res.status));
  err.status = res.status;
  err.detail = body && typeof body.detail === 'string' && body.detail ? body.detail : null;
  return err;
}

/** JSON of a GET; on failure an Error with the HTTP status and the problem's detail. */
export async function fetchJson(url, extra) {
  const res = await request(url, JSON_ACCEPT, extra);
  if (!res.ok) throw await httpError(res, url);
  return res.json();
}

/** The CSRF token from a cookie string ("" when the server set none). */
export function csrfToken(cookie) {
  const source = cookie ?? (typeof document !== 'undefined' ? document.cookie : '');
  const m = String(source).match(/(?:^|;\s*)XSRF-TOKEN=([^;]+)/);
  return m ? decodeURIComponent(m[1]) : '';
}

/** JSON answer of a POST, sent with the CSRF header. */
export async function postJson(url, extra) {
  const headers = Object.assign({ 'X-XSRF-TOKEN': csrfToken() }, extra && extra.headers);
  const res = await request(url, JSON_ACCEPT, Object.assign({}, extra, { method: 'POST', headers }));
  if (!res.ok) throw await httpError(res, url);
  return res.json();
}

export const isAbort = (err) => !!err && err.name === 'AbortError';
