// `onregel serve` in Debian's chromium: the viewer of a real run over http://127.0.0.1 under the
// server's Content-Security-Policy, with no violation and no request to anywhere else.
'use strict';

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { spawn } = require('node:child_process');
const path = require('node:path');
const { binary, outDir, gebiedOutDir, readData, openPage, listedIds, downloadCsv } = require('./harness.js');

const data = readData(path.join(outDir(), 'viewer'));
let server;
let root;
let viewer;

// Starts `onregel serve --port 0` and resolves once it prints the URL it listens on.
function startServer(out = outDir()) {
  return new Promise((resolve, reject) => {
    const child = spawn(binary(), ['serve', '--out', out, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
    let printed = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      printed += chunk;
      const match = /^onregel serve: (http:\/\/127\.0\.0\.1:\d+\/) \(open dit adres in de browser; Ctrl-C stopt\)\n/.exec(printed);
      if (match) resolve({ child, url: match[1] });
    });
    child.on('exit', (code, signal) => reject(new Error('onregel serve ended (' + (signal || code) + ') before listening')));
  });
}

before(async () => {
  ({ child: server, url: root } = await startServer());
  viewer = await openPage(root);
  // Every violation of the policy, also those the console might not show; from the reload on.
  await viewer.page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
  });
});
after(async () => {
  if (viewer) await viewer.close();
  if (server && server.exitCode === null) server.kill('SIGKILL');
});

test('the page comes with the server\'s policy and lists every locatie', async () => {
  const { page } = viewer;
  const response = await page.reload();
  const headers = response.headers();
  assert.equal(headers['content-security-policy'], "default-src 'none'; script-src 'self'; style-src 'self'; " +
    "img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
  assert.equal(headers['content-type'], 'text/html; charset=utf-8');
  await page.waitForSelector('#lijst li.item');
  const locaties = data.locaties.features.map((f) => String(f.properties.bag_id));
  assert.ok(locaties.length > 0, 'the run flagged no locaties: nothing to show');
  assert.deepEqual(await listedIds(page), locaties);
  assert.ok(await page.locator('#kaart .leaflet-pane').count() > 0, 'Leaflet drew the map');
});

test('explaining an item and downloading the selection work under the policy', async () => {
  const { page } = viewer;
  await page.click('#lijst li.item:first-child button');
  await page.waitForSelector('#uitleg:not([hidden])');
  const csv = await downloadCsv(page);
  assert.equal(csv.name, 'onregel-selectie.csv');
  assert.equal(csv.text.replace(/^\ufeff/, '').split('\r\n').filter((l) => l).length, data.locaties.features.length + 1);
});

test('a page of another origin cannot run data.js to read the data', async () => {
  const other = await viewer.page.context().newPage();
  await other.setContent('<p>elders</p>');
  const loaded = await other.evaluate((src) => new Promise((resolve) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = () => resolve(typeof window.ONREGEL_DATA);
    script.onerror = () => resolve('blocked');
    document.head.append(script);
  }), root + 'data.js');
  await other.close();
  assert.equal(loaded, 'blocked');
});

test('no policy violation, no console error, no request beyond the server', async () => {
  assert.deepEqual(await viewer.page.evaluate(() => window.__violations), []);
  assert.deepEqual(viewer.errors, []);
  assert.ok(viewer.requests.length > 0, 'requests are being recorded');
  assert.deepEqual(viewer.foreignRequests(), []);
});

test('a served gebied viewer names its basisdataset files instead of linking outside the viewer', async () => {
  const gebieden = readData(path.join(gebiedOutDir(), 'viewer')).gebieden.features.map((f) => f.properties);
  const { child, url } = await startServer(gebiedOutDir());
  const served = await openPage(url);
  try {
    const { page } = served;
    await page.click('#tab-gebieden');
    await page.waitForSelector('#gebieden li.gebied');
    assert.equal(await page.locator('#gebieden a.gebied-xlsx, #gebieden a.gebied-csv').count(), 0, 'no link the server cannot serve');
    const named = await page.$$eval('#gebieden span.gebied-xlsx', (spans) => spans.map((s) => s.textContent));
    const xlsx = gebieden.map((g) => g.xlsx).filter(Boolean);
    assert.ok(xlsx.length > 0, 'the gebied run wrote no basisdataset');
    assert.deepEqual(named, xlsx);
    assert.match(await page.textContent('#gebieden .gebied-bestanden'), /in de uitvoermap/);
  } finally {
    await served.close();
    child.kill('SIGKILL');
  }
});

test('SIGTERM ends the server with exit code 0', async () => {
  const exited = new Promise((resolve) => server.once('exit', (code, signal) => resolve(signal || code)));
  server.kill('SIGTERM');
  assert.equal(await exited, 0);
});
