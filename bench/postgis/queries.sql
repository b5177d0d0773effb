-- The onregel benchmark in PostGIS: after ogr2ogr has loaded vbo, kvk and meldingen, the same address
-- matching, bedrijven_op_adres, kelderbox, risk-branch DBSCAN and grid Gi* as `onregel run`.
-- psql variables: risk_regex (SBI prefixes of [risicobranches] as a regex), out (CSV of the hits).
-- Defaults of engine/signals/*.cpp; keep them in step when those change.
\set ON_ERROR_STOP on
\timing on

-- Address normalisation, as layers/address.cpp: upper-case letters and digits only, BAG's spelling of
-- the words people add, floor words after a numeric toevoeging dropped, leading zeros dropped. Each
-- function is one expression, so the planner inlines it.
CREATE FUNCTION upper_alnum(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$ SELECT upper(regexp_replace(coalesce(t, ''), '[^0-9A-Za-z]', '', 'g')) $$;

CREATE FUNCTION fold_toevoeging(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE upper_alnum(t) WHEN 'BIS' THEN 'BIS' WHEN 'HS' THEN 'H' WHEN 'HUIS' THEN 'H' WHEN 'BG' THEN 'BG'
           WHEN 'ROOD' THEN 'ROOD' WHEN 'ZW' THEN 'ZW' WHEN 'I' THEN '1' WHEN 'II' THEN '2' WHEN 'III' THEN '3'
           WHEN 'IV' THEN '4'
           ELSE regexp_replace(regexp_replace(upper_alnum(t), '^([0-9]+)(EETAGE|ETAGE|HOOG|HG|E|STE)$', '\1'), '^0+(?=[0-9])', '')
         END $$;

CREATE FUNCTION norm_postcode(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT substring(upper(regexp_replace(coalesce(t, ''), '[[:space:]\-\u00a0]', '', 'g')) FROM '^[1-9][0-9]{3}[A-Z]{2}$') $$;

CREATE FUNCTION norm_nummer(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT nullif(ltrim(substring(t FROM '^[[:space:]]*([0-9]{1,5})'), '0'), '') $$;

-- The column repairs of parse_huisnummer, on upper_alnum(letter) and fold_toevoeging(toevoeging): a number
-- in the letter column and a letter in the toevoeging column are swapped; a longer "letter" is a toevoeging.
CREATE FUNCTION swapped(l text, t text) RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$ SELECT l <> '' AND l !~ '^[A-Z]' AND t ~ '^[A-Z]$' $$;
CREATE FUNCTION letter1(l text, t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$ SELECT CASE WHEN swapped(l, t) THEN t ELSE l END $$;
CREATE FUNCTION not_letter(l text) RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$ SELECT length(l) > 1 OR l ~ '^[^A-Z]' $$;
CREATE FUNCTION huisletter(l text, t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$ SELECT CASE WHEN not_letter(letter1(l, t)) THEN '' ELSE letter1(l, t) END $$;
CREATE FUNCTION toevoeging(l text, t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN not_letter(letter1(l, t)) AND (CASE WHEN swapped(l, t) THEN fold_toevoeging(l) ELSE t END) = ''
              THEN fold_toevoeging(letter1(l, t)) WHEN swapped(l, t) THEN fold_toevoeging(l) ELSE t END $$;

-- The erfc of Numerical Recipes (fractional error < 1.2e-7): PostgreSQL 15 has no erf.
CREATE FUNCTION two_sided_p(z float8) RETURNS float8 LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT t * exp(-x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 +
         t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))))
  FROM (SELECT abs(z) / sqrt(2.0) AS x) a, LATERAL (SELECT 1.0 / (1.0 + 0.5 * x) AS t) b $$;

-- ogr2ogr leaves the planner without statistics; every table below is analysed once it is built.
ANALYZE vbo;
ANALYZE kvk;
ANALYZE meldingen;

-- BAG: ids, and the three address keys of every row (exact: letter and toevoeging apart; loose: glued;
-- number: neither), in two passes: normalised parts (OFFSET 0 keeps the planner from inlining them into every
-- use), then keys. A key decides only when it names one object.
CREATE INDEX ON vbo (identificatie);
CREATE TABLE vbo_key AS
  SELECT fid, pc || '|' || nr AS number, huisletter(l, t) AS letter, toevoeging(l, t) AS toev
  FROM (SELECT fid, norm_postcode(postcode) AS pc, norm_nummer(huisnummer::text) AS nr, upper_alnum(huisletter) AS l,
               fold_toevoeging(toevoeging) AS t FROM vbo OFFSET 0) p
  WHERE pc IS NOT NULL AND nr IS NOT NULL;
CREATE TABLE key_exact AS SELECT number || '|' || letter || '|' || toev AS key, min(fid) AS fid FROM vbo_key
  GROUP BY 1 HAVING min(fid) = max(fid);
CREATE TABLE key_loose AS SELECT number || '|' || letter || toev AS key, min(fid) AS fid FROM vbo_key
  GROUP BY 1 HAVING min(fid) = max(fid);
CREATE TABLE key_number AS SELECT number AS key, min(fid) AS fid FROM vbo_key GROUP BY 1 HAVING min(fid) = max(fid);
ANALYZE key_exact;
ANALYZE key_loose;
ANALYZE key_number;

-- Routes of layers/address_index.hpp: bag_id, adres, letter_toevoeging, enige_op_nummer (no nevenadressen
-- in bag-light), and for meldingen the nearest object within 10 m (ties: lowest fid).
CREATE TABLE kvk_key AS
  SELECT vestigingsnummer, sbi, aanvang, einde, bag_id, number || '|' || huisletter(l, t) || '|' || toevoeging(l, t) AS exact,
         number || '|' || huisletter(l, t) || toevoeging(l, t) AS loose, number
  FROM (SELECT vestigingsnummer, sbihoofdactiviteit AS sbi, to_date(nullif(datumaanvang, ''), 'YYYYMMDD') AS aanvang,
               to_date(nullif(datumeinde, ''), 'YYYYMMDD') AS einde, addresseerbaarobjectid AS bag_id,
               norm_postcode(postcode) || '|' || norm_nummer(huisnummer) AS number, upper_alnum(huisletter) AS l,
               fold_toevoeging(huisnummertoevoeging) AS t FROM kvk OFFSET 0) p;
ANALYZE kvk_key;
CREATE TABLE kvk_m AS
  SELECT k.vestigingsnummer, k.sbi, k.aanvang, k.einde, coalesce(b.fid, e.fid, l.fid, n.fid) AS vbo,
         CASE WHEN b.fid IS NOT NULL THEN 'bag_id' WHEN e.fid IS NOT NULL THEN 'adres'
              WHEN l.fid IS NOT NULL THEN 'letter_toevoeging' WHEN n.fid IS NOT NULL THEN 'enige_op_nummer' END AS route
  FROM kvk_key k
  LEFT JOIN vbo b ON b.identificatie = k.bag_id
  LEFT JOIN key_exact e ON e.key = k.exact
  LEFT JOIN key_loose l ON l.key = k.loose
  LEFT JOIN key_number n ON n.key = k.number;
DELETE FROM kvk_m WHERE vbo IS NULL;  -- onregel rejects these rows

CREATE TABLE mld_key AS
  SELECT id, datum, punt, number || '|' || huisletter(l, t) || '|' || toevoeging(l, t) AS exact,
         number || '|' || huisletter(l, t) || toevoeging(l, t) AS loose, number
  FROM (SELECT id, datum::date AS datum, norm_postcode(postcode) || '|' || norm_nummer(huisnummer) AS number,
               upper_alnum(huisletter) AS l, fold_toevoeging(toevoeging) AS t,
               CASE WHEN x <> '' AND y <> '' THEN ST_SetSRID(ST_MakePoint(x::float8, y::float8), 28992) END AS punt
        FROM meldingen OFFSET 0) p;
ANALYZE mld_key;
CREATE TABLE mld_m AS
  WITH by_address AS (
    SELECT m.id, m.datum, m.punt, coalesce(e.fid, l.fid, n.fid) AS vbo,
           CASE WHEN e.fid IS NOT NULL THEN 'adres' WHEN l.fid IS NOT NULL THEN 'letter_toevoeging'
                WHEN n.fid IS NOT NULL THEN 'enige_op_nummer' END AS route
    FROM mld_key m
    LEFT JOIN key_exact e ON e.key = m.exact
    LEFT JOIN key_loose l ON l.key = m.loose
    LEFT JOIN key_number n ON n.key = m.number)
  SELECT a.id, a.datum, coalesce(a.vbo, near.fid) AS vbo,
         coalesce(a.route, CASE WHEN near.fid IS NOT NULL THEN 'coordinaat' WHEN a.punt IS NOT NULL THEN 'alleen_locatie' END) AS route,
         coalesce(a.punt, v.geom) AS punt
  FROM by_address a
  LEFT JOIN LATERAL (SELECT o.fid FROM vbo o WHERE a.vbo IS NULL AND a.punt IS NOT NULL AND ST_DWithin(o.geom, a.punt, 10)
                     ORDER BY o.geom <-> a.punt, o.fid LIMIT 1) near ON true
  LEFT JOIN vbo v ON v.fid = a.vbo;
DELETE FROM mld_m WHERE route IS NULL;  -- no location at all: onregel rejects these rows
ANALYZE kvk_m;
ANALYZE mld_m;

-- Peildatum: the latest date in the KvK rows and meldingen that were used.
CREATE TABLE peil AS SELECT greatest((SELECT max(aanvang) FROM kvk_m), (SELECT max(einde) FROM kvk_m),
                                      (SELECT max(datum) FROM mld_m)) AS d;

CREATE TABLE actief AS
  SELECT vbo, count(*) AS n FROM kvk_m, peil
  WHERE (aanvang IS NULL OR aanvang <= peil.d) AND (einde IS NULL OR einde > peil.d) GROUP BY vbo;
ANALYZE actief;

CREATE TABLE hits (bag_id text, signaal text);

-- bedrijven_op_adres: >= 5 active and < 20 m² each, or >= 3 on a woonfunctie-only object.
INSERT INTO hits
  SELECT v.identificatie, 'bedrijven_op_adres' FROM vbo v JOIN actief a ON a.vbo = v.fid
  WHERE (a.n >= 5 AND v.oppervlakte > 0 AND v.oppervlakte::float8 / a.n < 20)
     OR (trim(v.gebruiksdoel) = 'woonfunctie' AND a.n >= 3);

-- kelderbox: <= 25 m², only overige gebruiksfunctie, >= 1 active vestiging or >= 1 melding up to the peildatum.
INSERT INTO hits
  SELECT v.identificatie, 'kelderbox' FROM vbo v
  LEFT JOIN actief a ON a.vbo = v.fid
  LEFT JOIN (SELECT vbo, count(*) AS n FROM mld_m, peil WHERE vbo IS NOT NULL AND datum <= peil.d GROUP BY vbo) m ON m.vbo = v.fid
  WHERE trim(v.gebruiksdoel) = 'overige gebruiksfunctie' AND v.oppervlakte > 0 AND v.oppervlakte <= 25
    AND (a.n >= 1 OR m.n >= 1);

-- risicobranche_cluster: DBSCAN (eps 75 m, min 4 including itself) over objects with an active
-- risk-branch vestiging; an object is flagged when it belongs to any cluster.
INSERT INTO hits
  SELECT identificatie, 'risicobranche_cluster' FROM (
    SELECT v.identificatie, ST_ClusterDBSCAN(v.geom, 75, 4) OVER (ORDER BY v.fid) AS cluster
    FROM vbo v WHERE v.fid IN (SELECT k.vbo FROM kvk_m k, peil WHERE k.sbi ~ :'risk_regex'
                               AND (k.aanvang IS NULL OR k.aanvang <= peil.d) AND (k.einde IS NULL OR k.einde > peil.d))) c
  WHERE cluster IS NOT NULL;

-- meldingen_hotspot: 100 m cells holding an object or a melding, Gi* with a 300 m binary band (self
-- included), Benjamini-Hochberg at 0.10 / 0.05 / 0.01; objects in cells of class >= 1.
CREATE TABLE cel AS
  WITH keys AS (
    SELECT floor(ST_X(geom) / 100)::bigint AS c, floor(ST_Y(geom) / 100)::bigint AS r, 0 AS n FROM vbo
    UNION ALL
    SELECT floor(ST_X(punt) / 100)::bigint, floor(ST_Y(punt) / 100)::bigint, 1 FROM mld_m, peil WHERE datum <= peil.d)
  SELECT c, r, sum(n)::float8 AS n, ST_SetSRID(ST_MakePoint((c + 0.5) * 100, (r + 0.5) * 100), 28992) AS centre
  FROM keys GROUP BY c, r;
CREATE INDEX ON cel USING gist (centre);
ANALYZE cel;
CREATE TABLE gi AS
  WITH stats AS (SELECT count(*)::float8 AS cells, avg(n) AS mean, var_pop(n) AS s2 FROM cel),
  band AS (SELECT a.c, a.r, sum(b.n) AS som, count(*)::float8 AS w FROM cel a JOIN cel b ON ST_DWithin(a.centre, b.centre, 300)
           GROUP BY a.c, a.r)
  SELECT band.c, band.r,
         CASE WHEN s2 > 0 AND w < cells THEN (som - mean * w) / sqrt(s2 * w * (cells - w) / (cells - 1)) ELSE 0 END AS z
  FROM band, stats;
ALTER TABLE gi ADD COLUMN p float8;
UPDATE gi SET p = two_sided_p(z);
CREATE TABLE bh AS
  WITH ranked AS (SELECT p, row_number() OVER (ORDER BY p) AS k, count(*) OVER () AS m FROM gi)
  SELECT coalesce(max(p) FILTER (WHERE p <= k * 0.10 / m), -1) AS t1, coalesce(max(p) FILTER (WHERE p <= k * 0.05 / m), -1) AS t2,
         coalesce(max(p) FILTER (WHERE p <= k * 0.01 / m), -1) AS t3 FROM ranked;
INSERT INTO hits
  SELECT v.identificatie, 'meldingen_hotspot' FROM vbo v
  JOIN gi ON gi.c = floor(ST_X(v.geom) / 100)::bigint AND gi.r = floor(ST_Y(v.geom) / 100)::bigint, bh
  WHERE gi.z > 0 AND gi.p <= bh.t1;

-- What was matched how (compared with onregel's manifest), then the hits.
\set routes :out '.routes.csv'
\o :routes
COPY (SELECT 'kvk' AS laag, route, count(*) AS n FROM kvk_m GROUP BY route
      UNION ALL SELECT 'meldingen', route, count(*) FROM mld_m GROUP BY route ORDER BY 1, 2) TO STDOUT WITH (FORMAT csv, HEADER);
\o :out
COPY (SELECT bag_id, signaal FROM hits ORDER BY signaal, bag_id) TO STDOUT WITH (FORMAT csv, HEADER);
\o
