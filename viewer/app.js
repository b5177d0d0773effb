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
  // "1 adres", "8 adressen": Dutch counts with the noun in the right number.
  const aantal = (n, enkelvoud, meervoud) => getal.format(n) + ' ' + (Number(n) === 1 ? enkelvoud : meervoud);
  const datum = (iso) => iso ? new Date(iso + 'T12:00:00').toLocaleDateString('nl-NL', { day: 'numeric', month: 'long', year: 'numeric' }) : '';

  // SVG elements (the printed maps); attributes only, no markup from data.
  function svg(tag, attrs, ...children) {
    const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
    for (const [key, value] of Object.entries(attrs || {})) if (value !== undefined && value !== null) node.setAttribute(key, String(value));
    for (const child of children.flat(Infinity)) if (child !== undefined && child !== null && child !== false) node.append(child instanceof Node ? child : String(child));
    return node;
  }

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

  // Why a signal flags an address, in its own sentence (bewijs); the signal's description when there is none.
  const reden = (p, id) => (p.bewijs && typeof p.bewijs[id] === 'string' && p.bewijs[id]) || signalLabel(id);

  function signalLabel(id) {
    const names = DATA.meta && DATA.meta.signalen;
    if (id === 'integrale_bonus') return 'Integrale bonus (signalen uit meerdere domeinen)';
    return (names && typeof names[id] === 'string') ? names[id] : id.replace(/_/g, ' ');
  }

  // ---------- the data ----------

  const locaties = (features('locaties') || []).map((f) => ({ feature: f, p: f.properties || {} }));
  const byBagId = new Map(locaties.map((l) => [String(l.p.bag_id), l]));
  const hasHandelsnamen = locaties.some((l) => Array.isArray(l.p.handelsnamen));
  const meta = (DATA && DATA.meta) || {};
  const PROFIELEN = {
    loo: 'Profiel loo: geaggregeerd, zonder handelsnamen',
    handhaving: 'Profiel handhaving: adresniveau, met handelsnamen'
  };
  const profielTekst = () => PROFIELEN[meta.profiel] || (meta.profiel ? 'Profiel ' + meta.profiel : '');

  // The woonplaats ends an address ("Eemhof 45-7, 3402WG IJsselstein"), the gemeentecode starts a BAG id.
  function gemeenteTekst(props) {
    const plaatsen = new Map();
    const codes = new Set();
    for (const p of props) {
      const plaats = /,\s*\d{4}\s?[A-Z]{2}\s+(.+)$/.exec(String(p.adres || ''));
      if (plaats) plaatsen.set(plaats[1], (plaatsen.get(plaats[1]) || 0) + 1);
      if (/^\d{16}$/.test(String(p.bag_id))) codes.add(String(p.bag_id).slice(0, 4));
    }
    const namen = [...plaatsen.entries()].sort((a, b) => b[1] - a[1]).map(([naam]) => naam).slice(0, 3).join(', ');
    const code = [...codes].sort().join(', ');
    return [namen, code ? '(gemeentecode ' + code + ')' : ''].filter(Boolean).join(' ');
  }

  // ---------- header ----------

  function showProfile() {
    if (!meta.profiel) return;
    const box = $('profiel');
    box.textContent = profielTekst();
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

  // ---------- street names ----------

  const straten = (features('straten') || []).map((f) => ({ latlng: featurePoint(f), p: f.properties || {} }))
    .filter((st) => st.latlng && st.p.naam)
    .sort((a, b) => (Number(b.p.adressen) || 0) - (Number(a.p.adressen) || 0));

  // Which names to draw, busiest streets first: a name goes where its street is long enough to carry
  // it and it overlaps no name placed before. `items`: {x, y} in output units (px or mm) with the
  // street; perMetre: output units per metre on the ground; size: the font size in output units.
  function placeNames(items, perMetre, size) {
    const placed = [];
    return items.filter(({ x, y, st }) => {
      const w = 0.6 * size * String(st.p.naam).length;
      const a = (Number(st.p.hoek) || 0) * Math.PI / 180;
      if (w > 1.5 * Math.max(Number(st.p.lengte) || 0, 30) * perMetre) return false;
      const hx = (Math.abs(w * Math.cos(a)) + Math.abs(1.3 * size * Math.sin(a))) / 2;
      const hy = (Math.abs(w * Math.sin(a)) + Math.abs(1.3 * size * Math.cos(a))) / 2;
      const box = [x - hx, y - hy, x + hx, y + hy];
      if (placed.some((b) => box[0] < b[2] && b[0] < box[2] && box[1] < b[3] && b[1] < box[3])) return false;
      placed.push(box);
      return true;
    });
  }

  function drawStraatnamen() {
    if (straten.length === 0) return;
    map.createPane('straatnamen').style.zIndex = 450;  // above the canvas with the panden, below markers
    const group = L.featureGroup();
    const labels = new Map();  // street -> its marker, made when first shown
    const FONT = 12;  // px, as .straatnaam in style.css
    const refresh = () => {
      const view = map.getBounds().pad(0.1);
      const perMetre = 1 / (40075016.686 * Math.cos(map.getCenter().lat * Math.PI / 180) / Math.pow(2, map.getZoom() + 8));
      const items = straten.filter((st) => view.contains(st.latlng))
        .map((st) => Object.assign(map.latLngToContainerPoint(st.latlng), { st }));
      const shown = new Set(placeNames(items, perMetre, FONT).map((item) => item.st));
      for (const st of straten) {
        if (shown.has(st) && !labels.has(st)) {
          const text = h('span', { class: 'straatnaam' }, st.p.naam);
          text.style.transform = 'translate(-50%, -50%) rotate(' + (-Number(st.p.hoek) || 0) + 'deg)';
          labels.set(st, L.marker(st.latlng, { pane: 'straatnamen', interactive: false, keyboard: false,
            icon: L.divIcon({ html: text, className: 'straatnaam-icoon', iconSize: [0, 0] }) }));
        }
        const label = labels.get(st);
        if (label && shown.has(st) !== group.hasLayer(label)) shown.has(st) ? label.addTo(group) : group.removeLayer(label);
      }
    };
    map.on('zoomend moveend', refresh);
    addOverlay('straten', 'Straatnamen (BAG)', group, legend([], 'Namen van de openbare ruimten, bij hun adressen.'));
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
        p.objecten !== undefined ? aantal(p.objecten, 'object', 'objecten') : null,
        p.vestigingen !== undefined ? aantal(p.vestigingen, 'actieve vestiging', 'actieve vestigingen') : null,
        p.objecten_met_signaal !== undefined ? getal.format(p.objecten_met_signaal) + ' met een signaal' : null
      ].filter(Boolean).join(' · ');
      const show = () => {
        const layer = gebiedLayers[i];
        const bounds = layer.getBounds();
        // The figures are about the area, not the address explained before; the popup keeps clear of the panels.
        closeExplanation(false);
        if (bounds.isValid()) fitBeside(bounds);
        const area = freeArea();
        const size = map.getSize();
        Object.assign(layer.getPopup().options, { autoPanPaddingTopLeft: area.min, autoPanPaddingBottomRight: size.subtract(area.max) });
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
      legend(ordered.map(({ dag, stops }) => [stopLabel(dag, String(dag), 'stop stop-klein'), 'Dag ' + dag + ' (' + aantal(stops.length, 'adres', 'adressen') + ')']),
        'Nummers op de kaart: volgorde van de looproute.'));
    controledagen = ordered;
    return ordered;
  }
  let controledagen = [];

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
      const show = () => {
        state.dag = dag;  // what the map's print view then shows
        if (bounds.isValid()) fitBeside(bounds);
      };
      list.append(h('li', { class: 'dag', dataset: { dag: String(dag) } },
        h('div', { class: 'dag-kop' },
          stopLabel(dag, String(dag)),
          h('strong', null, 'Controledag ' + dag), h('span', { class: 'dag-aantal' }, aantal(stops.length, 'adres', 'adressen'))),
        h('ol', { class: 'dag-adressen' }, stops.map((s) => h('li', null, s.p.adres || s.p.bag_id || ''))),
        h('div', { class: 'dag-knoppen' },
          h('button', { type: 'button', class: 'knop knop-licht', on: { click: show } }, 'Toon op kaart'),
          h('button', { type: 'button', class: 'knop knop-print', on: { click: () => { buildLooplijst(dag, stops); afdrukken('looplijst'); } } }, 'Looplijst afdrukken'))));
    }
  }

  // The looplijst for the door: one controledag on A4 (two pages for eight addresses), a header with
  // what the sheet is, a map of the route and per stop the address, the reasons, the facts and room for notes.
  function buildLooplijst(dag, stops) {
    const points = stops.map((s) => featurePoint(s.f)).filter(Boolean);
    const gemeente = gemeenteTekst(stops.map((s) => s.p));
    $('looplijst').replaceChildren(
      h('header', { class: 'druk-kop' },
        h('div', null,
          h('h2', null, 'Looplijst controledag ' + dag),
          factTable([['Gemeente', gemeente], ['Controledag', dag + ' (' + aantal(stops.length, 'adres', 'adressen') + ' in looprichting)'],
            ['Peildatum', datum(meta.peildatum)], ['Profiel', profielTekst().replace(/^Profiel /, '')]].filter(([, v]) => v))),
        h('p', { class: 'vertrouwelijk' }, 'Vertrouwelijk')),
      h('p', { class: 'looplijst-invullen' }, h('span', null, 'Datum bezoek: ______________'), h('span', null, 'Controleurs: ______________________________')),
      points.length ? kaartSvg(L.latLngBounds(points).pad(0.12), 186, 78, { toon: (key) => ['panden', 'straten', 'controles'].includes(key), dag }) : null,
      h('ol', { class: 'stops' }, stops.map((s, i) => {
        const loc = byBagId.get(String(s.p.bag_id));
        const p = Object.assign({}, s.p, loc ? loc.p : {});
        const rows = (label, facts) => facts.length ? h('p', { class: 'stop-feiten' }, h('strong', null, label + ': '),
          facts.map(([k, v]) => k + ' ' + v).join(' · ')) : null;
        return h('li', { class: 'stop-blok', dataset: { bagId: String(s.p.bag_id || '') } },
          stopLabel(dag, String(s.p.volgorde !== undefined ? s.p.volgorde : i + 1), 'stop stop-druk'),
          h('div', { class: 'stop-tekst' },
            h('p', { class: 'stop-adres' }, p.adres || String(p.bag_id || '')),
            reasons(loc, s.p),
            s.p.historie ? h('p', { class: 'stop-feiten stop-historie' }, h('strong', null, 'Eerder: '), String(s.p.historie)) : null,
            rows('BAG', bagFacts(p)),
            rows('KvK en meldingen', registerFacts(p))),
          h('div', { class: 'notities' }, h('p', { class: 'vakjes' }, ['bezocht', 'niet aangetroffen', 'vervolg'].map((v) => h('span', null, '☐ ' + v))),
            h('p', null, 'Aantekeningen:')));
      })),
      h('p', { class: 'druk-voet' }, 'Na afloop vernietigen of bij het dossier voegen.'));
  }

  // Why, as the data says it: the evidence of the signals that scored first, then of those that only
  // came along (0 points: already counted through another signal).
  function reasons(loc, controle) {
    // A steekproef, or an address beyond the viewer's top: the controle's own reason sentences.
    if (!loc) return h('ul', { class: 'redenen' }, (Array.isArray(controle.redenen) ? controle.redenen : []).map((r) => h('li', null, String(r))));
    const bijdragen = Object.entries(loc.p.bijdragen || {}).sort((a, b) => (Number(b[1]) > 0) - (Number(a[1]) > 0));
    // A hercontrole says so first: it is on the list because it was promised, its signals come after.
    const eerst = controle.selectie === 'hercontrole' && Array.isArray(controle.redenen) ? [h('li', null, String(controle.redenen[0]))] : [];
    return h('ul', { class: 'redenen' }, eerst.concat(bijdragen.map(([id, punten]) =>
      h('li', { class: Number(punten) > 0 ? null : 'reden-bijkomend' }, reden(loc.p, id)))));
  }

  function bagFacts(p) {
    const rows = [];
    if (p.gebruiksdoel) rows.push(['Gebruiksdoel', listOf(p.gebruiksdoel).join(', ')]);
    if (p.oppervlakte !== undefined && p.oppervlakte !== null) rows.push(['Oppervlakte', getal.format(p.oppervlakte) + ' m²']);
    if (p.bag_id) rows.push(['Verblijfsobject', String(p.bag_id)]);
    if (p.pand_id) rows.push(['Pand', String(p.pand_id)]);
    if (p.buurt) rows.push(['Buurt', String(p.buurt)]);
    return rows;
  }

  // KvK facts as far as the profile allows: names and numbers never in loo, even if the data held them.
  function registerFacts(p) {
    const rows = [];
    if (p.n_vestigingen !== undefined) rows.push(['Actieve vestigingen', getal.format(p.n_vestigingen)]);
    if (meta.profiel !== 'loo') {
      if (Array.isArray(p.handelsnamen) && p.handelsnamen.length) rows.push(['Handelsnamen', p.handelsnamen.join('; ')]);
      if (Array.isArray(p.kvk_nummers) && p.kvk_nummers.length) rows.push(['KvK-nummers', p.kvk_nummers.join(', ')]);
    }
    if (p.n_meldingen !== undefined) rows.push(['Meldingen', getal.format(p.n_meldingen)]);
    return rows;
  }

  // ---------- printed maps (drawn as SVG from the data: no tiles) ----------

  const merc = (latlng) => L.CRS.EPSG3857.project(latlng);
  const extents = new WeakMap();  // geometry -> [west, south, east, north]
  function geomExtent(g) {
    if (!extents.has(g)) {
      const e = [Infinity, Infinity, -Infinity, -Infinity];
      const walk = (c) => {
        if (typeof c[0] === 'number') {
          e[0] = Math.min(e[0], c[0]); e[1] = Math.min(e[1], c[1]); e[2] = Math.max(e[2], c[0]); e[3] = Math.max(e[3], c[1]);
        } else c.forEach(walk);
      };
      walk(g.coordinates);
      extents.set(g, e);
    }
    return extents.get(g);
  }
  const polygons = (g) => g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];

  // Round lengths for the scale bar, in metres.
  const SCHAALSTAPPEN = [5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10000, 20000, 50000];
  const afstand = (m) => m >= 1000 ? getal.format(m / 1000) + ' km' : getal.format(m) + ' m';

  // A w × h mm map of `bounds` (widened to fill the frame; at least 300 m), with the layers for which
  // toon(key) holds, a scale bar and a north arrow; `dag` limits the controles to that day.
  function kaartSvg(bounds, w, hgt, { toon, dag }) {
    const a = merc(bounds.getSouthWest());
    const b = merc(bounds.getNorthEast());
    const cx = (a.x + b.x) / 2;
    const cy = (a.y + b.y) / 2;
    const k = Math.min(w / Math.max(b.x - a.x, 300), hgt / Math.max(b.y - a.y, 300));  // mm per Mercator metre
    const perMetre = k / Math.cos(bounds.getCenter().lat * Math.PI / 180);  // mm per metre on the ground
    const corner = (dx, dy) => L.CRS.EPSG3857.unproject(L.point(cx + dx / k, cy + dy / k));
    const view = L.latLngBounds(corner(-w / 2, -hgt / 2), corner(w / 2, hgt / 2));
    const xy = (lon, lat) => {
      const p = merc(L.latLng(lat, lon));
      return [(p.x - cx) * k + w / 2, hgt / 2 - (p.y - cy) * k];
    };
    const inView = (f) => {
      if (!f.geometry) return false;
      const e = geomExtent(f.geometry);
      return e[0] <= view.getEast() && e[2] >= view.getWest() && e[1] <= view.getNorth() && e[3] >= view.getSouth();
    };
    const ring = (r) => r.map(([lon, lat], i) => (i ? 'L' : 'M') + xy(lon, lat).map((v) => v.toFixed(1)).join(' ')).join('') + 'Z';
    const vlakken = (list, attrs) => svg('path', Object.assign({
      d: list.filter(inView).map((f) => polygons(f.geometry).map((poly) => poly.map(ring).join('')).join('')).join('')
    }, attrs));
    const at = (latlng) => xy(latlng.lng, latlng.lat);
    const parts = [];

    if (toon('panden') && features('panden')) parts.push(vlakken(features('panden'), { fill: '#e4e3de', stroke: '#b9b9b4', 'stroke-width': 0.1 }));
    if (toon('hotspots') && features('hotspots')) {
      for (const klasse of [1, 2, 3]) {
        const cells = features('hotspots').filter((c) => Number(c.properties && c.properties.klasse) === klasse);
        parts.push(vlakken(cells, { fill: HOTSPOT_KLEUR[klasse], 'fill-opacity': 0.45, stroke: HOTSPOT_KLEUR[klasse], 'stroke-width': 0.1 }));
      }
    }
    if (toon('buurten') && features('buurten')) parts.push(vlakken(features('buurten'), { fill: 'none', stroke: '#6b6b78', 'stroke-width': 0.4, 'stroke-dasharray': '2 1.2' }));
    if (toon('gebieden') && features('gebieden')) parts.push(vlakken(features('gebieden'), { fill: GEBIED_KLEUR, 'fill-opacity': 0.07, stroke: GEBIED_KLEUR, 'stroke-width': 0.6 }));
    if (toon('straten')) {
      const items = straten.filter((st) => view.contains(st.latlng)).map((st) => { const [x, y] = at(st.latlng); return { x, y, st }; });
      parts.push(svg('g', { class: 'svg-straten', 'font-size': 2.4, 'text-anchor': 'middle', 'dominant-baseline': 'central' },
        placeNames(items, perMetre, 2.4).map(({ x, y, st }) => svg('text', {
          class: 'svg-straat', x: x.toFixed(1), y: y.toFixed(1), transform: 'rotate(' + (-Number(st.p.hoek) || 0) + ' ' + x.toFixed(1) + ' ' + y.toFixed(1) + ')'
        }, st.p.naam))));
    }
    if (toon('locaties')) {
      const shown = new Set(selection);
      parts.push(svg('g', { stroke: '#2b2b2b', 'stroke-width': 0.15 }, locaties.slice().reverse().filter((l) => shown.has(l) && inView(l.feature)).map((l) => {
        const [x, y] = xy(...l.feature.geometry.coordinates);
        return svg('circle', { cx: x.toFixed(1), cy: y.toFixed(1), r: 0.9, fill: SCORE_KLEUREN[band(Number(l.p.score) || 0)] });
      })));
    }
    if (toon('controles')) {
      for (const day of controledagen.filter((d) => !dag || d.dag === dag)) {
        const points = day.stops.map((st) => featurePoint(st.f)).filter(Boolean).map(at);
        parts.push(svg('polyline', { points: points.map((p) => p.map((v) => v.toFixed(1)).join(',')).join(' '), fill: 'none',
          stroke: dagKleur(day.dag), 'stroke-width': 0.6, 'stroke-dasharray': '0.8 1.2' }));
        day.stops.forEach((st, i) => {
          const point = featurePoint(st.f);
          if (!point) return;
          const [x, y] = at(point);
          parts.push(svg('g', { class: 'svg-stop', transform: 'translate(' + x.toFixed(1) + ' ' + y.toFixed(1) + ')' },
            svg('circle', { r: 2.3, fill: dagKleur(day.dag), stroke: '#fff', 'stroke-width': 0.4 }),
            svg('text', { 'font-size': 2.6, 'font-weight': 700, fill: '#fff', 'text-anchor': 'middle', 'dominant-baseline': 'central' },
              String(st.p.volgorde !== undefined ? st.p.volgorde : i + 1))));
        });
      }
    }

    const metres = SCHAALSTAPPEN.filter((m) => m * perMetre <= w / 5).pop() || SCHAALSTAPPEN[0];
    const len = metres * perMetre;
    const schaal = 'schaal 1 : ' + getal.format(Number((1000 / perMetre).toPrecision(2)));
    return svg('svg', { class: 'kaart-svg', width: w + 'mm', height: hgt + 'mm', viewBox: '0 0 ' + w + ' ' + hgt, role: 'img', 'aria-label': 'Kaart, ' + schaal },
      svg('rect', { width: w, height: hgt, fill: '#f7f7f4' }),
      parts,
      svg('g', { class: 'schaalbalk', transform: 'translate(4 ' + (hgt - 4) + ')', 'font-size': 2.4 },
        svg('rect', { x: -2, y: -7.5, width: len + 36, height: 10, fill: '#fff', 'fill-opacity': 0.85 }),
        svg('rect', { x: 0, y: -1.6, width: len / 2, height: 1.6, fill: '#222' }),
        svg('rect', { x: len / 2, y: -1.6, width: len / 2, height: 1.6, fill: '#fff', stroke: '#222', 'stroke-width': 0.2 }),
        svg('text', { x: 0, y: -3 }, '0'),
        svg('text', { x: len, y: -3, 'text-anchor': 'middle' }, afstand(metres)),
        svg('text', { x: len + 3, y: 0 }, schaal)),
      svg('g', { class: 'noordpijl', transform: 'translate(' + (w - 7) + ' 4)' },
        svg('circle', { cx: 0, cy: 5, r: 5.5, fill: '#fff', 'fill-opacity': 0.85 }),
        svg('path', { d: 'M0 0L3 7.5L0 6L-3 7.5Z', fill: '#222' }),
        svg('text', { x: 0, y: 10.2, 'font-size': 3, 'font-weight': 700, 'text-anchor': 'middle' }, 'N')),
      svg('rect', { width: w, height: hgt, fill: 'none', stroke: '#777', 'stroke-width': 0.3 }));
  }

  // The map's own print view (the LOO's handout): what the screen shows, with legend, scale and date.
  const PAPIER = { a4: [297, 210], a3: [420, 297] };  // landscape, mm
  const PAGINARAND = 8;  // mm, as @page kaart-* in style.css

  function buildKaartprint(formaat) {
    const [pw, ph] = PAPIER[formaat] || PAPIER.a4;
    const sheet = $('kaartprint');
    sheet.className = 'kaartprint kaartprint-' + (PAPIER[formaat] ? formaat : 'a4');
    const dag = state.dag;
    const zichtbaar = overlays.filter((o) => map.hasLayer(o.layer));
    sheet.replaceChildren(
      h('header', { class: 'druk-kop' },
        h('div', null,
          h('h2', null, dag ? 'Kaart controledag ' + dag : 'Kaart: locaties en meldingen'),
          h('p', { class: 'druk-sub' }, [['Gemeente', gemeenteTekst(locaties.map((l) => l.p))], ['Peildatum', datum(meta.peildatum)]]
            .filter(([, v]) => v).map(([k, v]) => k + ' ' + v).concat(profielTekst() || []).join(' · '))),
        h('p', { class: 'vertrouwelijk' }, 'Vertrouwelijk')),
      h('div', { class: 'kaartprint-romp' },
        kaartSvg(map.getBounds(), pw - 2 * PAGINARAND - 66, ph - 2 * PAGINARAND - 22,
          { toon: (key) => zichtbaar.some((o) => o.key === key), dag }),
        h('aside', { class: 'kaartprint-legenda' }, h('h3', null, 'Legenda'),
          zichtbaar.slice().reverse().map((o) => h('section', { class: 'laag' }, h('h4', null, o.title), o.legendNode.cloneNode(true))))));
  }

  // Prints the looplijst or the map; Ctrl+P without a choice prints the map as the screen shows it.
  function afdrukken(soort) {
    document.body.dataset.druk = soort;
    if (soort === 'kaart') buildKaartprint($('papier').value);
    window.print();
  }

  function setupPrinting() {
    $('kaart-afdrukken').addEventListener('click', () => afdrukken('kaart'));
    window.addEventListener('beforeprint', () => {
      if (document.body.dataset.druk) return;
      document.body.dataset.druk = 'kaart';
      buildKaartprint($('papier').value);
    });
    // A later Ctrl+P should not silently reprint the last looplijst.
    window.addEventListener('afterprint', () => {
      map.invalidateSize();  // the print layout hid the map
      delete document.body.dataset.druk;
      $('looplijst').replaceChildren();
      $('kaartprint').replaceChildren();
    });
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
      // Folds to its heading, so the map stays free; open from the start where the map is wide.
      const body = h('div', { id: 'lagen-inhoud', hidden: map.getSize().x < 900 },
        overlays.slice().reverse().map((o) => {
          const toggle = h('input', { type: 'checkbox', checked: true, dataset: { laag: o.key } });
          toggle.addEventListener('change', () => toggle.checked ? o.layer.addTo(map) : map.removeLayer(o.layer));
          return h('section', { class: 'laag' }, h('label', { class: 'laag-naam' }, toggle, o.title), o.legendNode);
        }));
      const fold = h('button', { type: 'button', class: 'lagen-knop', 'aria-controls': 'lagen-inhoud', 'aria-expanded': String(!body.hidden),
        on: { click: () => { body.hidden = !body.hidden; fold.setAttribute('aria-expanded', String(!body.hidden)); } } }, 'Kaartlagen en legenda');
      const box = h('div', { class: 'lagen leaflet-bar' }, h('h2', null, fold), body);
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      return box;
    }
  });

  // ---------- list, filters, sorting ----------

  const state = { zoek: '', signaal: '', gebruiksdoel: '', buurt: '', sorteer: 'rank', selected: null, dag: null };
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
      ? aantal(total, 'locatie', 'locaties')
      : getal.format(selection.length) + ' van ' + aantal(total, 'locatie', 'locaties');
    $('export-csv').disabled = selection.length === 0;
    $('lijst').replaceChildren(...selection.map((l) => {
      const id = String(l.p.bag_id);
      return h('li', { class: 'item' + (id === state.selected ? ' gekozen' : ''), dataset: { bagId: id } },
        h('button', { type: 'button', class: 'item-knop', on: { click: () => select(id, false) } },
          h('span', { class: 'rang', title: 'Rang' }, String(l.p.rank)),
          h('span', { class: 'item-tekst' },
            h('span', { class: 'item-adres' }, l.p.adres || id),
            h('span', { class: 'item-sub' }, [l.p.postcode, listOf(l.p.gebruiksdoel).join(', ')].filter(Boolean).join(' · ')),
            h('span', { class: 'chips' }, listOf(l.p.signalen).map((s) => h('span', { class: 'chip', title: signalLabel(s) }, reden(l.p, s))))),
          scoreBadge(l.p.score, 'score')));
    }));
    if (selection.length === 0) {
      $('lijst').append(h('li', { class: 'leeg' },
        total === 0 ? 'Deze uitvoer bevat geen gemarkeerde locaties.' : 'Geen locaties voldoen aan deze filters.'));
    }
  }

  // ---------- the explanation ----------

  // The part of the map no panel covers, in container pixels: right of the explanation, left of the
  // layer panel.
  function freeArea() {
    const box = $('kaart').getBoundingClientRect();
    let left = 20;
    let right = box.width - 20;
    if (!$('uitleg').hidden) left = Math.max(left, $('uitleg').getBoundingClientRect().right - box.left + 20);
    const lagen = document.querySelector('.lagen');
    if (lagen) right = Math.min(right, lagen.getBoundingClientRect().left - box.left - 20);
    // Too narrow beside the panels (a small screen): the part right of the explanation.
    if (right - left < 80) right = box.width - 20;
    return L.bounds([left, 50], [Math.max(left + 1, right), box.height - 20]);
  }

  // Shows `latlng` in the middle of the free part of the map, unless it is there already at this zoom.
  function showBeside(latlng, zoom) {
    const area = freeArea();
    if (zoom === map.getZoom() && area.contains(map.latLngToContainerPoint(latlng))) return;
    const centre = map.project(latlng, zoom).subtract(area.getCenter()).add(map.getSize().divideBy(2));
    map.setView(map.unproject(centre, zoom), zoom, { animate: false });
  }

  // Fits `bounds` into the free part of the map (the stop numbers sit up and to the right of their address).
  function fitBeside(bounds) {
    const area = freeArea();
    const size = map.getSize();
    map.fitBounds(bounds, { paddingTopLeft: [area.min.x, area.min.y + 25], paddingBottomRight: [size.x - area.max.x + 25, size.y - area.max.y], maxZoom: 18, animate: false });
  }

  // A ring around the chosen address: visible whatever the dots beneath it.
  const ring = L.marker([0, 0], { interactive: false, keyboard: false, icon: L.divIcon({ className: 'gekozen-ring', iconSize: [30, 30] }) });

  function select(bagId, fromMap) {
    const l = byBagId.get(bagId);
    if (!l) return;
    deselect();
    state.selected = bagId;
    const marker = markers.get(bagId);
    if (marker) {
      marker.setStyle(markerStyle(l, true));
      if (locatieLayer.hasLayer(marker)) marker.bringToFront();
    }
    for (const item of $('lijst').children) item.classList.toggle('gekozen', item.dataset.bagId === bagId);
    const item = [...$('lijst').children].find((li) => li.dataset.bagId === bagId);
    if (item && fromMap) item.scrollIntoView({ block: 'nearest' });
    showExplanation(l);
    if (marker) {
      ring.setLatLng(marker.getLatLng()).addTo(map);
      showBeside(marker.getLatLng(), fromMap ? map.getZoom() : Math.max(map.getZoom(), 17));
    }
  }

  function deselect() {
    const previous = state.selected && byBagId.get(state.selected);
    if (previous && markers.has(state.selected)) markers.get(state.selected).setStyle(markerStyle(previous, false));
    state.selected = null;
    ring.remove();
    for (const item of $('lijst').children) item.classList.remove('gekozen');
  }

  // Closing (× or Escape) gives the keyboard back to the list item it came from.
  function closeExplanation(focusItem) {
    if ($('uitleg').hidden) return;
    const item = state.selected && document.querySelector('#lijst li.item[data-bag-id="' + CSS.escape(state.selected) + '"] button');
    $('uitleg').hidden = true;
    deselect();
    if (item && focusItem !== false) item.focus();
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
        h('button', { type: 'button', class: 'sluit', 'aria-label': 'Toelichting sluiten (Esc)', on: { click: () => closeExplanation() } }, '×')),
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
      factTable(bagFacts(p).concat(registerFacts(p))));
    panel.hidden = false;
  }

  // ---------- CSV export ----------

  // Spreadsheet programs run cells that start with = + - @ (or tab/CR) as formulas: a leading
  // apostrophe makes them text.
  const neutralise = (text) => /^[=+\-@\t\r]/.test(text) ? "'" + text : text;
  const quote = (text) => '"' + String(text).replace(/"/g, '""') + '"';
  const cell = (value) => quote(neutralise(value === undefined || value === null ? '' : String(value)));
  // Text of digits only (a BAG id: 16 digits with leading zeros; a toevoeging) would become a number in
  // Excel and lose both, so it is written as a text formula of our own making: the only formula in the
  // file, holding digits only. The same rule as onregel's controles.csv (feature_table_excel_csv).
  const text = (value) => /^\d+$/.test(String(value)) ? quote('="' + value + '"') : cell(value);

  function exportCsv() {
    const columns = ['rang', 'score', 'bag_id', 'pand_id', 'adres', 'postcode', 'huisnummer', 'huisletter', 'toevoeging',
      'gebruiksdoel', 'oppervlakte', 'buurt', 'signalen', 'bijdragen', 'n_vestigingen', 'n_meldingen'];
    if (hasHandelsnamen) columns.push('handelsnamen');
    const lines = [columns.map(quote).join(';')];
    for (const { p } of selection) {
      const row = [cell(p.rank), cell(p.score), text(p.bag_id), text(p.pand_id), text(p.adres), text(p.postcode),
        cell(p.huisnummer), text(p.huisletter), text(p.toevoeging), text(listOf(p.gebruiksdoel).join(', ')),
        cell(p.oppervlakte), text(p.buurt), text(listOf(p.signalen).join(', ')),
        text(Object.entries(p.bijdragen || {}).map(([id, points]) => id + ': ' + points).join(', ')),
        cell(p.n_vestigingen), cell(p.n_meldingen)];
      if (hasHandelsnamen) row.push(text((p.handelsnamen || []).join('; ')));
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
    drawStraatnamen();
    drawHotspots();
    drawGebieden();
    const days = drawControledagen();
    drawLocaties();
    new LayerPanel().addTo(map);
    setupTabs();
    setupFilters();
    renderDays(days);
    renderGebieden();
    setupPrinting();
    update();
    document.addEventListener('keydown', (e) => {
      if (e.key !== 'Escape') return;
      map.closePopup();
      closeExplanation();
    });

    // Open on the drawn gebieden when there are any, else on the scored locaties; without either on
    // whatever was drawn; else on the Netherlands.
    let extent = L.latLngBounds([]);
    for (const layer of gebiedLayers) extent.extend(layer.getBounds());
    if (!extent.isValid()) extent = locatieLayer.getBounds();
    if (!extent.isValid()) {
      extent = L.latLngBounds([]);
      for (const o of overlays) extent.extend(o.layer.getBounds());
    }
    fitBeside(extent.isValid() ? extent : L.latLngBounds([[50.75, 3.3], [53.6, 7.3]]));
  }

  start();
})();
