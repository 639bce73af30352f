// The sentences of the map's premise popup, with the real French strings (node has no stored language).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  fibreStatusText, isLate, lineLengthText, programmeText, servedByText
} from '../../main/resources/META-INF/resources/js/map/popup-premise.js';
import { quarterText } from '../../main/resources/META-INF/resources/js/map/as-of.js';
import { i18n } from '../../main/resources/META-INF/resources/js/map/map-i18n.js';

test('the map starts in French', () => {
  assert.equal(i18n.lang, 'fr');
});

test('quarters read T in French, Q in English, else the server text', () => {
  assert.equal(quarterText('2027-08-15'), 'T3 2027');
  assert.equal(quarterText(null, '2e semestre 2027'), '2e semestre 2027');
  assert.equal(quarterText('bientôt'), null);
  i18n.setLang('en');
  try {
    assert.equal(quarterText('2027-08-15'), 'Q3 2027');
  } finally {
    i18n.setLang('fr');
  }
});

test('fibre status: available, planned with its quarter and phase, abandoned, or not planned', () => {
  assert.equal(fibreStatusText({ openToFibre: true }), 'Fibre disponible');
  assert.equal(fibreStatusText({ programme: { fibreForecastDate: '2027-02-01', phaseName: 'Phase 3' } }),
    'Fibre prévue : T1 2027 (Phase 3)');
  assert.equal(fibreStatusText({ state: 'ABANDONNE', programme: { phase: 'P2' } }),
    'Fibre : déploiement abandonné pour ce local');
  assert.equal(fibreStatusText({ programme: { phase: 'P3', phaseTargetEnd: '2026-12-31' } }),
    'Fibre prévue avec la P3, échéance : 31 décembre 2026');
  assert.equal(fibreStatusText({}), 'Fibre : pas encore de date prévue');
});

test('a promised quarter that has passed without fibre is said late, in both languages', () => {
  const overdue = { openToFibre: false, programme: { fibreForecastDate: '2026-08-15', fibreForecastQuarter: 'T3 2026', fibreForecastLate: true, phaseName: 'Phase 3' } };
  assert.equal(isLate(overdue), true);
  assert.equal(fibreStatusText(overdue), 'Fibre prévue : T3 2026, en retard (Phase 3)');
  i18n.setLang('en');
  try {
    assert.equal(fibreStatusText(overdue), 'Fibre planned: Q3 2026, running late (Phase 3)');
  } finally {
    i18n.setLang('fr');
  }
  // open since, or not late: never said late
  assert.equal(isLate({ openToFibre: true, programme: { fibreForecastLate: true } }), false);
  assert.equal(fibreStatusText({ programme: { fibreForecastDate: '2027-02-01', fibreForecastLate: false } }), 'Fibre prévue : T1 2027');
});

test('serving equipment: translated type, code and name', () => {
  assert.equal(servedByText({ type: 'NRA_MED', code: '22001', name: 'Plouër' }), 'NRA-MED 22001 — Plouër');
  assert.equal(servedByText({ code: 'PM-7' }), 'PM-7');
  assert.equal(servedByText(null), null);
});

test('line length in km, with how it was measured', () => {
  assert.equal(lineLengthText({ lengthM: 850, measuredAlong: 'ROAD_NETWORK' }), '0,85 km, mesurée le long des routes');
  assert.equal(lineLengthText({ lengthM: '2345' }), '2,3 km');
  assert.equal(lineLengthText({}), null);
  assert.equal(lineLengthText(undefined), null);
});

test('programme: phase then tranche, a repeated name said once', () => {
  assert.equal(programmeText({ phaseName: 'Phase 1', trancheName: 'Tranche 2' }), 'Phase 1 — Tranche 2');
  assert.equal(programmeText({ phase: 'P2', tranche: 'P2' }), 'P2');
  assert.equal(programmeText({}), '');
});

test('perimeter: named with its operator, and outside the public programme said so in both languages', async () => {
  const { outsideProgrammeText, perimeterText } = await import('../../main/resources/META-INF/resources/js/map/perimeter.js');
  assert.equal(perimeterText('PRIVATE_L3313', 'Orange'), 'Zone d’initiative privée — Orange');
  assert.equal(perimeterText('VERY_DENSE', 'Free, Orange, SFR'), 'Zone très dense');
  assert.equal(perimeterText('PUBLIC', null), 'Réseau d’initiative publique');
  assert.equal(outsideProgrammeText('PUBLIC', null), null);
  assert.equal(outsideProgrammeText(undefined, null), null);
  assert.equal(outsideProgrammeText('PRIVATE_L3313', 'Orange'),
    'Zone d’initiative privée — Orange, hors programme public : la fibre y est déployée par des opérateurs privés');
  i18n.setLang('en');
  try {
    assert.equal(outsideProgrammeText('PRIVATE_L3313', 'SFR'),
      'Private initiative zone — SFR, outside the public programme: private operators roll fibre out there');
  } finally {
    i18n.setLang('fr');
  }
});
