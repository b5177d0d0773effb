// `onregel serve` in Debian's chromium: the viewer of a real run over http://127.0.0.1 under the
// server's Content-Security-Policy, with no violation and no request to anywhere else.
'use strict';

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { spawn } = require('node:child_process');
const path = require('node:path');
const { binary, outDir, readData, openPage, listedIds, downloadCsv } = require('./harness.js');

const data = readData(path.join(outDir(), 'viewer'));
let server;
let root;
let viewer;

// Starts `onregel serve --port 0` and resolves once it prints the URL it listens on.
function startServer() {
  return new Promise((resolve, reject) => {
    const child = spawn(binary(), ['serve', '--out', outDir(), '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
    let printed = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      printed += chunk;
      const match = /^onregel serve: (http:\/\/127\.0\.0\.1:\d+\/) \(Ctrl-C stops\)\n/.exec(printed);
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

test('SIGTERM ends the server with exit code 0', async () => {
  const exited = new Promise((resolve) => server.once('exit', (code, signal) => resolve(signal || code)));
  server.kill('SIGTERM');
  assert.equal(await exited, 0);
});
