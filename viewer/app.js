// The onregel map. Reads window.ONREGEL_DATA (written by `onregel run` or `onregel gebied` into data.js),
// draws the layers without any tiles or network, and lets advisers filter, explain, export and print the
// selection.
// Data is never parsed as HTML: every text goes through textContent (see h()).
(function () {
  'use strict';

  const DATA = window.ONREGEL_DATA;

  // ---------- small helpers ----------

  // Creates an element; strings among the children become text nodes, so data cannot inject markup.
  function h(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === undefined || value === null || value === false) continue;
      if (key === 'class') node.className = value;
      else if (key === 'dataset') Object.assign(node.dataset, value);
      else if (key === 'on') for (const [event, fn] of Object.entries(value)) node.addEventListener(event, fn);
      else node.setAttribute(key, value === true ? '' : String(value));
    }
    for (const child of children.flat(Infinity)) {
      if (child === undefined || child === null || child === false) continue;
      node.append(child instanceof Node ? child : String(child));
    }
    return node;
  }

  const $ = (id) => document.getElementById(id);
  const nl = new Intl.Collator('nl', { numeric: true, sensitivity: 'base' });
  const getal = new Intl.NumberFormat('nl-NL');

  function features(name) {
    const layer = DATA && DATA[name];
    return layer && Array.isArray(layer.features) ? layer.features : null;
  }

  // "6981 ab" and "6981AB" both find 6981AB; "molenstr 12" finds "Molenstraat 12".
  const compact = (text) => String(text || '').toLowerCase().replace(/\s+/g, '');

  function listOf(value) {
    if (Array.isArray(value)) return value.map(String);
    if (value === undefined || value === null || value === '') return [];
    return String(value).split(',').map((s) => s.trim()).filter(Boolean);
  }

  function signalLabel(id) {
    const names = DATA.meta && DATA.meta.signalen;
    if (id === 'integrale_bonus') return 'Integrale bonus (signalen uit meerdere domeinen)';
    return (names && typeof names[id] === 'string') ? names[id] : id.replace(/_/g, ' ');
  }

  // ---------- the data ----------

  const locaties = (features('locaties') || []).map((f) => ({ feature: f, p: f.properties || {} }));
  const byBagId = new Map(locaties.map((l) => [String(l.p.bag_id), l]));
  const hasHandelsnamen = locaties.some((l) => Array.isArray(l.p.handelsnamen));

  // ---------- header ----------

  function showProfile() {
    const meta = DATA.meta || {};
    const profielen = {
      loo: 'Profiel loo: geaggregeerd, zonder handelsnamen',
      handhaving: 'Profiel handhaving: adresniveau, met handelsnamen'
    };
    if (!meta.profiel) return;
    const box = $('profiel');
    box.textContent = profielen[meta.profiel] || 'Profiel ' + meta.profiel;
    box.hidden = false;
  }

  // ---------- map and basemap ----------

  const map = L.map('kaart', {
    preferCanvas: true,
    zoomControl: false,
    attributionControl: false,
    maxZoom: 21,
    zoomSnap: 0.5
  });
  L.control.zoom({ zoomInTitle: 'Inzoomen', zoomOutTitle: 'Uitzoomen' }).addTo(map);
  L.control.scale({ imperial: false, position: 'bottomright' }).addTo(map);
  const renderer = L.canvas({ padding: 0.5, tolerance: 4 });

  const overlays = [];  // {key, title, layer, legendNode}: what the layer panel offers

  function addOverlay(key, title, layer, legendNode) {
    layer.addTo(map);
    overlays.push({ key, title, layer, legendNode });
  }

  function drawBasemap() {
    const panden = features('panden');
    if (panden) {
      const style = { color: '#b9b9b4', weight: 0.6, fillColor: '#e4e3de', fillOpacity: 1 };
      addOverlay('panden', 'Panden (BAG)', L.geoJSON(panden, { renderer, interactive: false, style }),
        legend([[swatch(style.fillColor, style.color), 'pand']]));
    }
    const buurten = features('buurten');
    if (buurten) {
      const style = { color: '#6b6b78', weight: 1.5, dashArray: '6 4', fill: false };
      addOverlay('buurten', 'Buurtgrenzen', L.geoJSON(buurten, { renderer, interactive: false, style }),
        legend([[swatch('transparent', style.color, 'swatch swatch-lijn'), 'buurtgrens']]));
    }
  }

  // Colours live in this file only: set through the style object, which the CSP allows (no style attribute).
  function swatch(fill, border, className) {
    const node = h('span', { class: className || 'swatch' });
    node.style.backgroundColor = fill;
    node.style.borderColor = border || fill;
    return node;
  }

  function legend(items, note) {
    return h('ul', { class: 'legenda' },
      items.map(([mark, label]) => h('li', null, mark, label)),
      note ? h('li', { class: 'legenda-noot' }, note) : null);
  }

  // ---------- hotspots ----------

  // The classes of the excess test at its default FDR level q = 0,10 (klasse 3, 2, 1 at q/10, q/2, q).
  const HOTSPOT_KLASSEN = {
    3: 'Meer gemelde plekken dan verwacht (p < 0,01 na FDR)',
    2: 'Meer gemelde plekken dan verwacht (p < 0,05 na FDR)',
    1: 'Meer gemelde plekken dan verwacht (p < 0,10 na FDR)'
  };
  const HOTSPOT_KLEUR = { 3: '#b2182b', 2: '#ef8a62', 1: '#fddbc7' };
  const TREND = { stijgend: 'stijgend ↑', dalend: 'dalend ↓', geen: 'geen duidelijke trend' };

  function drawHotspots() {
    const cells = features('hotspots');
    if (!cells) return;
    // Class 0 is "not significant": drawing it would only hide the map.
    const significant = cells.filter((c) => Number(c.properties && c.properties.klasse) !== 0);
    const layer = L.geoJSON(significant, {
      renderer,
      style: (f) => ({
        color: HOTSPOT_KLEUR[f.properties.klasse] || '#999', weight: 0.5,
        fillColor: HOTSPOT_KLEUR[f.properties.klasse] || '#999', fillOpacity: 0.35
      }),
      onEachFeature: (f, l) => l.bindPopup(() => hotspotPopup(f.properties))
    });
    addOverlay('hotspots', 'Meldingen: hotspots', layer,
      legend([3, 2, 1].map((k) => [swatch(HOTSPOT_KLEUR[k]), HOTSPOT_KLASSEN[k]]),
        'Verwacht: wat de adressen in de cel bij het meldingenpeil van de gemeente laten verwachten. ' +
        'Cellen zonder overschot zijn niet getekend.'));
  }

  function hotspotPopup(p) {
    const rows = [['Beoordeling', HOTSPOT_KLASSEN[p.klasse] || 'geen overschot']];
    if (p.trend !== undefined) rows.push(['Trend meldingen', TREND[p.trend] || String(p.trend)]);
    if (p.n_meldingen !== undefined) rows.push(['Meldingen in cel', getal.format(p.n_meldingen)]);
    if (p.plekken !== undefined) rows.push(['Gemelde plekken', getal.format(p.plekken)]);
    if (p.adressen !== undefined) rows.push(['Adressen in cel', getal.format(p.adressen)]);
    if (p.verwacht !== undefined) rows.push(['Verwachte gemelde plekken', Number(p.verwacht).toLocaleString('nl-NL', { maximumFractionDigits: 1 })]);
    if (p.verhouding !== undefined && p.verhouding !== null) {
      rows.push(['Verhouding', Number(p.verhouding).toLocaleString('nl-NL', { maximumFractionDigits: 1 }) + ' × verwacht']);
    }
    if (p.p !== undefined) rows.push(['p-waarde', Number(p.p).toLocaleString('nl-NL', { maximumSignificantDigits: 2 })]);
    return h('div', { class: 'popup' }, h('strong', null, 'Rastercel'), factTable(rows));
  }

  function factTable(rows) {
    return h('dl', { class: 'feiten' }, rows.map(([k, v]) => [h('dt', null, k), h('dd', null, v)]));
  }

  // ---------- gebieden (onregel gebied) ----------

  const GEBIED_KLEUR = '#5e3c99';

  // Shares as percentages, counts whole, the rest with one or two decimals; null (no denominator) as a dash.
  function kengetalTekst(value, eenheid) {
    if (value === null || value === undefined) return '–';
    const n = Number(value);
    if (eenheid === 'aandeel') return n.toLocaleString('nl-NL', { style: 'percent', maximumFractionDigits: 1 });
    if (eenheid === 'aantal' || eenheid === 'jaar') return Math.round(n).toLocaleString('nl-NL', { useGrouping: eenheid === 'aantal' });
    return n.toLocaleString('nl-NL', { maximumFractionDigits: eenheid === 'per object' ? 2 : 1 });
  }

  // The basisdataset files lie beside the viewer directory; the name is encoded, so it stays a file name.
  // `onregel serve` serves the viewer directory only: there the files are named, to open from the folder.
  function basisdatasetLinks(p) {
    const served = location.protocol !== 'file:';
    const bestand = (name, cls, label) => served ? h('span', { class: cls }, name)
      : h('a', { href: '../' + encodeURIComponent(name), class: cls }, label);
    return h('p', { class: 'gebied-bestanden' }, served ? 'Basisdataset (in de uitvoermap): ' : 'Basisdataset: ',
      p.xlsx ? bestand(p.xlsx, 'gebied-xlsx', 'Excel (.xlsx)') : null,
      p.xlsx && p.csv ? ' · ' : null,
      p.csv ? bestand(p.csv, 'gebied-csv', 'CSV') : null);
  }

  function gebiedPopup(p) {
    const kengetallen = Array.isArray(p.kengetallen) ? p.kengetallen : [];
    return h('div', { class: 'popup popup-gebied' },
      h('strong', null, p.naam || 'Gebied'),
      h('table', { class: 'kengetallen' },
        h('thead', null, h('tr', null, h('th', null, 'Kengetal'), h('th', null, 'Gebied'), h('th', null, 'Gemeente'))),
        h('tbody', null, kengetallen.map((k) => h('tr', { dataset: { kengetal: String(k.id) }, title: k.definitie || '' },
          h('td', null, k.naam || k.id), h('td', { class: 'getal' }, kengetalTekst(k.gebied, k.eenheid)),
          h('td', { class: 'getal' }, kengetalTekst(k.gemeente, k.eenheid)))))),
      basisdatasetLinks(p));
  }

  const gebiedLayers = [];  // per feature of `gebieden`, its polygon layer

  function drawGebieden() {
    const gebieden = features('gebieden');
    if (!gebieden) return;
    const style = { color: GEBIED_KLEUR, weight: 2.5, fillColor: GEBIED_KLEUR, fillOpacity: 0.07 };
    const group = L.featureGroup();
    for (const f of gebieden) {
      const layer = L.geoJSON(f, { renderer, style });
      layer.bindPopup(() => gebiedPopup(f.properties || {}), { maxWidth: 420, minWidth: 300 });
      layer.addTo(group);
      gebiedLayers.push(layer);
    }
    addOverlay('gebieden', 'Gebieden', group,
      legend([[swatch('transparent', GEBIED_KLEUR, 'swatch swatch-lijn'), 'gebied']], 'Klik op een gebied voor de kengetallen.'));
  }

  function renderGebieden() {
    const gebieden = features('gebieden');
    if (!gebieden) return;
    $('tab-gebieden').hidden = false;
    $('gebieden').replaceChildren(...gebieden.map((f, i) => {
      const p = f.properties || {};
      const sub = [
        p.objecten !== undefined ? getal.format(p.objecten) + ' objecten' : null,
        p.vestigingen !== undefined ? getal.format(p.vestigingen) + ' actieve vestigingen' : null,
        p.objecten_met_signaal !== undefined ? getal.format(p.objecten_met_signaal) + ' met een signaal' : null
      ].filter(Boolean).join(' · ');
      const show = () => {
        const layer = gebiedLayers[i];
        const bounds = layer.getBounds();
        if (bounds.isValid()) map.fitBounds(bounds, { padding: [40, 40], maxZoom: 18 });
        layer.openPopup(bounds.isValid() ? bounds.getCenter() : undefined);
      };
      return h('li', { class: 'gebied', dataset: { gebied: String(i) } },
        h('strong', { class: 'gebied-naam' }, p.naam || 'Gebied ' + (i + 1)),
        h('span', { class: 'item-sub' }, sub),
        basisdatasetLinks(p),
        h('button', { type: 'button', class: 'knop knop-licht', on: { click: show } }, 'Toon op kaart met kengetallen'));
    }));
  }

  // ---------- controledagen ----------

  const DAG_KLEUREN = ['#1b9e77', '#7570b3', '#d95f02', '#e7298a', '#66a61e', '#a6761d', '#1f78b4', '#e6ab02'];
  const dagKleur = (dag) => DAG_KLEUREN[Math.max(0, Number(dag) - 1) % DAG_KLEUREN.length];

  // A numbered disc in the colour of its controledag.
  function stopLabel(dag, text, className) {
    const node = h('span', { class: className || 'stop' }, text);
    node.style.backgroundColor = dagKleur(dag);
    return node;
  }

  function drawControledagen() {
    const controles = features('controles');
    if (!controles) return null;
    const days = new Map();
    controles.forEach((f, index) => {
      const p = f.properties || {};
      const dag = Number(p.controledag);
      if (!days.has(dag)) days.set(dag, []);
      days.get(dag).push({ f, p, index });
    });
    const ordered = [...days.entries()].sort((a, b) => a[0] - b[0]).map(([dag, stops]) => ({
      dag,
      // Walking order when given, else the order of the file.
      stops: stops.sort((a, b) => (Number(a.p.volgorde) - Number(b.p.volgorde)) || (a.index - b.index))
    }));

    const group = L.featureGroup();
    for (const { dag, stops } of ordered) {
      const points = stops.map((s) => featurePoint(s.f)).filter(Boolean);
      if (points.length > 1) {
        L.polyline(points, { renderer, color: dagKleur(dag), weight: 3, opacity: 0.8, dashArray: '2 6' }).addTo(group);
      }
      stops.forEach((s, i) => {
        const point = featurePoint(s.f);
        if (!point) return;
        const label = stopLabel(dag, String(s.p.volgorde !== undefined ? s.p.volgorde : i + 1));
        const marker = L.marker(point, {
          // Up and to the right of the address, so the scored dot underneath stays visible.
          icon: L.divIcon({ html: label, className: 'stop-icoon', iconSize: [22, 22], iconAnchor: [-3, 25] }),
          title: 'Controledag ' + dag + ', stop ' + label.textContent + ': ' + (s.p.adres || ''),
          keyboard: false
        });
        marker.on('click', () => { if (byBagId.has(String(s.p.bag_id))) select(String(s.p.bag_id), false); });
        marker.addTo(group);
      });
    }
    addOverlay('controles', 'Controledagen', group,
      legend(ordered.map(({ dag, stops }) => [stopLabel(dag, String(dag), 'stop stop-klein'), 'Dag ' + dag + ' (' + stops.length + ' adressen)']),
        'Nummers op de kaart: volgorde van de looproute.'));
    return ordered;
  }

  function featurePoint(f) {
    const g = f.geometry;
    if (!g) return null;
    if (g.type === 'Point') return L.latLng(g.coordinates[1], g.coordinates[0]);
    return L.geoJSON(g).getBounds().getCenter();
  }

  function renderDays(ordered) {
    if (!ordered || ordered.length === 0) return;
    $('tab-controles').hidden = false;
    const list = $('dagen');
    for (const { dag, stops } of ordered) {
      const bounds = L.latLngBounds(stops.map((s) => featurePoint(s.f)).filter(Boolean));
      list.append(h('li', { class: 'dag', dataset: { dag: String(dag) } },
        h('div', { class: 'dag-kop' },
          stopLabel(dag, String(dag)),
          h('strong', null, 'Controledag ' + dag), h('span', { class: 'dag-aantal' }, stops.length + ' adressen')),
        h('ol', { class: 'dag-adressen' }, stops.map((s) => h('li', null, s.p.adres || s.p.bag_id || ''))),
        h('div', { class: 'dag-knoppen' },
          h('button', { type: 'button', class: 'knop knop-licht', on: { click: () => bounds.isValid() && map.fitBounds(bounds, { padding: [40, 40], maxZoom: 18 }) } }, 'Toon op kaart'),
          h('button', { type: 'button', class: 'knop knop-print', on: { click: () => { buildLooplijst(dag, stops); window.print(); } } }, 'Looplijst afdrukken'))));
    }
    // A later Ctrl+P should not silently reprint the last looplijst.
    window.addEventListener('afterprint', () => $('looplijst').replaceChildren());
  }

  // The print view: one controledag, addresses in walking order with reasons, BAG facts and room for notes.
  function buildLooplijst(dag, stops) {
    const sheet = $('looplijst');
    sheet.replaceChildren(
      h('h2', null, 'Looplijst controledag ' + dag),
      h('p', { class: 'looplijst-sub' }, stops.length + ' adressen in looprichting. Vertrouwelijk — na afloop vernietigen of bij het dossier voegen.'),
      h('p', { class: 'looplijst-invullen' }, h('span', null, 'Datum: ______________'), h('span', null, 'Controleurs: ________________________________')),
      h('table', { class: 'looplijst-tabel' },
        h('thead', null, h('tr', null,
          [['nr', 'Nr.'], ['adres', 'Adres'], ['redenen', 'Redenen'], ['bag', 'BAG-gegevens'], ['notities', 'Aantekeningen']]
            .map(([c, t]) => h('th', { class: c }, t)))),
        h('tbody', null, stops.map((s, i) => {
          const loc = byBagId.get(String(s.p.bag_id));
          const p = loc ? loc.p : s.p;
          return h('tr', { dataset: { bagId: String(s.p.bag_id || '') } },
            h('td', { class: 'nr' }, String(s.p.volgorde !== undefined ? s.p.volgorde : i + 1)),
            h('td', null, h('strong', null, p.adres || s.p.adres || ''), h('br'), p.postcode || ''),
            h('td', null, reasons(loc, s.p)),
            h('td', null, factTable(bagFacts(p))),
            h('td', { class: 'notities' }, h('div', { class: 'notitieruimte' })));
        }))));
  }

  function reasons(loc, controle) {
    if (!loc) return h('ul', { class: 'redenen' }, listOf(controle.redenen).map((r) => h('li', null, signalLabel(r))));
    return h('ul', { class: 'redenen' }, Object.keys(loc.p.bijdragen || {}).map((id) =>
      h('li', null, h('strong', null, signalLabel(id)), (loc.p.bewijs && loc.p.bewijs[id]) ? ': ' + loc.p.bewijs[id] : '')));
  }

  function bagFacts(p) {
    const rows = [];
    if (p.gebruiksdoel) rows.push(['Gebruiksdoel', listOf(p.gebruiksdoel).join(', ')]);
    if (p.oppervlakte !== undefined && p.oppervlakte !== null) rows.push(['Oppervlakte', getal.format(p.oppervlakte) + ' m²']);
    if (p.bag_id) rows.push(['Verblijfsobject', String(p.bag_id)]);
    if (p.pand_id) rows.push(['Pand', String(p.pand_id)]);
    if (p.buurt) rows.push(['Buurt', String(p.buurt)]);
    if (p.n_vestigingen !== undefined) rows.push(['Vestigingen (KvK)', getal.format(p.n_vestigingen)]);
    if (p.n_meldingen !== undefined) rows.push(['Meldingen', getal.format(p.n_meldingen)]);
    if (Array.isArray(p.handelsnamen) && p.handelsnamen.length) rows.push(['Handelsnamen', p.handelsnamen.join('; ')]);
    return rows;
  }

  // ---------- locaties ----------

  const scores = locaties.map((l) => Number(l.p.score) || 0);
  const minScore = scores.length ? scores.reduce((a, b) => Math.min(a, b)) : 0;
  const maxScore = scores.length ? scores.reduce((a, b) => Math.max(a, b)) : 0;
  const SCORE_KLEUREN = ['#fecc5c', '#fd8d3c', '#e31a1c', '#800026'];
  // Four equal score bands between the lowest and the highest score in this output.
  const bandWidth = Math.max(1, Math.ceil((maxScore - minScore + 1) / SCORE_KLEUREN.length));
  const band = (score) => Math.min(SCORE_KLEUREN.length - 1, Math.floor((score - minScore) / bandWidth));

  function scoreBadge(score, className) {
    const b = band(Number(score) || 0);
    const node = h('span', { class: className, title: 'Score' }, String(score));
    node.style.backgroundColor = SCORE_KLEUREN[b];
    node.classList.toggle('score-donker', b >= 2);
    return node;
  }

  const markers = new Map();  // bag_id -> circle marker
  const locatieLayer = L.featureGroup();

  // Dots shrink when zoomed out to a whole town, so they do not merge into one blot.
  function markerStyle(l, selected) {
    const score = Number(l.p.score) || 0;
    const zoom = map.getZoom();  // undefined until the first view is set
    const scale = Number.isFinite(zoom) ? Math.max(0.45, Math.min(1, (zoom - 12) / 5)) : 1;
    return {
      renderer,
      radius: selected ? 10 : Math.max(2.5, (5 + 2 * band(score)) * scale),
      color: selected ? '#0b57d0' : '#2b2b2b',
      weight: selected ? 3 : 1,
      fillColor: SCORE_KLEUREN[band(score)],
      fillOpacity: 0.95
    };
  }

  function drawLocaties() {
    if (!features('locaties')) return;
    for (const l of locaties) {
      const point = featurePoint(l.feature);
      if (!point) continue;
      const marker = L.circleMarker(point, markerStyle(l, false));
      marker.on('click', () => select(String(l.p.bag_id), true));
      markers.set(String(l.p.bag_id), marker);
    }
    map.on('zoomend', () => {
      for (const l of locaties) {
        const marker = markers.get(String(l.p.bag_id));
        if (marker) marker.setRadius(markerStyle(l, String(l.p.bag_id) === state.selected).radius);
      }
    });
    const bands = [];
    for (let i = 0; i < SCORE_KLEUREN.length; ++i) {
      const from = minScore + i * bandWidth;
      if (from > maxScore) break;
      const to = Math.min(maxScore, from + bandWidth - 1);
      bands.push([swatch(SCORE_KLEUREN[i], '#2b2b2b', 'swatch swatch-rond'), from === to ? 'score ' + from : 'score ' + from + ' – ' + to]);
    }
    addOverlay('locaties', 'Locaties (gescoord)', locatieLayer,
      legend(bands.reverse(), 'Getoond: de locaties in de huidige selectie.'));
  }

  // ---------- the layer panel ----------

  const LayerPanel = L.Control.extend({
    options: { position: 'topright' },
    onAdd() {
      const box = h('div', { class: 'lagen leaflet-bar' }, h('h2', null, 'Kaartlagen'),
        overlays.slice().reverse().map((o) => {
          const toggle = h('input', { type: 'checkbox', checked: true, dataset: { laag: o.key } });
          toggle.addEventListener('change', () => toggle.checked ? o.layer.addTo(map) : map.removeLayer(o.layer));
          return h('section', { class: 'laag' }, h('label', { class: 'laag-naam' }, toggle, o.title), o.legendNode);
        }));
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      return box;
    }
  });

  // ---------- list, filters, sorting ----------

  const state = { zoek: '', signaal: '', gebruiksdoel: '', buurt: '', sorteer: 'rank', selected: null };
  let selection = [];

  function fillSelect(select, values, count) {
    for (const value of values) select.append(h('option', { value }, count(value)));
  }

  function setupFilters() {
    const signalCounts = new Map();
    const doelCounts = new Map();
    const buurtCounts = new Map();
    const bump = (m, k) => m.set(k, (m.get(k) || 0) + 1);
    for (const l of locaties) {
      listOf(l.p.signalen).forEach((s) => bump(signalCounts, s));
      new Set(listOf(l.p.gebruiksdoel)).forEach((d) => bump(doelCounts, d));
      if (l.p.buurt) bump(buurtCounts, String(l.p.buurt));
    }
    const sorted = (m, label) => [...m.keys()].sort((a, b) => nl.compare(label(a), label(b)) || (a < b ? -1 : 1));
    fillSelect($('filter-signaal'), sorted(signalCounts, signalLabel), (s) => signalLabel(s) + ' (' + signalCounts.get(s) + ')');
    fillSelect($('filter-gebruiksdoel'), sorted(doelCounts, String), (d) => d + ' (' + doelCounts.get(d) + ')');
    if (buurtCounts.size) {
      $('veld-buurt').hidden = false;
      fillSelect($('filter-buurt'), sorted(buurtCounts, String), (b) => b + ' (' + buurtCounts.get(b) + ')');
    }
    const bind = (id, key, event) => $(id).addEventListener(event, (e) => { state[key] = e.target.value; update(); });
    bind('zoek', 'zoek', 'input');
    bind('filter-signaal', 'signaal', 'change');
    bind('filter-gebruiksdoel', 'gebruiksdoel', 'change');
    bind('filter-buurt', 'buurt', 'change');
    bind('sorteer', 'sorteer', 'change');
    $('export-csv').addEventListener('click', exportCsv);
  }

  function matches(l) {
    const p = l.p;
    if (state.signaal && !listOf(p.signalen).includes(state.signaal)) return false;
    if (state.gebruiksdoel && !listOf(p.gebruiksdoel).includes(state.gebruiksdoel)) return false;
    if (state.buurt && String(p.buurt) !== state.buurt) return false;
    const q = compact(state.zoek);
    if (q && !compact(p.adres).includes(q) && !compact(p.postcode).includes(q)) return false;
    return true;
  }

  const byRank = (a, b) => (Number(a.p.rank) - Number(b.p.rank)) || (String(a.p.bag_id) < String(b.p.bag_id) ? -1 : 1);
  const SORTS = {
    rank: byRank,
    score: (a, b) => (Number(b.p.score) - Number(a.p.score)) || byRank(a, b),
    adres: (a, b) => nl.compare(String(a.p.adres || ''), String(b.p.adres || '')) || byRank(a, b)
  };

  function update() {
    selection = locaties.filter(matches).sort(SORTS[state.sorteer]);
    renderList();
    locatieLayer.clearLayers();
    // Drawn from the last rank to the first, so the highest scores lie on top where dots overlap.
    const shown = new Set(selection);
    for (let i = locaties.length - 1; i >= 0; --i) {
      const marker = shown.has(locaties[i]) && markers.get(String(locaties[i].p.bag_id));
      if (marker) marker.addTo(locatieLayer);
    }
    const selectedMarker = state.selected && markers.get(state.selected);
    if (selectedMarker && locatieLayer.hasLayer(selectedMarker)) selectedMarker.bringToFront();
  }

  // A run that flagged more locaties than the viewer holds (onregel run --viewer-max) says so.
  function showTruncation() {
    const totaal = Number(DATA.meta && DATA.meta.locaties_totaal);
    if (!(totaal > locaties.length)) return;
    const box = $('afgekapt');
    box.textContent = 'Top ' + getal.format(locaties.length) + ' van ' + getal.format(totaal) +
      ' locaties met een signaal — de volledige lijst staat in locaties.geojson en onregel.gpkg';
    box.hidden = false;
  }

  function renderList() {
    const total = locaties.length;
    $('aantal').textContent = selection.length === total
      ? getal.format(total) + ' locaties'
      : getal.format(selection.length) + ' van ' + getal.format(total) + ' locaties';
    $('export-csv').disabled = selection.length === 0;
    $('lijst').replaceChildren(...selection.map((l) => {
      const id = String(l.p.bag_id);
      return h('li', { class: 'item' + (id === state.selected ? ' gekozen' : ''), dataset: { bagId: id } },
        h('button', { type: 'button', class: 'item-knop', on: { click: () => select(id, false) } },
          h('span', { class: 'rang', title: 'Rang' }, String(l.p.rank)),
          h('span', { class: 'item-tekst' },
            h('span', { class: 'item-adres' }, l.p.adres || id),
            h('span', { class: 'item-sub' }, [l.p.postcode, listOf(l.p.gebruiksdoel).join(', ')].filter(Boolean).join(' · ')),
            h('span', { class: 'chips' }, listOf(l.p.signalen).map((s) => h('span', { class: 'chip', title: signalLabel(s) }, s.replace(/_/g, ' '))))),
          scoreBadge(l.p.score, 'score')));
    }));
    if (selection.length === 0) {
      $('lijst').append(h('li', { class: 'leeg' },
        total === 0 ? 'Deze uitvoer bevat geen gemarkeerde locaties.' : 'Geen locaties voldoen aan deze filters.'));
    }
  }

  // ---------- the explanation ----------

  function select(bagId, fromMap) {
    const l = byBagId.get(bagId);
    if (!l) return;
    const previous = state.selected && byBagId.get(state.selected);
    if (previous && markers.has(state.selected)) markers.get(state.selected).setStyle(markerStyle(previous, false));
    state.selected = bagId;
    const marker = markers.get(bagId);
    if (marker) {
      marker.setStyle(markerStyle(l, true));
      if (locatieLayer.hasLayer(marker)) marker.bringToFront();
      if (!fromMap) map.setView(marker.getLatLng(), Math.max(map.getZoom(), 17));
    }
    for (const item of $('lijst').children) item.classList.toggle('gekozen', item.dataset.bagId === bagId);
    const item = [...$('lijst').children].find((li) => li.dataset.bagId === bagId);
    if (item && fromMap) item.scrollIntoView({ block: 'nearest' });
    showExplanation(l);
  }

  function showExplanation(l) {
    const p = l.p;
    const bijdragen = p.bijdragen || {};
    const ids = Object.keys(bijdragen);
    const total = ids.reduce((sum, id) => sum + Number(bijdragen[id]), 0);
    const panel = $('uitleg');
    panel.replaceChildren(
      h('div', { class: 'uitleg-kop' },
        h('div', null,
          h('h2', null, p.adres || String(p.bag_id)),
          h('p', { class: 'uitleg-sub' }, [p.postcode, 'rang ' + p.rank].filter(Boolean).join(' · '))),
        scoreBadge(p.score, 'score score-groot'),
        h('button', { type: 'button', class: 'sluit', 'aria-label': 'Toelichting sluiten', on: { click: () => { panel.hidden = true; } } }, '×')),
      h('h3', null, 'Waarom deze score'),
      h('table', { class: 'bijdragen' },
        h('thead', null, h('tr', null, h('th', null, 'Signaal'), h('th', { class: 'punten' }, 'Punten'))),
        h('tbody', null, ids.map((id) => h('tr', { class: 'bijdrage', dataset: { signaal: id } },
          h('td', null,
            h('span', { class: 'bijdrage-naam' }, signalLabel(id)),
            signalLabel(id) === id.replace(/_/g, ' ') ? null : h('span', { class: 'bijdrage-id' }, id),
            h('span', { class: 'bewijs' }, (p.bewijs && p.bewijs[id]) || '')),
          h('td', { class: 'punten' }, String(bijdragen[id]))))),
        h('tfoot', null, h('tr', null, h('th', null, 'Totaal (score)'), h('td', { class: 'punten totaal' }, String(total))))),
      h('h3', null, 'Gegevens uit BAG en registers'),
      factTable(bagFacts(p)));
    panel.hidden = false;
  }

  // ---------- CSV export ----------

  // Spreadsheet programs run cells that start with = + - @ (or tab/CR) as formulas: a leading
  // apostrophe makes them text.
  const neutralise = (text) => /^[=+\-@\t\r]/.test(text) ? "'" + text : text;
  const quote = (text) => '"' + String(text).replace(/"/g, '""') + '"';
  const cell = (value) => quote(neutralise(value === undefined || value === null ? '' : String(value)));
  // A BAG id is 16 digits with leading zeros: a bare number loses both in Excel, so the id is written
  // as a text formula of our own making. It is the only formula in the file and holds digits only.
  const idCell = (value) => /^\d+$/.test(String(value)) ? quote('="' + value + '"') : cell(value);

  function exportCsv() {
    const columns = ['rang', 'score', 'bag_id', 'pand_id', 'adres', 'postcode', 'huisnummer', 'huisletter', 'toevoeging',
      'gebruiksdoel', 'oppervlakte', 'buurt', 'signalen', 'bijdragen', 'n_vestigingen', 'n_meldingen'];
    if (hasHandelsnamen) columns.push('handelsnamen');
    const lines = [columns.map(quote).join(';')];
    for (const { p } of selection) {
      const row = [cell(p.rank), cell(p.score), idCell(p.bag_id), idCell(p.pand_id), cell(p.adres), cell(p.postcode),
        cell(p.huisnummer), cell(p.huisletter), cell(p.toevoeging), cell(listOf(p.gebruiksdoel).join(', ')),
        cell(p.oppervlakte), cell(p.buurt), cell(listOf(p.signalen).join(', ')),
        cell(Object.entries(p.bijdragen || {}).map(([id, points]) => id + ': ' + points).join(', ')),
        cell(p.n_vestigingen), cell(p.n_meldingen)];
      if (hasHandelsnamen) row.push(cell((p.handelsnamen || []).join('; ')));
      lines.push(row.join(';'));
    }
    // BOM and CRLF: Excel on Windows then reads UTF-8 and rows as intended.
    const blob = new Blob(['\ufeff' + lines.join('\r\n') + '\r\n'], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const link = h('a', { href: url, download: 'onregel-selectie.csv', hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  // ---------- tabs ----------

  function setupTabs() {
    const tabs = [['tab-locaties', 'paneel-locaties'], ['tab-controles', 'paneel-controles'], ['tab-gebieden', 'paneel-gebieden']];
    for (const [tab, panel] of tabs) {
      $(tab).addEventListener('click', () => {
        for (const [t, p] of tabs) {
          $(t).setAttribute('aria-selected', String(t === tab));
          $(p).hidden = t !== tab;
        }
      });
    }
  }

  // ---------- start ----------

  function start() {
    if (!DATA) {
      $('geen-gegevens').hidden = false;
      return;
    }
    showProfile();
    showTruncation();
    drawBasemap();
    drawHotspots();
    drawGebieden();
    const days = drawControledagen();
    drawLocaties();
    new LayerPanel().addTo(map);
    setupTabs();
    setupFilters();
    renderDays(days);
    renderGebieden();
    update();

    // Open on the drawn gebieden when there are any, else on the scored locaties; without either on
    // whatever was drawn; else on the Netherlands.
    let extent = L.latLngBounds([]);
    for (const layer of gebiedLayers) extent.extend(layer.getBounds());
    if (!extent.isValid()) extent = locatieLayer.getBounds();
    if (!extent.isValid()) {
      extent = L.latLngBounds([]);
      for (const o of overlays) extent.extend(o.layer.getBounds());
    }
    // The right-hand margin keeps the layer panel from covering the town.
    map.fitBounds(extent.isValid() ? extent : L.latLngBounds([[50.75, 3.3], [53.6, 7.3]]),
      { paddingTopLeft: [30, 30], paddingBottomRight: [map.getSize().x > 900 ? 290 : 30, 30] });
  }

  start();
})();
