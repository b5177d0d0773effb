// monitor.html of a real `onregel monitor` in Debian's chromium: one self-contained page (no request
// beyond itself, no console error, so no CSP violation), its charts drawn, no canary or BAG id in the
// page, and printed on A4 portrait pages.
'use strict';

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { chromium } = require('playwright-core');

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const out = process.env.ONREGEL_MONITOR_OUT;
const scratch = process.env.ONREGEL_SCRATCH;
if (!out || !scratch) throw new Error('run through tests/monitor/run-tests');
const pageUrl = pathToFileURL(path.join(out, 'monitor.html')).href;

let context, page;
const requests = [];
const errors = [];

before(async () => {
  const profile = fs.mkdtempSync(path.join(scratch, 'chromium-profile-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, locale: 'nl-NL',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync']
  });
  context.on('request', (request) => requests.push(request.url()));
  page = context.pages()[0] || await context.newPage();
  page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(pageUrl);
  await page.waitForLoadState('load');
});
after(async () => { if (context) await context.close(); });

test('the report is all there, in Dutch, with its charts', async () => {
  assert.match(await page.textContent('h1'), /^Monitor controles en interventies 2026$/);
  const koppen = await page.$$eval('h2', (hs) => hs.map((h) => h.textContent));
  assert.deepEqual(koppen, ['Samenvatting', 'Doelen', 'Prestatie', 'Effect', 'Verantwoording']);
  assert.ok(await page.locator('figure svg').count() >= 3);
  const box = await page.locator('figure svg').first().boundingBox();
  assert.ok(box.width > 300 && box.height > 100, JSON.stringify(box));
  assert.match(await page.textContent('body'), /4 controles uitgevoerd op 4 adressen/);
});

test('no request leaves the page and nothing is logged', () => {
  assert.deepEqual(requests.filter((url) => url !== pageUrl && !url.startsWith('data:')), []);
  assert.deepEqual(errors, []);
});

test('no canary (a partner) or BAG id in the page', async () => {
  const html = await page.content();
  assert.doesNotMatch(html, /canary|0353010000000/i);
});

test('it prints on A4 portrait pages', async () => {
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
  fs.writeFileSync(path.join(scratch, 'monitor.pdf'), pdf);
  const text = pdf.toString('latin1');
  const pages = text.match(/\/Type\s*\/Page(?!s)/g) || [];
  const boxes = [...text.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [Number(m[1]), Number(m[2])]);
  assert.ok(pages.length >= 2, pages.length + ' pages');
  assert.equal(boxes.length, pages.length);
  for (const [w, h] of boxes) assert.ok(Math.abs(w - 595.3) < 2 && Math.abs(h - 841.9) < 2, 'A4: ' + w + ' x ' + h);
});
