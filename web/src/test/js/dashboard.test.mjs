// The dashboard's requests, its reading of the answers and its chart data, without a browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  PARTS, delayKind, failedParts, groupsOf, isUnauthorized, lateZoneHref, partResults
} from '../../main/resources/META-INF/resources/js/dashboard/progress-parts.js';
import { COLOURS, scurveData, stackedData } from '../../main/resources/META-INF/resources/js/dashboard/charts.js';
import { date, num, ratio, share } from '../../main/resources/META-INF/resources/js/dashboard/dashboard-i18n.js';
import { reportUrl } from '../../main/resources/META-INF/resources/js/dashboard/report.js';

test('one request per part, all on the chosen date', () => {
  const d = '2024-06-30';
  assert.deepEqual(Object.keys(PARTS), ['region', 'phases', 'departments', 'contractors', 'series', 'late']);
  assert.equal(PARTS.phases(d), 'api/progress?asOf=2024-06-30&by=phase');
  assert.equal(PARTS.series(d), 'api/progress/series?by=phase&from=2016-01-01&to=2024-06-30');
  assert.equal(PARTS.late(d), 'api/progress/late-zones?asOf=2024-06-30');
});

test('settled answers by part, failures and a 401 told apart', () => {
  const unauthorized = Object.assign(new Error('no'), { status: 401 });
  const results = partResults(['region', 'late'], [
    { status: 'fulfilled', value: { groups: [{ code: 'BZH' }] } },
    { status: 'rejected', reason: new Error('HTTP 500') }
  ]);
  assert.deepEqual(groupsOf(results.region), [{ code: 'BZH' }]);
  assert.equal(groupsOf(results.late), null);
  assert.deepEqual(failedParts(results), ['late']);
  assert.equal(isUnauthorized(results), false);
  results.region = { ok: false, error: unauthorized };
  assert.equal(isUnauthorized(results), true);
});

test('phase delay: completed, unknown, late, ahead or on time', () => {
  assert.equal(delayKind({ completed: true, forecastDelayDays: 30 }), 'completed');
  assert.equal(delayKind({}), 'unknown');
  assert.equal(delayKind({ forecastDelayDays: 12 }), 'late');
  assert.equal(delayKind({ forecastDelayDays: -3 }), 'ahead');
  assert.equal(delayKind({ forecastDelayDays: 0 }), 'onTime');
});

test('late zones link to the map, centred when the position is known', () => {
  assert.equal(lateZoneHref({ code: 'Z 1' }), './#zone=Z%201');
  assert.equal(lateZoneHref({ code: 'Z1', lon: -2.5, lat: 48.2 }), './#zone=Z1&lon=-2.5&lat=48.2');
});

test('dashboard numbers are French whatever the language, dashes when missing', () => {
  assert.equal(num(12345), '12\u202f345');
  assert.equal(num(null), '—');
  assert.equal(share(0.431), '43,1\u00a0%');
  assert.equal(ratio(1, 4), '25\u00a0%');
  assert.equal(ratio(1, 0), '—');
  assert.equal(date('2022-12-31'), '31 déc. 2022');
  assert.equal(date(null), '—');
});

test('S-curves: three datasets per phase in its colour, months as labels', () => {
  const data = scurveData({
    months: ['2016-01', '2016-02'],
    series: [{ code: 'P1', name: 'Phase 1', built: [1, 2], openForSale: [0, 1], subscribed: [0, 0] }, { code: 'P2' }]
  });
  assert.deepEqual(data.labels, ['janv. 2016', 'févr. 2016']);
  assert.equal(data.datasets.length, 6);
  assert.equal(data.datasets[0].label, 'Phase 1 — construites');
  assert.deepEqual(data.datasets[1].data, [0, 1]);
  assert.deepEqual(data.datasets[2].borderDash, [2, 3]);
  assert.equal(data.datasets[3].label, 'P2 — construites');
  assert.deepEqual(data.datasets[3].data, []);
  assert.equal(data.datasets[3].borderColor, COLOURS.phases[1]);
});

test('stacked bars: built, in works and in study per group, missing values as zero', () => {
  const data = stackedData([{ code: '22', name: "Côtes-d'Armor", built: 5, inWorks: 2 }, { code: '29', inStudy: 4 }]);
  assert.deepEqual(data.labels, ["Côtes-d'Armor", '29']);
  assert.deepEqual(data.datasets.map((d) => d.label), ['Construites', 'En travaux', 'En étude']);
  assert.deepEqual(data.datasets.map((d) => d.data), [[5, 0], [2, 0], [0, 4]]);
});

test('report URL: scope always, date when chosen', () => {
  assert.equal(reportUrl('department:22', '2024-01-31'), 'api/reports/progress?scope=department%3A22&asOf=2024-01-31');
  assert.equal(reportUrl('region', ''), 'api/reports/progress?scope=region');
});
