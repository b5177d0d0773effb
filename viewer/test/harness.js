// Shared by the browser tests: Debian's chromium through playwright-core, with every request and
// every console error recorded, and data.js read back independently of the page.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { chromium } = require('playwright-core');

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

function requireEnv(name) {
  const value = process.env[name];
  if (!value) throw new Error(name + ' is not set: run the browser tests through viewer/test/run-tests');
  return value;
}

// The output directories of a real `onregel run` and `onregel gebied`, and a scratch directory, all
// given by run-tests.
const outDir = () => requireEnv('ONREGEL_OUT');
const gebiedOutDir = () => requireEnv('ONREGEL_GEBIED_OUT');
const scratchDir = () => requireEnv('ONREGEL_SCRATCH');
// The onregel binary under test, for tests that start it themselves (`onregel serve`).
const binary = () => requireEnv('ONREGEL_BINARY');

// data.js is `window.ONREGEL_DATA = {...};`: the object must be plain JSON.
function readData(viewerDir) {
  const text = fs.readFileSync(path.join(viewerDir, 'data.js'), 'utf8');
  const prefix = 'window.ONREGEL_DATA = ';
  if (!text.startsWith(prefix) || !text.endsWith(';\n')) throw new Error('data.js has an unexpected shape');
  return JSON.parse(text.slice(prefix.length, -2));
}

// Opens root + 'index.html' (root: a file: or http: URL ending in '/') in a fresh profile.
// `requests` and `errors` fill up as the page works.
async function openPage(root) {
  if (!fs.existsSync(CHROMIUM)) throw new Error(CHROMIUM + ' is missing: apt-get install -y chromium');
  const profile = fs.mkdtempSync(path.join(scratchDir(), 'chromium-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, args: ARGS, acceptDownloads: true,
    viewport: { width: 1440, height: 900 }, locale: 'nl-NL'
  });
  const requests = [];
  const errors = [];
  context.on('request', (request) => requests.push(request.url()));
  const page = context.pages()[0] || await context.newPage();
  page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(root + 'index.html');
  await page.waitForSelector('#lijst li.item');
  return {
    page, requests, errors,
    // Requests for anything but the viewer's own files (data: URLs never leave the page).
    foreignRequests: () => requests.filter((url) => !url.startsWith(root) && !url.startsWith('data:')),
    close: async () => {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    }
  };
}

// Opens viewerDir/index.html from the file system.
const openViewer = (viewerDir) => openPage(pathToFileURL(path.resolve(viewerDir)).href + '/');

// What the list shows, in order.
const listedIds = (page) => page.$$eval('#lijst li.item', (items) => items.map((li) => li.dataset.bagId));

// Clicks "Selectie als CSV" and returns the downloaded text.
async function downloadCsv(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
  return { name: download.suggestedFilename(), text: fs.readFileSync(await download.path(), 'utf8') };
}

// RFC 4180 with `;`: every field of ours is quoted.
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; ++i) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; ++i; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ';') { row.push(field); field = ''; } else if (c === '\r') continue;
    else if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; } else field += c;
  }
  return rows;
}

// The pages of a PDF that chromium printed, each as its size in points ({width, height}).
function pdfPages(buffer) {
  const text = buffer.toString('latin1');
  const pages = text.match(/\/Type\s*\/Page(?!s)/g) || [];
  const boxes = [...text.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => ({ width: Number(m[1]), height: Number(m[2]) }));
  if (boxes.length !== pages.length) throw new Error('PDF: ' + pages.length + ' pages but ' + boxes.length + ' page sizes');
  return boxes;
}

// Whether two elements' boxes on screen overlap.
async function overlap(page, a, b) {
  const [ba, bb] = [await page.locator(a).boundingBox(), await page.locator(b).boundingBox()];
  return ba.x < bb.x + bb.width && bb.x < ba.x + ba.width && ba.y < bb.y + bb.height && bb.y < ba.y + ba.height;
}

module.exports = { outDir, gebiedOutDir, scratchDir, binary, readData, openPage, openViewer, listedIds, downloadCsv, parseCsv, pdfPages, overlap };
