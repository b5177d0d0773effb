// A small hand-made town (handhaving profile, every layer present) whose texts try to break out of
// the page: markup and script in addresses and area names, formulas in trade names. Deterministic.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { outDir, scratchDir } = require('./harness.js');

const LON = 6.1395;
const LAT = 52.0125;
const DX = 0.00030;  // ~20 m east-west
const DY = 0.00018;  // ~20 m north-south

const HOSTILE_ADRES = 'Kerkstraat 1 </script><img src=x onerror="window.__xss=1">';
const HOSTILE_HANDELSNAAM = '=HYPERLINK("http://example.invalid","klik")';
const HOSTILE_GEBIED = 'Terrein <img src=x onerror="window.__xss=2"> Oost';

function rect(lon, lat, w, hgt) {
  return { type: 'Polygon', coordinates: [[[lon, lat], [lon + w, lat], [lon + w, lat + hgt], [lon, lat + hgt], [lon, lat]]] };
}

// As `onregel run --viewer-max` writes it: the viewer holds the top `viewerMax` locaties of a ranking
// of `locatiesTotaal` (by default: of as many as the town has).
function fixtureLayers({ viewerMax = Infinity, locatiesTotaal } = {}) {
  const panden = [];
  const locaties = [];
  const streets = ['Kerkstraat', 'Molenstraat', 'Boekholtstraat', 'Koepoortstraat'];
  const signals = ['kelderbox', 'bedrijven_op_adres', 'meldingen', 'woonadres_bedrijvigheid', 'verloop'];
  const bewijs = {
    kelderbox: '18 m², alleen overige gebruiksfunctie; 2 actieve vestigingen',
    bedrijven_op_adres: '6 actieve vestigingen op 42 m² (7 m² per vestiging)',
    meldingen: '4 meldingen (2024: 3 overlast, 2025: 1 afval) <b>niet vet</b>',
    woonadres_bedrijvigheid: 'woonfunctie met autoreparatie (SBI 45201)',
    verloop: '5 vestigingen begonnen of gestopt binnen 24 maanden',
    integrale_bonus: 'signalen uit 2 extra domeinen'
  };
  let n = 0;
  for (let row = 0; row < 6; ++row) {
    for (let col = 0; col < 8; ++col) {
      const lon = LON + col * DX;
      const lat = LAT + row * DY;
      const pandId = '0221100000' + String(100000 + n).slice(1).padStart(6, '0');
      panden.push({ type: 'Feature', geometry: rect(lon, lat, DX * 0.8, DY * 0.75), properties: { identificatie: pandId } });
      if ((row * 8 + col) % 3 === 0) {
        const k = locaties.length;
        const own = [signals[k % 5], signals[(k + 2) % 5]].filter((s, i, a) => a.indexOf(s) === i);
        const bijdragen = {};
        own.forEach((s, i) => { bijdragen[s] = 10 * (1 + ((k + i) % 3)); });
        if (k % 4 === 0) bijdragen.integrale_bonus = 5;
        const score = Object.values(bijdragen).reduce((a, b) => a + b, 0);
        const huisnummer = 1 + 2 * col + row;
        const street = streets[row % streets.length];
        locaties.push({
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [+(lon + DX * 0.4).toFixed(6), +(lat + DY * 0.35).toFixed(6)] },
          properties: {
            score,
            bag_id: '02210100000' + String(10000 + k).slice(1).padStart(5, '0'),
            pand_id: pandId,
            adres: k === 0 ? HOSTILE_ADRES : street + ' ' + huisnummer + (k % 5 === 2 ? 'a' : ''),
            postcode: '6981' + ['AB', 'AC', 'BD', 'CE'][row % 4],
            huisnummer,
            huisletter: k % 5 === 2 ? 'a' : '',
            toevoeging: '',
            gebruiksdoel: k % 3 === 0 ? 'overige gebruiksfunctie' : k % 3 === 1 ? 'woonfunctie' : 'winkelfunctie,woonfunctie',
            oppervlakte: 15 + 9 * k,
            signalen: own,
            bijdragen,
            bewijs: Object.fromEntries(Object.keys(bijdragen).map((s) => [s, bewijs[s]])),
            n_vestigingen: 1 + (k % 4),
            n_meldingen: k % 5,
            buurt: row < 3 ? 'Binnenstad' : 'Beinum',
            handelsnamen: k === 0 ? [HOSTILE_HANDELSNAAM, '@SUM(1+1)'] : ['Bedrijf ' + k + ' B.V.']
          }
        });
      }
      ++n;
    }
  }
  locaties.sort((a, b) => (b.properties.score - a.properties.score) || (a.properties.bag_id < b.properties.bag_id ? -1 : 1));
  locaties.forEach((f, i) => { f.properties = { rank: i + 1, ...f.properties }; });

  const hotspots = [];
  const klassen = [3, 2, 1, 0, 0, 1];
  klassen.forEach((klasse, i) => {
    hotspots.push({
      type: 'Feature',
      geometry: rect(LON + (i % 3) * 4 * DX, LAT + Math.floor(i / 3) * 3 * DY, 4 * DX, 3 * DY),
      properties: { klasse, trend: ['stijgend', 'dalend', 'geen'][i % 3], n_meldingen: 12 - i, plekken: 10 - i, adressen: 40,
        verwacht: 1.5, verhouding: (10 - i) / 1.5, p: 0.002 * (i + 1) }
    });
  });

  const controles = locaties.slice(0, 8).map((f, i) => ({
    type: 'Feature',
    geometry: f.geometry,
    properties: {
      controledag: 1 + (i % 2), volgorde: 1 + Math.floor(i / 2), rank: f.properties.rank,
      bag_id: f.properties.bag_id, adres: f.properties.adres, redenen: f.properties.signalen.map((s) => f.properties.bewijs[s])
    }
  }));

  const buurten = [
    { type: 'Feature', geometry: rect(LON - DX, LAT - DY, 10 * DX, 3.5 * DY), properties: { buurtcode: 'BU02210001', buurtnaam: 'Binnenstad' } },
    { type: 'Feature', geometry: rect(LON - DX, LAT + 2.5 * DY, 10 * DX, 4.5 * DY), properties: { buurtcode: 'BU02210002', buurtnaam: 'Beinum' } }
  ];

  // As `onregel gebied` writes gebieden.geojson: a MultiPolygon with key figures beside the gemeente.
  const kengetal = (id, naam, eenheid, gebied, gemeente) => ({ id, naam, eenheid, gebied, gemeente, definitie: 'Definitie van ' + naam });
  const gebieden = [{
    type: 'Feature',
    geometry: { type: 'MultiPolygon', coordinates: [rect(LON - 0.5 * DX, LAT - 0.5 * DY, 9 * DX, 7 * DY).coordinates] },
    properties: {
      naam: HOSTILE_GEBIED, xlsx: 'Terrein_img_src_x_onerror_window_xss_2_Oost.xlsx', csv: 'Terrein_img_src_x_onerror_window_xss_2_Oost.csv',
      objecten: 1234, vestigingen: 7, objecten_met_signaal: 3, meldingen_trend: 'geen', signalen: { kelderbox: 2 },
      kengetallen: [kengetal('objecten', 'Verblijfsobjecten', 'aantal', 1234, 4800), kengetal('risicobranche', 'Risicobranches', 'aandeel', 0.5, 0.125),
        kengetal('bouwjaar', 'Gemiddeld bouwjaar', 'jaar', 1987.666667, 1975), kengetal('leegstand', 'Leegstand (indicatie)', 'aandeel', null, 0.2)]
    }
  }];

  const collection = (list) => ({ type: 'FeatureCollection', features: list });
  return [
    ['meta', {
      profiel: 'handhaving', locaties_totaal: locatiesTotaal === undefined ? locaties.length : locatiesTotaal,
      signalen: { kelderbox: 'Kelder- of garagebox met bedrijvigheid' }
    }],
    ['panden', collection(panden)],
    ['buurten', collection(buurten)],
    ['hotspots', collection(hotspots)],
    ['gebieden', collection(gebieden)],
    ['controles', collection(controles)],
    ['locaties', collection(locaties.slice(0, viewerMax))]
  ];
}

// The same shape as layers/viewer_export.cpp writes: `<` escaped so no `</script>` survives.
function dataScript(layers) {
  const body = layers.map(([name, value]) => JSON.stringify(name) + ': ' + JSON.stringify(value).replace(/</g, '\\u003c'));
  return 'window.ONREGEL_DATA = {' + body.join(',\n') + '};\n';
}

// A copy of the exported viewer of the real run with its data.js replaced by `layers`.
function viewerWith(name, layers) {
  const dir = path.join(scratchDir(), name, 'viewer');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.cpSync(path.join(outDir(), 'viewer'), dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'data.js'), dataScript(layers));
  return dir;
}

module.exports = { fixtureLayers, dataScript, viewerWith, HOSTILE_ADRES, HOSTILE_HANDELSNAAM, HOSTILE_GEBIED };
