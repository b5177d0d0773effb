// The viewer on a real `onregel run` output, in Debian's chromium, from file:// and offline.
'use strict';

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const fs = require('node:fs');
const { outDir, scratchDir, readData, openViewer, listedIds, downloadCsv, parseCsv, pdfPages, overlap } = require('./harness.js');
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
    assert.equal(await top.page.locator('#looplijst li.stop-blok').count(), 4);
    const beyond = new Map(layers).get('controles').features.map((f) => f.properties).filter((p) => p.controledag === 2 && !shown.includes(p.bag_id));
    assert.ok(beyond.length > 0, 'day 2 holds a controle beyond the top');
    for (const p of beyond) {
      const redenen = await top.page.$$eval('#looplijst li.stop-blok[data-bag-id="' + p.bag_id + '"] .redenen li', (lis) => lis.map((li) => li.textContent));
      assert.deepEqual(redenen, p.redenen, 'the controle\'s own reason sentences');
    }
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

test('the list says why in the signals\' own sentences, the rule in the tooltip', async () => {
  const chips = await viewer.page.$$eval('#lijst li.item:first-child .chip', (cs) => cs.map((c) => ({ text: c.textContent, title: c.title })));
  const first = locaties[0];
  assert.deepEqual(chips.map((c) => c.text), first.signalen.map((s) => first.bewijs[s]));
  assert.deepEqual(chips.map((c) => c.title), first.signalen.map((s) => data.meta.signalen[s]));
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
  assert.equal(await page.locator('#looplijst li.stop-blok').count(), expected.length);
  await page.emulateMedia({ media: 'print' });
  assert.ok(await page.isVisible('#looplijst .stops'));
  assert.ok(!(await page.isVisible('#kaart')));
  await page.emulateMedia({ media: 'screen' });
  await page.click('#tab-locaties');
});

test('street names from the BAG are drawn along the streets', async () => {
  const { page } = viewer;
  const namen = new Set(data.straten.features.map((f) => f.properties.naam));
  assert.ok(namen.size > 20, 'the sample town has its streets');
  await page.click('#lijst li.item:first-child button');
  const shown = await page.$$eval('.straatnaam', (labels) => labels.map((l) => l.textContent));
  assert.ok(shown.length >= 3, 'several street names around the first locatie: ' + shown.length);
  for (const naam of shown) assert.ok(namen.has(naam), naam);
  await page.keyboard.press('Escape');
});

test('the open panel never covers the chosen address, and Escape closes it', async () => {
  const { page } = viewer;
  for (const n of [1, 5, 12]) {
    await page.click(`#lijst li.item:nth-child(${n}) button`);
    await page.waitForSelector('#uitleg:not([hidden])');
    assert.ok(!(await overlap(page, '.gekozen-ring', '#uitleg')), 'item ' + n + ' beside the explanation');
    assert.ok(!(await overlap(page, '.gekozen-ring', '.lagen')), 'item ' + n + ' beside the layer panel');
  }
  await page.keyboard.press('Escape');
  assert.ok(await page.isHidden('#uitleg'));
  assert.equal(await page.locator('.gekozen-ring').count(), 0);

  // A controledag shown on the map lies beside the panels, and so does a stop chosen on it.
  await page.click('#tab-controles');
  await page.click('#dagen li.dag:first-child .knop-licht');
  const stops = page.locator('.stop-icoon[title^="Controledag 1,"]');
  for (let i = 0; i < await stops.count(); ++i) {
    if (!(await stops.nth(i).isVisible())) continue;
    const box = await stops.nth(i).boundingBox();
    const lagen = await page.locator('.lagen').boundingBox();
    assert.ok(box.x + box.width <= lagen.x || box.y >= lagen.y + lagen.height, 'stop ' + i + ' beside the layer panel');
  }
  const day = data.controles.features.filter((f) => f.properties.controledag === 1);
  const listed = day.find((f) => data.locaties.features.some((l) => l.properties.bag_id === f.properties.bag_id));
  await page.click(`.stop-icoon[title$="${listed.properties.adres}"]`);
  await page.waitForSelector('#uitleg:not([hidden])');
  assert.ok(!(await overlap(page, '.gekozen-ring', '#uitleg')));
  await page.keyboard.press('Escape');
  await page.click('#tab-locaties');
});

test('the keyboard reaches the list, opens an address with Enter and closes it with Escape', async () => {
  const { page } = viewer;
  await page.click('#tab-locaties');
  await page.evaluate(() => document.activeElement && document.activeElement.blur());
  let inList = false;
  for (let i = 0; i < 30 && !inList; ++i) {
    await page.keyboard.press('Tab');
    inList = await page.evaluate(() => !!document.activeElement.closest('#lijst li.item'));
  }
  assert.ok(inList, 'Tab reaches the list');
  const id = await page.evaluate(() => document.activeElement.closest('li.item').dataset.bagId);
  await page.keyboard.press('Enter');
  await page.waitForSelector('#uitleg:not([hidden])');
  assert.equal(await page.getAttribute('#lijst li.gekozen', 'data-bag-id'), id);
  await page.keyboard.press('Escape');
  assert.ok(await page.isHidden('#uitleg'));
  assert.equal(await page.evaluate(() => document.activeElement.closest('li.item').dataset.bagId), id, 'focus back on the item');
});

test('the looplijst of a day of eight fits on two A4 pages with what the door needs', async () => {
  const { page } = viewer;
  const day = data.controles.features.map((f) => f.properties).filter((p) => p.controledag === 1);
  assert.equal(day.length, 8);
  assert.ok(day.some((p) => p.selectie === 'hercontrole'), 'the town\'s register has a hercontrole due: it anchors day 1');
  await page.click('#tab-controles');
  await page.evaluate(() => { window.print = () => {}; });
  await page.click('#dagen li.dag[data-dag="1"] .knop-print');
  await page.emulateMedia({ media: 'print' });
  const kop = await page.textContent('#looplijst .druk-kop');
  for (const word of ['Looplijst controledag 1', 'Gemeente', 'IJsselstein', 'Peildatum', 'Profielloo:', 'Vertrouwelijk']) assert.ok(kop.includes(word), word);
  const [jaar, maand, dag] = data.meta.peildatum.split('-').map(Number);
  assert.ok(kop.includes(new Date(jaar, maand - 1, dag).toLocaleDateString('nl-NL', { day: 'numeric', month: 'long', year: 'numeric' })));
  assert.equal(await page.locator('#looplijst svg .svg-stop').count(), 8, 'the route map numbers every stop');
  assert.ok(await page.locator('#looplijst svg .svg-straat').count() > 0, 'with street names');
  const text = await page.textContent('#looplijst');
  const locaties = new Map(data.locaties.features.map((f) => [f.properties.bag_id, f.properties]));
  const blocks = await page.$$eval('#looplijst li.stop-blok', (lis) => lis.map((li) => ({ id: li.dataset.bagId, first: li.querySelector('.redenen li').textContent, text: li.textContent })));
  assert.deepEqual(blocks.map((b) => b.id), [...day].sort((a, b) => a.volgorde - b.volgorde).map((p) => p.bag_id));
  for (const block of blocks) {
    const loc = locaties.get(block.id);
    assert.ok(block.text.includes('Aantekeningen'));
    const controle = day.find((p) => p.bag_id === block.id);
    if (controle.selectie === 'steekproef') assert.equal(block.first, controle.redenen[0], 'a steekproef says so in words');
    // The register's history of the address, as controles.* has it.
    if (controle.historie) assert.ok(block.text.includes('Eerder: ' + controle.historie), block.id);
    if (controle.selectie === 'hercontrole') {
      assert.equal(block.first, controle.redenen[0], 'a hercontrole says so first');
      assert.ok(controle.historie, 'a hercontrole has a history');
      continue;
    }
    if (!loc) continue;
    // The evidence of a signal that scored comes first; every evidence sentence is there.
    const scored = Object.keys(loc.bijdragen).filter((id) => loc.bijdragen[id] > 0);
    assert.ok(scored.some((id) => loc.bewijs[id] === block.first), block.id);
    for (const id of Object.keys(loc.bijdragen)) assert.ok(block.text.includes(loc.bewijs[id]), id);
    assert.ok(block.text.includes(loc.adres) && block.text.includes(loc.pand_id));
  }
  // No rule texts, and in loo no trade names or KvK numbers.
  for (const [id, rule] of Object.entries(data.meta.signalen)) assert.ok(!text.includes(rule), id);
  assert.doesNotMatch(text, /Handelsnamen|KvK-nummers/);
  await page.screenshot({ path: path.join(scratchDir(), 'looplijst-dag1.png'), fullPage: true });
  await page.emulateMedia({ media: null });  // page.pdf prints with screen CSS while 'screen' is emulated

  // Printing ends with afterprint, which clears the sheet: counted last.
  const pages = pdfPages(await page.pdf({ format: 'A4' }));
  assert.ok(pages.length >= 1 && pages.length <= 2, pages.length + ' pages');
  assert.ok(pages.every((p) => p.height > p.width), 'portrait');
  assert.equal(await page.locator('#looplijst li').count(), 0, 'a later Ctrl+P prints the map, not this looplijst');
  await page.click('#tab-locaties');
});

test('Ctrl+P prints the map on one landscape page with legend, scale bar, north arrow, peildatum and profile', async () => {
  const { page } = viewer;
  await page.emulateMedia({ media: null });
  for (const [papier, breedte] of [['a4', 842], ['a3', 1191]]) {
    await page.selectOption('#papier', papier);
    // Printing fires beforeprint, as Ctrl+P does: no looplijst was chosen, so the map prints.
    const pages = pdfPages(await page.pdf({ preferCSSPageSize: true }));
    assert.equal(pages.length, 1, papier);
    assert.ok(Math.abs(pages[0].width - breedte) < 2 && pages[0].width > pages[0].height, papier + ' landscape: ' + JSON.stringify(pages[0]));
  }
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await page.emulateMedia({ media: 'print' });
  assert.ok(await page.isVisible('#kaartprint svg.kaart-svg'));
  assert.ok(await page.isHidden('#kaart'));
  const text = await page.textContent('#kaartprint');
  for (const word of ['Legenda', 'Meer gemelde plekken dan verwacht (p < 0,01 na FDR)', 'Peildatum', 'Profiel loo', 'Vertrouwelijk', 'schaal 1 : ', 'N'])
    assert.ok(text.includes(word), word);
  assert.ok(await page.isVisible('#kaartprint .schaalbalk') && await page.isVisible('#kaartprint .noordpijl'));
  assert.ok(await page.locator('#kaartprint .svg-straat').count() > 0, 'street names on the printed map');
  assert.doesNotMatch(await page.textContent('body'), /Kies in het tabblad/);
  await page.screenshot({ path: path.join(scratchDir(), 'kaartprint.png'), fullPage: true });
  await page.emulateMedia({ media: 'screen' });
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
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
