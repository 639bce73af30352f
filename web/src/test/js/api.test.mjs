// The api client against a tiny fake fetch: headers sent, JSON read, problem details turned into messages.
import { test, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { csrfToken, fetchJson, isAbort, postJson, problemMessage } from '../../main/resources/META-INF/resources/js/lib/api.js';

let calls;
function answer(status, body, raw) {
  return {
    ok: status >= 200 && status < 300, status,
    json: async () => { if (raw !== undefined) throw new SyntaxError('not JSON: ' + raw); return body; }
  };
}
function fakeFetch(response) {
  globalThis.fetch = async (url, options) => { calls.push({ url, options }); return response; };
}
beforeEach(() => { calls = []; delete globalThis.document; });

test('problemMessage: the detail when there is one, else the URL and the status', () => {
  assert.equal(problemMessage({ detail: 'Adresse introuvable.' }, 'api/x', 404), 'Adresse introuvable.');
  assert.equal(problemMessage({ detail: '' }, 'api/x', 500), 'api/x: HTTP 500');
  assert.equal(problemMessage({ title: 'Bad' }, 'api/x', 400), 'api/x: HTTP 400');
  assert.equal(problemMessage(null, 'api/x', 502), 'api/x: HTTP 502');
});

test('fetchJson returns the JSON and sends the headers that make Spring answer 401, not a redirect', async () => {
  fakeFetch(answer(200, { refreshDate: '2026-10-31' }));
  const controller = new AbortController();
  assert.deepEqual(await fetchJson('api/info', { signal: controller.signal }), { refreshDate: '2026-10-31' });
  const { url, options } = calls[0];
  assert.equal(url, 'api/info');
  assert.equal(options.credentials, 'same-origin');
  assert.equal(options.headers['X-Requested-With'], 'XMLHttpRequest');
  assert.match(options.headers.Accept, /application\/json/);
  assert.equal(options.signal, controller.signal);
  assert.equal(options.method, undefined);
});

test('a problem-details answer becomes an Error with its detail and status', async () => {
  fakeFetch(answer(429, { title: 'Too Many Requests', detail: 'Trop de requêtes : réessayez dans une seconde.' }));
  await assert.rejects(fetchJson('api/eligibility/areas'), (err) => {
    assert.equal(err.message, 'Trop de requêtes : réessayez dans une seconde.');
    assert.equal(err.detail, 'Trop de requêtes : réessayez dans une seconde.');
    assert.equal(err.status, 429);
    return true;
  });
});

test('an error page that is not JSON still gives a readable message', async () => {
  fakeFetch(answer(502, null, '<html>Bad gateway</html>'));
  await assert.rejects(fetchJson('api/phases'), (err) => {
    assert.equal(err.message, 'api/phases: HTTP 502');
    assert.equal(err.detail, null);
    assert.equal(err.status, 502);
    return true;
  });
});

test('csrfToken reads XSRF-TOKEN among other cookies, decoded', () => {
  assert.equal(csrfToken('JSESSIONID=abc; XSRF-TOKEN=a%2Bb%3D; other=1'), 'a+b=');
  assert.equal(csrfToken('XSRF-TOKEN=first'), 'first');
  assert.equal(csrfToken('NOT-XSRF-TOKEN=x'), '');
  assert.equal(csrfToken(''), '');
});

test('postJson sends a POST with the CSRF token of the page cookie', async () => {
  globalThis.document = { cookie: 'XSRF-TOKEN=tok-123' };
  fakeFetch(answer(202, { id: 'job-1' }));
  assert.deepEqual(await postJson('api/reports/progress?scope=region'), { id: 'job-1' });
  const { options } = calls[0];
  assert.equal(options.method, 'POST');
  assert.equal(options.headers['X-XSRF-TOKEN'], 'tok-123');
  assert.equal(options.headers['X-Requested-With'], 'XMLHttpRequest');
});

test('a refused POST is an error too', async () => {
  globalThis.document = { cookie: '' };
  fakeFetch(answer(403, { detail: 'Jeton CSRF manquant.' }));
  await assert.rejects(postJson('api/reports/progress'), /Jeton CSRF manquant/);
});

test('isAbort tells a cancelled request from a failure', () => {
  assert.equal(isAbort(Object.assign(new Error('x'), { name: 'AbortError' })), true);
  assert.equal(isAbort(new Error('x')), false);
  assert.equal(isAbort(null), false);
});
