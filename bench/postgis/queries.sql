-- The onregel benchmark in PostGIS: after ogr2ogr has loaded vbo, kvk and meldingen, the same address
-- matching, bedrijven_op_adres, kelderbox, risk-branch DBSCAN and grid Gi* as `onregel run`.
-- psql variables: risk_regex (SBI prefixes of [risicobranches] as a regex), out (CSV of the hits).
-- Defaults of engine/signals/*.cpp; keep them in step when those change.
\set ON_ERROR_STOP on
\timing on

-- Address normalisation, as layers/address.cpp: upper-case letters and digits only, BAG's spelling of
-- the words people add, floor words after a numeric toevoeging dropped, leading zeros dropped.
CREATE FUNCTION upper_alnum(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$ SELECT upper(regexp_replace(coalesce(t, ''), '[^0-9A-Za-z]', '', 'g')) $$;

CREATE FUNCTION fold_toevoeging(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE u WHEN 'BIS' THEN 'BIS' WHEN 'HS' THEN 'H' WHEN 'HUIS' THEN 'H' WHEN 'BG' THEN 'BG'
                WHEN 'ROOD' THEN 'ROOD' WHEN 'ZW' THEN 'ZW' WHEN 'I' THEN '1' WHEN 'II' THEN '2'
                WHEN 'III' THEN '3' WHEN 'IV' THEN '4'
         ELSE regexp_replace(regexp_replace(u, '^([0-9]+)(EETAGE|ETAGE|HOOG|HG|E|STE)$', '\1'), '^0+(?=[0-9])', '')
         END
  FROM (SELECT upper_alnum(t) AS u) s $$;

CREATE FUNCTION norm_postcode(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN p ~ '^[1-9][0-9]{3}[A-Z]{2}$' THEN p END
  FROM (SELECT upper(regexp_replace(coalesce(t, ''), '[[:space:]\-\u00a0]', '', 'g')) AS p) s $$;

-- Exact key postcode|nummer|letter|toevoeging, with the column repairs of parse_huisnummer: a number in
-- the letter column and a letter in the toevoeging column are swapped; a longer "letter" is a toevoeging.
CREATE FUNCTION address_key(postcode text, nummer text, letter text, toevoeging text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT pc || '|' || nr || '|' || l2 || '|' || t2
  FROM (SELECT norm_postcode(postcode) AS pc, ltrim((regexp_match(nummer, '^[[:space:]]*([0-9]{1,5})'))[1], '0') AS nr,
               upper_alnum(letter) AS l0, fold_toevoeging(toevoeging) AS t0) a,
  LATERAL (SELECT CASE WHEN l0 <> '' AND l0 !~ '^[A-Z]' AND t0 ~ '^[A-Z]$' THEN t0 ELSE l0 END AS l1,
                  CASE WHEN l0 <> '' AND l0 !~ '^[A-Z]' AND t0 ~ '^[A-Z]$' THEN fold_toevoeging(l0) ELSE t0 END AS t1) b,
  LATERAL (SELECT CASE WHEN length(l1) > 1 OR l1 ~ '^[^A-Z]' THEN '' ELSE l1 END AS l2,
                  CASE WHEN (length(l1) > 1 OR l1 ~ '^[^A-Z]') AND t1 = '' THEN fold_toevoeging(l1) ELSE t1 END AS t2) c
  WHERE pc IS NOT NULL AND nr <> '' $$;

-- The erfc of Numerical Recipes (fractional error < 1.2e-7): PostgreSQL 15 has no erf.
CREATE FUNCTION two_sided_p(z float8) RETURNS float8 LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT t * exp(-x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 +
         t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))))
  FROM (SELECT abs(z) / sqrt(2.0) AS x) a, LATERAL (SELECT 1.0 / (1.0 + 0.5 * x) AS t) b $$;

-- BAG: ids and the three address keys; a key decides only when it names one object.
CREATE INDEX ON vbo (identificatie);
CREATE TABLE vbo_key AS
  SELECT fid, address_key(postcode, huisnummer::text, huisletter, toevoeging) AS exact FROM vbo;
CREATE TABLE key_exact AS SELECT exact AS key, min(fid) AS fid FROM vbo_key WHERE exact IS NOT NULL
  GROUP BY exact HAVING min(fid) = max(fid);
CREATE TABLE key_loose AS SELECT split_part(exact, '|', 1) || '|' || split_part(exact, '|', 2) || '|' ||
  split_part(exact, '|', 3) || split_part(exact, '|', 4) AS key, min(fid) AS fid FROM vbo_key WHERE exact IS NOT NULL
  GROUP BY 1 HAVING min(fid) = max(fid);
CREATE TABLE key_number AS SELECT split_part(exact, '|', 1) || '|' || split_part(exact, '|', 2) AS key, min(fid) AS fid
  FROM vbo_key WHERE exact IS NOT NULL GROUP BY 1 HAVING min(fid) = max(fid);
CREATE UNIQUE INDEX ON key_exact (key);
CREATE UNIQUE INDEX ON key_loose (key);
CREATE UNIQUE INDEX ON key_number (key);

-- Routes of layers/address_index.hpp: bag_id, adres, letter_toevoeging, enige_op_nummer (no nevenadressen
-- in bag-light), and for meldingen the nearest object within 10 m.
CREATE TABLE kvk_m AS
  SELECT k.vestigingsnummer, k.sbihoofdactiviteit AS sbi, to_date(nullif(k.datumaanvang, ''), 'YYYYMMDD') AS aanvang,
         to_date(nullif(k.datumeinde, ''), 'YYYYMMDD') AS einde,
         coalesce(b.fid, e.fid, l.fid, n.fid) AS vbo,
         CASE WHEN b.fid IS NOT NULL THEN 'bag_id' WHEN e.fid IS NOT NULL THEN 'adres'
              WHEN l.fid IS NOT NULL THEN 'letter_toevoeging' WHEN n.fid IS NOT NULL THEN 'enige_op_nummer' END AS route
  FROM (SELECT *, address_key(postcode, huisnummer, huisletter, huisnummertoevoeging) AS exact FROM kvk) k
  LEFT JOIN vbo b ON b.identificatie = k.addresseerbaarobjectid
  LEFT JOIN key_exact e ON b.fid IS NULL AND e.key = k.exact
  LEFT JOIN key_loose l ON b.fid IS NULL AND e.fid IS NULL
                          AND l.key = split_part(k.exact, '|', 1) || '|' || split_part(k.exact, '|', 2) || '|' ||
                                      split_part(k.exact, '|', 3) || split_part(k.exact, '|', 4)
  LEFT JOIN key_number n ON b.fid IS NULL AND e.fid IS NULL AND l.fid IS NULL
                          AND n.key = split_part(k.exact, '|', 1) || '|' || split_part(k.exact, '|', 2);
DELETE FROM kvk_m WHERE vbo IS NULL;  -- onregel rejects these rows

CREATE TABLE mld_m AS
  WITH m AS (
    SELECT id, datum::date AS datum, address_key(postcode, huisnummer, huisletter, toevoeging) AS exact,
           CASE WHEN x <> '' AND y <> '' THEN ST_SetSRID(ST_MakePoint(x::float8, y::float8), 28992) END AS punt
    FROM meldingen),
  by_address AS (
    SELECT m.*, coalesce(e.fid, l.fid, n.fid) AS vbo,
           CASE WHEN e.fid IS NOT NULL THEN 'adres' WHEN l.fid IS NOT NULL THEN 'letter_toevoeging'
                WHEN n.fid IS NOT NULL THEN 'enige_op_nummer' END AS route
    FROM m
    LEFT JOIN key_exact e ON e.key = m.exact
    LEFT JOIN key_loose l ON e.fid IS NULL AND l.key = split_part(m.exact, '|', 1) || '|' || split_part(m.exact, '|', 2)
                             || '|' || split_part(m.exact, '|', 3) || split_part(m.exact, '|', 4)
    LEFT JOIN key_number n ON e.fid IS NULL AND l.fid IS NULL
                             AND n.key = split_part(m.exact, '|', 1) || '|' || split_part(m.exact, '|', 2))
  SELECT a.id, a.datum, coalesce(a.vbo, near.fid) AS vbo,
         coalesce(a.route, CASE WHEN near.fid IS NOT NULL THEN 'coordinaat' WHEN a.punt IS NOT NULL THEN 'alleen_locatie' END) AS route,
         coalesce(a.punt, v.geom) AS punt
  FROM by_address a
  LEFT JOIN LATERAL (SELECT o.fid FROM vbo o WHERE a.vbo IS NULL AND a.punt IS NOT NULL AND ST_DWithin(o.geom, a.punt, 10)
                     ORDER BY o.geom <-> a.punt, o.fid LIMIT 1) near ON true
  LEFT JOIN vbo v ON v.fid = a.vbo;
DELETE FROM mld_m WHERE route IS NULL;  -- no location at all: onregel rejects these rows

-- Peildatum: the latest date in the KvK rows and meldingen that were used.
CREATE TABLE peil AS SELECT greatest((SELECT max(aanvang) FROM kvk_m), (SELECT max(einde) FROM kvk_m),
                                      (SELECT max(datum) FROM mld_m)) AS d;

CREATE TABLE actief AS
  SELECT vbo, count(*) AS n FROM kvk_m, peil
  WHERE (aanvang IS NULL OR aanvang <= peil.d) AND (einde IS NULL OR einde > peil.d) GROUP BY vbo;

CREATE TABLE hits (bag_id text, signaal text);

-- bedrijven_op_adres: >= 5 active and < 20 m² each, or >= 3 on a woonfunctie-only object.
INSERT INTO hits
  SELECT v.identificatie, 'bedrijven_op_adres' FROM vbo v JOIN actief a ON a.vbo = v.fid
  WHERE (a.n >= 5 AND v.oppervlakte > 0 AND v.oppervlakte::float8 / a.n < 20)
     OR (trim(v.gebruiksdoel) = 'woonfunctie' AND a.n >= 3);

-- kelderbox: <= 25 m², only overige gebruiksfunctie, >= 1 active vestiging or >= 1 melding up to the peildatum.
INSERT INTO hits
  SELECT v.identificatie, 'kelderbox' FROM vbo v
  WHERE trim(v.gebruiksdoel) = 'overige gebruiksfunctie' AND v.oppervlakte > 0 AND v.oppervlakte <= 25
    AND (EXISTS (SELECT 1 FROM actief a WHERE a.vbo = v.fid)
         OR EXISTS (SELECT 1 FROM mld_m m, peil WHERE m.vbo = v.fid AND m.datum <= peil.d));

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
SELECT 'kvk' AS laag, route, count(*) FROM kvk_m GROUP BY route
UNION ALL SELECT 'meldingen', route, count(*) FROM mld_m GROUP BY route ORDER BY 1, 2;
\copy (SELECT bag_id, signaal FROM hits ORDER BY signaal, bag_id) TO :'out' WITH (FORMAT csv, HEADER)
