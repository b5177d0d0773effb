// The page files of the real output with hand-made data: hostile texts must stay text, and a layer
// that is absent from ONREGEL_DATA must leave no trace on the page.
'use strict';

const { test, after } = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const { scratchDir, openViewer, listedIds, downloadCsv, parseCsv } = require('./harness.js');
const { fixtureLayers, viewerWith, HOSTILE_ADRES, HOSTILE_HANDELSNAAM, HOSTILE_GEBIED } = require('./fixture.js');

const layers = fixtureLayers();
const locaties = new Map(layers).get('locaties').features.map((f) => f.properties);
const opened = [];
async function open(name, chosen) {
  const viewer = await openViewer(viewerWith(name, chosen));
  opened.push(viewer);
  return viewer;
}
after(async () => { for (const viewer of opened) await viewer.close(); });

test('hostile texts are shown as text and never run', async () => {
  const viewer = await open('fixture-vijandig', layers);
  const { page } = viewer;
  const hostile = locaties.find((p) => p.adres === HOSTILE_ADRES);
  const item = `#lijst li.item[data-bag-id="${hostile.bag_id}"]`;
  assert.equal(await page.textContent(`${item} .item-adres`), HOSTILE_ADRES);
  await page.click(`${item} button`);
  assert.equal(await page.textContent('#uitleg h2'), HOSTILE_ADRES);
  assert.match(await page.textContent('#uitleg .feiten'), /=HYPERLINK/);
  assert.ok((await page.textContent('#uitleg')).includes('<b>niet vet</b>'));
  assert.equal(await page.locator('img, [onerror], #uitleg b').count(), 0);
  assert.equal(await page.evaluate(() => window.__xss), undefined);

  // In the CSV, trade names that look like formulas get an apostrophe; the header names the column.
  await page.fill('#zoek', 'Kerkstraat 1 <');
  assert.deepEqual(await listedIds(page), [hostile.bag_id]);
  const rows = parseCsv((await downloadCsv(page)).text.replace(/^\ufeff/, ''));
  assert.equal(rows.length, 2);
  const row = Object.fromEntries(rows[0].map((name, i) => [name, rows[1][i]]));
  assert.equal(row.adres, HOSTILE_ADRES);
  assert.equal(row.handelsnamen, "'" + HOSTILE_HANDELSNAAM + '; @SUM(1+1)');
  assert.equal(row.bag_id, '="' + hostile.bag_id + '"');
  assert.equal(row.score, String(hostile.score));

  assert.deepEqual(viewer.foreignRequests(), []);
  assert.deepEqual(viewer.errors, []);
});

test('the buurt and gebruiksdoel filters and the address sort', async () => {
  const viewer = opened[0];
  const { page } = viewer;
  await page.fill('#zoek', '');
  await page.selectOption('#filter-buurt', 'Beinum');
  await page.selectOption('#filter-gebruiksdoel', 'winkelfunctie');
  const expected = locaties.filter((p) => p.buurt === 'Beinum' && p.gebruiksdoel.split(',').includes('winkelfunctie'));
  assert.ok(expected.length > 0 && expected.length < locaties.length);
  assert.deepEqual(await listedIds(page), expected.map((p) => p.bag_id));
  await page.selectOption('#sorteer', 'adres');
  const byAdres = new Intl.Collator('nl', { numeric: true, sensitivity: 'base' });
  assert.deepEqual(await listedIds(page),
    [...expected].sort((a, b) => byAdres.compare(a.adres, b.adres) || a.rank - b.rank).map((p) => p.bag_id));
  assert.match(await page.textContent('#aantal'), new RegExp('^' + expected.length + ' van ' + locaties.length + ' locaties$'));
});

test('every layer present gets a toggle; unticking one takes it off the map', async () => {
  const { page } = opened[0];
  const toggles = await page.$$eval('.lagen input[type=checkbox]', (inputs) => inputs.map((i) => i.dataset.laag));
  assert.deepEqual(toggles.sort(), ['buurten', 'controles', 'gebieden', 'hotspots', 'locaties', 'panden']);
  const stops = await page.locator('.leaflet-marker-pane .stop').count();
  assert.equal(stops, new Map(layers).get('controles').features.length);
  await page.uncheck('.lagen input[data-laag=controles]');
  assert.equal(await page.locator('.leaflet-marker-pane .stop').count(), 0);
  await page.check('.lagen input[data-laag=controles]');
  assert.equal(await page.locator('.leaflet-marker-pane .stop').count(), stops);
  assert.match(await page.textContent('#profiel'), /handhaving/);
});

test('a gebied shows its key figures beside the gemeente and links to its basisdataset', async () => {
  const { page } = opened[0];
  const gebied = new Map(layers).get('gebieden').features[0].properties;
  await page.click('#tab-gebieden');
  assert.equal(await page.locator('#gebieden li.gebied').count(), 1);
  assert.equal(await page.textContent('#gebieden .gebied-naam'), HOSTILE_GEBIED);
  assert.match(await page.textContent('#gebieden .gebied'), /1\.234 objecten · 7 actieve vestigingen · 3 met een signaal/);
  assert.equal(await page.getAttribute('#gebieden a.gebied-xlsx', 'href'), '../' + gebied.xlsx);
  assert.equal(await page.getAttribute('#gebieden a.gebied-csv', 'href'), '../' + gebied.csv);

  await page.click('#gebieden li.gebied .knop');
  await page.waitForSelector('.leaflet-popup .popup-gebied');
  assert.equal(await page.textContent('.popup-gebied strong'), HOSTILE_GEBIED);
  const cells = async (id) => page.$$eval(`.popup-gebied tr[data-kengetal="${id}"] td`, (tds) => tds.map((td) => td.textContent));
  assert.deepEqual(await cells('objecten'), ['Verblijfsobjecten', '1.234', '4.800']);
  assert.deepEqual(await cells('risicobranche'), ['Risicobranches', '50%', '12,5%']);
  assert.deepEqual(await cells('bouwjaar'), ['Gemiddeld bouwjaar', '1988', '1975']);
  assert.deepEqual(await cells('leegstand'), ['Leegstand (indicatie)', '–', '20%'], 'no denominator: a dash, not 0%');
  assert.equal(await page.getAttribute('.popup-gebied a.gebied-xlsx', 'href'), '../' + gebied.xlsx);
  assert.equal(await page.locator('img, [onerror]').count(), 0);
  assert.equal(await page.evaluate(() => window.__xss), undefined);
  await page.click('.leaflet-popup-close-button');
  await page.click('#tab-locaties');
});

test('the looplijst carries reasons, BAG facts and trade names', async () => {
  const { page } = opened[0];
  await page.click('#tab-controles');
  await page.evaluate(() => { window.print = () => {}; });
  await page.click('#dagen li.dag[data-dag="2"] .knop-print');
  const controles = new Map(layers).get('controles').features.map((f) => f.properties).filter((p) => p.controledag === 2);
  assert.deepEqual(await page.$$eval('#looplijst li.stop-blok', (trs) => trs.map((tr) => tr.dataset.bagId)),
    [...controles].sort((a, b) => a.volgorde - b.volgorde).map((p) => p.bag_id));
  const first = locaties.find((p) => p.bag_id === controles.find((c) => c.volgorde === 1).bag_id);
  const text = await page.textContent('#looplijst li.stop-blok:first-child');
  for (const id of Object.keys(first.bijdragen)) assert.ok(text.includes(first.bewijs[id]), id);
  assert.ok(text.includes(first.handelsnamen[0]) && text.includes(first.pand_id));
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: path.join(scratchDir(), 'looplijst.png'), fullPage: true });
  await page.emulateMedia({ media: 'screen' });
});

test('absent layers and the loo profile leave no trace', async () => {
  const stripped = layers.filter(([name]) => name === 'locaties')
    .map(([name, value]) => [name, { ...value, features: value.features.map((f) => {
      const { handelsnamen, buurt, ...rest } = f.properties;
      return { ...f, properties: rest };
    }) }]);
  stripped.unshift(['meta', { profiel: 'loo' }]);
  const viewer = await open('fixture-kaal', stripped);
  const { page } = viewer;
  assert.equal((await listedIds(page)).length, locaties.length);
  assert.deepEqual(await page.$$eval('.lagen input[type=checkbox]', (i) => i.map((x) => x.dataset.laag)), ['locaties']);
  assert.ok(await page.isHidden('#tab-controles'));
  assert.ok(await page.isHidden('#tab-gebieden'));
  assert.ok(await page.isHidden('#veld-buurt'));
  await page.click('#lijst li.item:first-child button');
  assert.doesNotMatch(await page.textContent('#uitleg'), /Handelsnamen/);
  const rows = parseCsv((await downloadCsv(page)).text.replace(/^\ufeff/, ''));
  assert.ok(!rows[0].includes('handelsnamen'));
  assert.match(await page.textContent('#profiel'), /loo/);
  assert.deepEqual(viewer.foreignRequests(), []);
  assert.deepEqual(viewer.errors, []);
});
