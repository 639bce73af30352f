// Calendar dates, quarters of the slider, and their formatting in French and English.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  fmtDate, fmtMonth, isoDate, quarterIndex, quarterLastDay, quarterOf, todayIso, validIso
} from '../../main/resources/META-INF/resources/js/lib/dates.js';

test('validIso accepts real calendar dates only', () => {
  assert.equal(validIso('2024-02-29'), true);
  assert.equal(validIso('2023-02-29'), false);
  assert.equal(validIso('2026-13-01'), false);
  assert.equal(validIso('2026-1-01'), false);
  assert.equal(validIso('2026-01-01T00:00'), false);
  assert.equal(validIso(''), false);
  assert.equal(validIso(null), false);
});

test('isoDate pads and todayIso uses the local calendar day', () => {
  assert.equal(isoDate(2026, 3, 7), '2026-03-07');
  assert.equal(todayIso(new Date(2026, 0, 5, 23, 59)), '2026-01-05');
});

test('quarterOf gives the quarter and year, null for no date', () => {
  assert.deepEqual(quarterOf('2027-09-30'), { q: 3, year: '2027' });
  assert.deepEqual(quarterOf('2020-01-01'), { q: 1, year: '2020' });
  assert.deepEqual(quarterOf('2020-12-31'), { q: 4, year: '2020' });
  assert.equal(quarterOf('T3 2027'), null);
});

test('quarter indexes count from Q1 of the first year, before it too', () => {
  assert.equal(quarterIndex('2016-01-01', 2016), 0);
  assert.equal(quarterIndex('2016-04-01', 2016), 1);
  assert.equal(quarterIndex('2020-09-30', 2016), 18);
  assert.equal(quarterIndex('2015-12-31', 2016), -1);
});

test('the last day of a quarter, leap years and negative indexes included', () => {
  assert.equal(quarterLastDay(0, 2016), '2016-03-31');
  assert.equal(quarterLastDay(1, 2016), '2016-06-30');
  assert.equal(quarterLastDay(18, 2016), '2020-09-30');
  assert.equal(quarterLastDay(-1, 2016), '2015-12-31');
  assert.equal(quarterLastDay(-4, 2016), '2015-03-31');
  for (let i = -8; i < 50; i++) assert.equal(quarterIndex(quarterLastDay(i, 2016), 2016), i);
});

test('dates are formatted in the language without a time-zone shift', () => {
  assert.equal(fmtDate('2026-10-31', 'fr-FR'), '31 octobre 2026');
  assert.equal(fmtDate('2026-10-31T23:30:00Z', 'fr-FR'), '31 octobre 2026');
  assert.equal(fmtDate('2026-10-31', 'en-GB', 'medium'), '31 Oct 2026');
  assert.equal(fmtDate('T4 2026', 'fr-FR'), 'T4 2026');
  assert.equal(fmtDate('', 'fr-FR'), null);
  assert.equal(fmtDate(null, 'fr-FR'), null);
});

test('months of the S-curves', () => {
  assert.equal(fmtMonth('2016-01', 'fr-FR'), 'janv. 2016');
  assert.equal(fmtMonth('2016-01', 'en-GB'), 'Jan 2016');
  assert.equal(fmtMonth('2016', 'fr-FR'), '2016');
});
