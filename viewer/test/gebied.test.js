// The viewer of a real `onregel gebied` output: the area, its key figures beside the gemeente and
// working links to the basisdataset files one directory up.
'use strict';

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { gebiedOutDir, readData, openViewer } = require('./harness.js');

const viewerDir = path.join(gebiedOutDir(), 'viewer');
const data = readData(viewerDir);
let viewer;

before(async () => { viewer = await openViewer(viewerDir); });
after(async () => { if (viewer) await viewer.close(); });

test('the areas are listed with links that reach their basisdataset files', async () => {
  const { page } = viewer;
  const gebieden = data.gebieden.features.map((f) => f.properties);
  assert.ok(gebieden.length > 0);
  await page.click('#tab-gebieden');
  assert.equal(await page.locator('#gebieden li.gebied').count(), gebieden.length);
  assert.deepEqual(await page.$$eval('#gebieden .gebied-naam', (s) => s.map((e) => e.textContent)), gebieden.map((p) => p.naam));
  const hrefs = await page.$$eval('#gebieden a', (links) => links.map((a) => a.getAttribute('href')));
  assert.equal(hrefs.length, 2 * gebieden.length);
  for (const href of hrefs) {
    assert.match(href, /^\.\.\/[^/]+\.(xlsx|csv)$/);
    assert.ok(fs.existsSync(path.resolve(viewerDir, decodeURIComponent(href))), href + ' does not exist');
  }
});

test('a click shows every key figure of the area beside the gemeente', async () => {
  const { page } = viewer;
  const first = data.gebieden.features[0].properties;
  await page.click('#gebieden li.gebied:first-child .knop');
  await page.waitForSelector('.leaflet-popup .popup-gebied');
  const rows = await page.$$eval('.popup-gebied tbody tr', (trs) => trs.map((tr) => tr.dataset.kengetal));
  assert.deepEqual(rows, first.kengetallen.map((k) => k.id));
  const objecten = await page.$$eval('.popup-gebied tr[data-kengetal="objecten"] td', (tds) => tds.map((td) => td.textContent));
  assert.equal(objecten[1], first.objecten.toLocaleString('nl-NL'));
  assert.ok((await page.locator('#lijst li.item').count()) > 0, 'the flagged objects inside are listed');
});

test('no request leaves the viewer directory and the console stays clean', () => {
  assert.deepEqual(viewer.foreignRequests(), []);
  assert.deepEqual(viewer.errors, []);
});
