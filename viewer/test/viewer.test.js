// The viewer on a real `onregel run` output, in Debian's chromium, from file:// and offline.
'use strict';

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const fs = require('node:fs');
const { outDir, scratchDir, readData, openViewer, listedIds, downloadCsv, parseCsv } = require('./harness.js');
const { fixtureLayers, viewerWith } = require('./fixture.js');

const viewerDir = path.join(outDir(), 'viewer');
const data = readData(viewerDir);
const locaties = data.locaties.features.map((f) => f.properties);
let viewer;

before(async () => { viewer = await openViewer(viewerDir); });
after(async () => { if (viewer) await viewer.close(); });

test('the page lists every locatie, in rank order', async () => {
  assert.ok(locaties.length > 0, 'the run flagged no locaties: nothing to show');
  assert.deepEqual(await listedIds(viewer.page), locaties.map((p) => String(p.bag_id)));
  assert.match(await viewer.page.textContent('#aantal'), new RegExp('^' + locaties.length.toLocaleString('nl-NL') + ' locaties$'));
  if (data.meta && data.meta.profiel) {
    assert.match(await viewer.page.textContent('#profiel'), new RegExp(data.meta.profiel));
  }
});

test('the viewer holds what the manifest says, and says when that is not the whole ranking', async () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(outDir(), 'manifest.json'), 'utf8'));
  assert.equal(manifest.viewer.locaties, locaties.length);
  assert.equal(manifest.viewer.locaties_totaal, data.meta.locaties_totaal);
  assert.equal(manifest.viewer.locaties_totaal, manifest.aantallen.gemarkeerde_objecten);
  assert.equal(manifest.viewer.panden, data.panden.features.length);
  const truncated = data.meta.locaties_totaal > locaties.length;
  assert.equal(await viewer.page.isVisible('#afgekapt'), truncated);
});

test('a viewer holding the top of a longer ranking says how much longer and where the rest is', async () => {
  const layers = fixtureLayers({ viewerMax: 5, locatiesTotaal: 231453 });
  const top = await openViewer(viewerWith('fixture-top', layers));
  try {
    const shown = new Map(layers).get('locaties').features.map((f) => String(f.properties.bag_id));
    assert.equal(shown.length, 5);
    assert.deepEqual(await listedIds(top.page), shown);
    assert.equal(await top.page.textContent('#afgekapt'),
      'Top 5 van 231.453 locaties met een signaal — de volledige lijst staat in locaties.geojson en onregel.gpkg');
    assert.match(await top.page.textContent('#aantal'), /^5 locaties$/);
    // Controles of locaties beyond the top still print, with their own reasons.
    await top.page.click('#tab-controles');
    await top.page.evaluate(() => { window.print = () => {}; });
    await top.page.click('#dagen li.dag[data-dag="2"] .knop-print');
    assert.equal(await top.page.locator('#looplijst tbody tr').count(), 4);
    assert.deepEqual(top.errors, []);
  } finally {
    await top.close();
  }
});

test('the hot spot legend says what the test found, in words a statistician would sign', async () => {
  const legend = await viewer.page.textContent('body');
  assert.match(legend, /Meer gemelde plekken dan verwacht \(p < 0,01 na FDR\)/);
  assert.doesNotMatch(legend, /coldspot|zeker|Gi\*/);
});

test('the explanation of the first item adds up to its score', async () => {
  const first = locaties[0];
  await viewer.page.click('#lijst li.item:first-child button');
  await viewer.page.waitForSelector('#uitleg:not([hidden])');
  const rows = await viewer.page.$$eval('#uitleg tr.bijdrage', (trs) => trs.map((tr) => ({
    id: tr.dataset.signaal, points: Number(tr.querySelector('.punten').textContent), bewijs: tr.querySelector('.bewijs').textContent
  })));
  assert.deepEqual(rows.map((r) => r.id), Object.keys(first.bijdragen));
  assert.equal(rows.reduce((sum, r) => sum + r.points, 0), first.score);
  assert.equal(Number(await viewer.page.textContent('#uitleg .totaal')), first.score);
  for (const row of rows) {
    assert.equal(row.points, first.bijdragen[row.id]);
    assert.equal(row.bewijs, (first.bewijs && first.bewijs[row.id]) || '');
  }
  assert.ok(rows.every((r) => r.bewijs.length > 0), 'every contribution shows its evidence');
  assert.equal(await viewer.page.getAttribute('#lijst li.gekozen', 'data-bag-id'), String(first.bag_id));
});

test('a signal filter and a postcode search narrow the list', async () => {
  const { page } = viewer;
  const counts = new Map();
  for (const p of locaties) for (const s of p.signalen) counts.set(s, (counts.get(s) || 0) + 1);
  const [rarest] = [...counts.entries()].sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1))[0];
  const expected = locaties.filter((p) => p.signalen.includes(rarest)).map((p) => String(p.bag_id));
  await page.selectOption('#filter-signaal', rarest);
  assert.deepEqual(await listedIds(page), expected);
  if (counts.size > 1) assert.ok(expected.length < locaties.length, 'the rarest signal is not on every locatie');

  // The CSV holds exactly the filtered selection, BAG ids intact.
  const csv = await downloadCsv(page);
  assert.equal(csv.name, 'onregel-selectie.csv');
  const rows = parseCsv(csv.text.replace(/^\ufeff/, ''));
  const column = rows[0].indexOf('bag_id');
  assert.deepEqual(rows.slice(1).map((r) => r[column]), expected.map((id) => '="' + id + '"'));

  await page.selectOption('#filter-signaal', '');
  const withPostcode = locaties.filter((p) => /^\d{4}[A-Z]{2}$/.test(p.postcode || ''));
  assert.ok(withPostcode.length > 0, 'some locatie has a postcode');
  const postcode = withPostcode[withPostcode.length - 1].postcode;
  const spaced = postcode.slice(0, 4) + ' ' + postcode.slice(4).toLowerCase();
  await page.fill('#zoek', spaced);
  assert.deepEqual(await listedIds(page), locaties.filter((p) => p.postcode === postcode).map((p) => String(p.bag_id)));
  await page.fill('#zoek', '');
  assert.equal((await listedIds(page)).length, locaties.length);
});

test('sorting by score keeps the highest first', async () => {
  const { page } = viewer;
  await page.selectOption('#sorteer', 'score');
  const scores = await page.$$eval('#lijst li.item .score', (s) => s.map((e) => Number(e.textContent)));
  assert.deepEqual(scores, [...scores].sort((a, b) => b - a));
  await page.selectOption('#sorteer', 'rank');
});

test('each controledag prints as a looplijst in walking order', async (t) => {
  if (!data.controles) return t.skip('this output has no controles layer');
  const { page } = viewer;
  await page.click('#tab-controles');
  await page.evaluate(() => { window.print = () => { window.__printed = (window.__printed || 0) + 1; }; });
  const day = await page.getAttribute('#dagen li.dag:first-child', 'data-dag');
  await page.click('#dagen li.dag:first-child .knop-print');
  assert.equal(await page.evaluate(() => window.__printed), 1);
  const expected = data.controles.features.filter((f) => String(f.properties.controledag) === day);
  assert.equal(await page.locator('#looplijst tbody tr').count(), expected.length);
  await page.emulateMedia({ media: 'print' });
  assert.ok(await page.isVisible('#looplijst table'));
  assert.ok(!(await page.isVisible('#kaart')));
  await page.emulateMedia({ media: 'screen' });
  await page.click('#tab-locaties');
});

test('screenshot for people to look at', async () => {
  const { page } = viewer;
  await page.click('#lijst li.item:first-child button');
  await page.screenshot({ path: path.join(scratchDir(), 'viewer.png') });
});

test('no request leaves the viewer directory and the console stays clean', () => {
  assert.ok(viewer.requests.length > 0, 'requests are being recorded');
  assert.deepEqual(viewer.foreignRequests(), []);
  assert.deepEqual(viewer.errors, []);
});
