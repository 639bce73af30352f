// The decisions behind the map's styles: classes, colours, sizes and dashes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  aggregateRadius, choroplethColour, communeClass, deployedClass, deployedOf, exchangeLook, ruhdDash, ruhdWidth,
  shareClass, shareClassLabel, truthy, withAlpha
} from '../../main/resources/META-INF/resources/js/map/style-rules.js';
import { CHOROPLETH, COLOURS } from '../../main/resources/META-INF/resources/js/map/colours.js';

test('shareClass: no data, exactly zero, then the Arcep classes at their lower bounds', () => {
  assert.equal(shareClass(null), -1);
  assert.equal(shareClass(NaN), -1);
  assert.equal(shareClass(0), 0);
  assert.equal(shareClass(0.0001), 1);
  assert.equal(shareClass(0.049), 1);
  assert.equal(shareClass(0.05), 2);
  assert.equal(shareClass(0.25), 4);
  assert.equal(shareClass(0.79), 5);
  assert.equal(shareClass(0.8), 6);
  assert.equal(shareClass(1), 6);
});

test('every share class has a colour in both choropleth modes', () => {
  for (const mode of Object.keys(CHOROPLETH)) {
    for (let c = 0; c <= 6; c++) assert.match(CHOROPLETH[mode].colours[c], /^#[0-9a-f]{6}$/);
  }
});

test('share class labels in French and English', () => {
  assert.equal(shareClassLabel(0, 'fr-FR'), '0\u202f%');
  assert.equal(shareClassLabel(1, 'en-GB'), '> 0–5%');
  assert.equal(shareClassLabel(3, 'en-GB'), '10–25%');
  assert.equal(shareClassLabel(6, 'fr-FR'), '≥ 80\u202f%');
});

test('withAlpha turns #rrggbb into rgba and leaves anything else alone', () => {
  assert.equal(withAlpha('#ff8000', 0.5), 'rgba(255,128,0,0.5)');
  assert.equal(withAlpha('#FFFFFF', 1), 'rgba(255,255,255,1)');
  assert.equal(withAlpha('red', 0.5), 'red');
});

test('the choropleth is more see-through over an external basemap', () => {
  assert.equal(choroplethColour('fibre', 6, false), withAlpha('#005a32', 0.9));
  assert.equal(choroplethColour('thd', 6, true), withAlpha('#084594', 0.7));
  assert.equal(choroplethColour('fibre', -1, false), withAlpha(COLOURS.noData, 0.9));
});

test('fibre share prefers ftth/premises over the rounded server share; THD reads ≥ 30 Mbit/s', () => {
  const area = { premises: 20000, bestTechnology: { ftth: 3 }, fibreOpenShare: 0, cumulative: { atLeast30: 10000 } };
  assert.equal(CHOROPLETH.fibre.share(area), 3 / 20000);
  assert.equal(shareClass(CHOROPLETH.fibre.share(area)), 1);
  assert.equal(CHOROPLETH.fibre.share({ premises: 10, fibreOpenShare: '0.5' }), 0.5);
  assert.equal(CHOROPLETH.thd.share(area), 0.5);
  assert.equal(CHOROPLETH.thd.share({ premises: 0 }), null);
});

test('communeClass: not loaded, unknown commune, and a known one', () => {
  const byCode = new Map([['22050', { premises: 100, cumulative: { atLeast30: 90 } }]]);
  assert.equal(communeClass('thd', null, '22050'), 'none');
  assert.equal(communeClass('thd', byCode, '29019'), -1);
  assert.equal(communeClass('thd', byCode, 22050), 6);
});

test('aggregate circles: area proportional to the count, clamped', () => {
  assert.equal(aggregateRadius(0), 3);
  assert.equal(aggregateRadius(-5), 3);
  assert.equal(aggregateRadius(1600), 10);
  assert.equal(aggregateRadius(10000), 25);
  assert.equal(aggregateRadius(1e9), 40);
});

test('deployed share in fifths, and deployed lines of a byState', () => {
  assert.equal(deployedClass(0), 0);
  assert.equal(deployedClass(0.39), 1);
  assert.equal(deployedClass(0.4), 2);
  assert.equal(deployedClass(1), 4);
  assert.equal(deployedClass(1.5), 4);
  assert.equal(deployedOf({ DEPLOYE: 10, RACCORDABLE_DEMANDE: '5', CIBLE: 100 }), 15);
  assert.equal(deployedOf(null), 0);
});

test('exchanges: shape by type, lot colour for NRA-MED, hollow when planned, grey when abandoned', () => {
  const live = exchangeLook('NRA_MED', '2', 'IN_SERVICE');
  assert.deepEqual(live, { key: 'NRA_MED|2|live', phase: 'live', colour: COLOURS.lot[2], solid: true, shape: 'triangle' });
  assert.equal(exchangeLook('NRA_MED', 7, 'IN_SERVICE').colour, COLOURS.lot._);
  const works = exchangeLook('NRA', null, 'WORKS');
  assert.equal(works.solid, false);
  assert.equal(works.shape, 'diamond');
  assert.equal(works.colour, COLOURS.exchange.NRA);
  assert.equal(exchangeLook('NRA_HD', null, 'ABANDONED').colour, COLOURS.abandoned);
  assert.equal(exchangeLook('SOMETHING', null, 'IN_SERVICE').shape, 'square');
});

test('backbone links: dashes by status, width by capacity', () => {
  assert.equal(ruhdDash('operational'), undefined);
  assert.deepEqual(ruhdDash('underConstruction'), [10, 5]);
  assert.deepEqual(ruhdDash('planned'), [5, 5]);
  assert.equal(ruhdWidth('100'), 4);
  assert.equal(ruhdWidth(10), 2.5);
  assert.equal(ruhdWidth(null), 2.5);
});

test('truthy reads MVT booleans in any of their encodings', () => {
  for (const v of [true, 'true', 1, '1']) assert.equal(truthy(v), true);
  for (const v of [false, 'false', 0, '0', null, undefined, 'yes']) assert.equal(truthy(v), false);
});

test('a commune outside the public programme is its own class, never a share', () => {
  const areas = new Map([['29019', { premises: 100, bestTechnology: { ftth: 0 } }]]);
  // with figures of 0 % open to fibre, a private-initiative commune is still shown as private
  assert.equal(communeClass('fibre', areas, '29019', 'PRIVATE_L3313'), 'private');
  assert.equal(communeClass('thd', null, '35238', 'VERY_DENSE'), 'private');
  assert.equal(communeClass('fibre', areas, '29019', 'PUBLIC'), 0);
  assert.equal(communeClass('fibre', areas, '29019', undefined), 0);
  assert.equal(choroplethColour('fibre', 'private', false), withAlpha(COLOURS.privatePerimeter, 0.9));
  assert.notEqual(COLOURS.privatePerimeter, COLOURS.noData);
  for (const mode of Object.keys(CHOROPLETH)) assert.ok(!CHOROPLETH[mode].colours.includes(COLOURS.privatePerimeter));
});
