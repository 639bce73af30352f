// Number formatting of the pages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  fmtCompact, fmtMbps, fmtNumber, fmtPercent, fmtShare, numberOr, pct
} from '../../main/resources/META-INF/resources/js/lib/format.js';

const NNBSP = '\u202f';

test('numberOr reads numbers and numeric strings, else the fallback', () => {
  assert.equal(numberOr(3, 0), 3);
  assert.equal(numberOr('12.5', 0), 12.5);
  assert.equal(numberOr(' ', 7), 7);
  assert.equal(numberOr('abc', null), null);
  assert.equal(numberOr(Infinity, -1), -1);
  assert.equal(numberOr(undefined, 0), 0);
});

test('fmtNumber groups thousands the French or English way, null when not a number', () => {
  assert.equal(fmtNumber(12345, 0, 'fr-FR'), '12' + NNBSP + '345');
  assert.equal(fmtNumber(12345, 0, 'en-GB'), '12,345');
  assert.equal(fmtNumber(1.256, 2, 'fr-FR'), '1,26');
  assert.equal(fmtNumber(1.6, undefined, 'en-GB'), '2');
  assert.equal(fmtNumber(NaN, 0, 'fr-FR'), null);
  assert.equal(fmtNumber('12', 0, 'fr-FR'), null);
});

test('shares keep one decimal so that a small share does not read as zero', () => {
  // Intl writes a no-break space (U+00A0) there, unlike pct()'s narrow one
  assert.equal(fmtShare(0.004, 'fr-FR'), '0,4\u00a0%');
  assert.equal(fmtShare(0.5, 'en-GB'), '50%');
  assert.equal(fmtShare(null, 'en-GB'), null);
  assert.equal(fmtPercent(1, 3, 'en-GB'), '33.3%');
  assert.equal(fmtPercent(1, 0, 'en-GB'), null);
  assert.equal(fmtPercent(undefined, 10, 'en-GB'), null);
});

test('pct writes a narrow no-break space before % in French only', () => {
  assert.equal(pct(80, 'fr-FR'), '80' + NNBSP + '%');
  assert.equal(pct(80, 'en-GB'), '80%');
});

test('speeds have one decimal below 10 Mbit/s', () => {
  assert.equal(fmtMbps(2.54, 'en-GB'), '2.5 Mbit/s');
  assert.equal(fmtMbps('95.6', 'en-GB'), '96 Mbit/s');
  assert.equal(fmtMbps(1000, 'fr-FR'), '1' + NNBSP + '000 Mbit/s');
  assert.equal(fmtMbps(null, 'fr-FR'), null);
});

test('compact counts of the aggregate circles', () => {
  assert.equal(fmtCompact(1234, 'fr-FR'), '1,2' + '\u00a0' + 'k');
  assert.equal(fmtCompact(1234, 'en-GB'), '1.2k');
  assert.equal(fmtCompact(950, 'en-GB'), '950');
});
