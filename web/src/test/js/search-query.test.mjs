// What the address search asks and shows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  candidateLabel, lookupUrl, nextActive, normaliseQuery, numbersUrl, otherCandidates, premiseUrl, suggestionAction,
  suggestionSecondary, suggestUrl, usableSuggestions, wantsSuggestions
} from '../../main/resources/META-INF/resources/js/map/search-query.js';

test('queries are trimmed and suggestions wait for three characters', () => {
  assert.equal(normaliseQuery('  12 rue de la Mairie  '), '12 rue de la Mairie');
  assert.equal(normaliseQuery(undefined), '');
  assert.equal(wantsSuggestions(' ru '), false);
  assert.equal(wantsSuggestions('rue'), true);
});

test('URLs encode the query and the date', () => {
  assert.equal(suggestUrl('12 bd de la liberté & co'), 'api/eligibility/suggest?q=12%20bd%20de%20la%20libert%C3%A9%20%26%20co');
  assert.equal(lookupUrl('dinan', '2026-10-31'), 'api/eligibility/lookup?q=dinan&asOf=2026-10-31');
  assert.equal(premiseUrl(42, '2019-01-01'), 'api/eligibility/buildings/42?asOf=2019-01-01');
});

test('a chosen street asks for its numbers, encoded', () => {
  assert.equal(numbersUrl({ insee: '35236', street: "Rue de l'Église & co" }),
    'api/eligibility/suggest/numbers?insee=35236&street=Rue%20de%20l\'%C3%89glise%20%26%20co');
});

test('choosing a suggestion: a number opens its line, a numbered street is looked up, a street offers its numbers', () => {
  assert.equal(suggestionAction({ label: '12 Rue B, Dinan', street: 'Rue B', insee: '22050', number: 12, buildingId: 7 }), 'premise');
  assert.equal(suggestionAction({ label: '12 Rue B, Dinan', street: 'Rue B', insee: '22050' }), 'lookup');
  assert.equal(suggestionAction({ label: 'Rue B, Dinan', street: 'Rue B', insee: '22050' }), 'numbers');
  assert.equal(suggestionAction({ label: 'Rue B, Dinan' }), 'lookup');
  assert.equal(suggestionAction(null), 'lookup');
});

test('only labelled suggestions are kept, ten at most', () => {
  const items = [null, { label: '' }, { label: 3 }, ...Array.from({ length: 12 }, (_, i) => ({ label: 'Rue ' + i }))];
  const kept = usableSuggestions(items);
  assert.equal(kept.length, 10);
  assert.equal(kept[0].label, 'Rue 0');
  assert.deepEqual(usableSuggestions({ not: 'a list' }), []);
  assert.equal(usableSuggestions(items, 500).length, 12);
});

test('the secondary line tells namesakes apart', () => {
  assert.equal(suggestionSecondary({ label: '1 Rue de Brest, Dinan', commune: 'Dinan', insee: '22050' }), '22050');
  assert.equal(suggestionSecondary({ label: '1 Rue de Brest', commune: 'Dinan', insee: '22050' }), 'Dinan (22050)');
  assert.equal(suggestionSecondary({ label: '1 Rue de Brest', commune: 'Dinan' }), 'Dinan');
  assert.equal(suggestionSecondary({ label: '1 Rue de Brest' }), null);
  assert.equal(suggestionSecondary({ label: '1 Rue de Brest, Dinan', commune: 'Dinan', insee: '22050', buildingId: 4 }), null);
});

test('arrow keys open the list at either end and wrap around', () => {
  assert.equal(nextActive(-1, 4, 'ArrowDown', false), 0);
  assert.equal(nextActive(-1, 4, 'ArrowUp', false), 3);
  assert.equal(nextActive(3, 4, 'ArrowDown', true), 0);
  assert.equal(nextActive(0, 4, 'ArrowUp', true), 3);
  assert.equal(nextActive(1, 4, 'ArrowDown', true), 2);
});

test('the other candidates leave out the chosen premise and unusable ones', () => {
  const answer = { buildingId: 7, candidates: [{ buildingId: 7, street: 'A' }, { buildingId: 8, street: 'Rue B', commune: 'Dinan' }, { street: 'C' }, null] };
  assert.deepEqual(otherCandidates(answer).map((c) => c.buildingId), [8]);
  assert.deepEqual(otherCandidates({ buildingId: 1 }), []);
  assert.deepEqual(otherCandidates(null), []);
  assert.equal(candidateLabel({ street: 'Rue B', commune: 'Dinan' }), 'Rue B, Dinan');
  assert.equal(candidateLabel({ commune: 'Dinan' }), 'Dinan');
});
