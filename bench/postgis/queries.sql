-- The onregel benchmark in PostGIS: after ogr2ogr has loaded vbo, kvk and meldingen, the same address
-- matching, bedrijven_op_adres, kelderbox, risicobranche_cluster and meldingen_hotspot as `onregel run`.
-- psql variables: out (CSV of the hits) and, from `onregel config --default` through bench/peer_params.py,
-- risk_regex (SBI 2025 prefixes of [risicobranches] as a regex), categorie_zonder_gewicht (text[] of the
-- categories [meldingen_gewicht] weighs 0), ba_*, kb_*, rb_* and hs_* (the parameters of bedrijven_op_adres,
-- kelderbox, risicobranche_cluster and meldingen_hotspot).
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

-- The tail probabilities of engine/analysis/tail_probability.cpp, step for step: the same sums in the same
-- order, stopped by the same test, so that a p-value is the same double as onregel's. ln(n!) is passed in
-- from the table logfact (summed as onregel sums it). PostgreSQL raises an error where C gives 0 on
-- underflow, hence the guard on exp.
CREATE FUNCTION exp0(x float8) RETURNS float8 LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$ SELECT CASE WHEN x < -745.14 THEN 0 ELSE exp(x) END $$;

-- P(X >= observed), X ~ Poisson(expected).
CREATE FUNCTION poisson_upper_tail(observed bigint, expected float8, lf_observed float8) RETURNS float8
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  term float8;
  total float8 := 0;
  k bigint;
BEGIN
  IF observed <= 0 THEN RETURN 1; END IF;
  IF NOT (expected > 0) THEN RETURN 0; END IF;
  IF observed::float8 > expected THEN  -- summed upwards while the terms matter
    term := exp0(-expected + observed::float8 * ln(expected) - lf_observed);
    k := observed;
    WHILE term > 0 AND term >= total * 1e-17::float8 LOOP
      total := total + term;
      term := term * (expected / (k + 1)::float8);
      k := k + 1;
    END LOOP;
    RETURN least(1::float8, total);
  END IF;
  term := exp0(-expected);  -- below the mean: 1 minus the lower sum
  FOR j IN 0 .. observed - 1 LOOP
    total := total + term;
    term := term * (expected / (j + 1)::float8);
  END LOOP;
  RETURN greatest(0::float8, least(1::float8, 1 - total));
END $$;

-- P(X >= observed), X ~ Binomial(trials, share); log_p = ln(share), log_q = ln(1 - share) (onregel: log1p).
CREATE FUNCTION binomial_upper_tail(observed bigint, trials bigint, share float8, lf_trials float8, lf_observed float8,
                                    lf_rest float8, log_p float8, log_q float8) RETURNS float8
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  term float8;
  total float8 := 0;
BEGIN
  IF observed <= 0 THEN RETURN 1; END IF;
  IF observed > trials OR NOT (share > 0) THEN RETURN 0; END IF;
  IF share >= 1 THEN RETURN 1; END IF;
  term := exp0(lf_trials - lf_observed - lf_rest + observed::float8 * log_p + (trials - observed)::float8 * log_q);
  FOR k IN observed .. trials LOOP
    total := total + term;
    EXIT WHEN term < total * 1e-17::float8;
    term := term * ((trials - k)::float8 / (k + 1)::float8 * share / (1 - share));
  END LOOP;
  RETURN greatest(0::float8, least(1::float8, total));
END $$;

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
  SELECT id, datum, categorie, punt, number || '|' || huisletter(l, t) || '|' || toevoeging(l, t) AS exact,
         number || '|' || huisletter(l, t) || toevoeging(l, t) AS loose, number
  FROM (SELECT id, datum::date AS datum, categorie, norm_postcode(postcode) || '|' || norm_nummer(huisnummer) AS number,
               upper_alnum(huisletter) AS l, fold_toevoeging(toevoeging) AS t,
               CASE WHEN x <> '' AND y <> '' THEN ST_SetSRID(ST_MakePoint(x::float8, y::float8), 28992) END AS punt
        FROM meldingen OFFSET 0) p;
ANALYZE mld_key;
CREATE TABLE mld_m AS
  WITH by_address AS (
    SELECT m.id, m.datum, m.categorie, m.punt, coalesce(e.fid, l.fid, n.fid) AS vbo,
           CASE WHEN e.fid IS NOT NULL THEN 'adres' WHEN l.fid IS NOT NULL THEN 'letter_toevoeging'
                WHEN n.fid IS NOT NULL THEN 'enige_op_nummer' END AS route
    FROM mld_key m
    LEFT JOIN key_exact e ON e.key = m.exact
    LEFT JOIN key_loose l ON l.key = m.loose
    LEFT JOIN key_number n ON n.key = m.number)
  SELECT a.id, a.datum, a.categorie, coalesce(a.vbo, near.fid) AS vbo,
         coalesce(a.route, CASE WHEN near.fid IS NOT NULL THEN 'coordinaat' WHEN a.punt IS NOT NULL THEN 'alleen_locatie' END) AS route,
         coalesce(a.punt, v.geom) AS punt
  FROM by_address a
  -- 10 m: ReadOptions::match_radius (layers/read/inputs.hpp), a reader option, not in the config
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

-- bedrijven_op_adres: >= min_vestigingen active and < max_m2_per_vestiging m² each, or
-- >= min_vestigingen_woonfunctie on a woonfunctie-only object.
INSERT INTO hits
  SELECT v.identificatie, 'bedrijven_op_adres' FROM vbo v JOIN actief a ON a.vbo = v.fid
  WHERE (a.n >= :ba_min_vestigingen AND v.oppervlakte > 0 AND v.oppervlakte::float8 / a.n < :ba_max_m2_per_vestiging::float8)
     OR (trim(v.gebruiksdoel) = 'woonfunctie' AND a.n >= :ba_min_vestigingen_woonfunctie);

-- kelderbox: <= max_oppervlakte m², only overige gebruiksfunctie, >= min_vestigingen active vestigingen or
-- >= min_meldingen meldingen up to the peildatum.
INSERT INTO hits
  SELECT v.identificatie, 'kelderbox' FROM vbo v
  LEFT JOIN actief a ON a.vbo = v.fid
  LEFT JOIN (SELECT vbo, count(*) AS n FROM mld_m, peil WHERE vbo IS NOT NULL AND datum <= peil.d GROUP BY vbo) m ON m.vbo = v.fid
  WHERE trim(v.gebruiksdoel) = 'overige gebruiksfunctie' AND v.oppervlakte > 0 AND v.oppervlakte <= :kb_max_oppervlakte
    AND (a.n >= :kb_min_vestigingen OR m.n >= :kb_min_meldingen);

-- The two statistical signals, as engine/signals/risicobranche_cluster.cpp and meldingen_hotspot.cpp with
-- engine/analysis/hotspot_grid.cpp: excess tests with Benjamini-Hochberg over all tests. Parameters: the
-- psql variables rb_* and hs_* (bench/peer_params.py, from `onregel config --default`).

-- risicobranche_cluster. Business addresses: objects with an active vestiging that are not woonfunctie only;
-- risk addresses among them have an active vestiging in a risk branch. Each gemeente (first four digits of
-- the BAG id) has its risk share. For every risk address: the business and risk addresses within straal_m
-- (the object included; squared distance <= straal², as onregel's grid index), the binomial tail of the others
-- (risk - 1 of all - 1 at the gemeente's share), BH at fdr_q over all risk addresses, and at least
-- min_risico risk addresses and min_lq times the expected number.
CREATE TABLE rb_unit AS
  SELECT v.fid, v.geom, ST_X(v.geom) AS x, ST_Y(v.geom) AS y, left(v.identificatie, 4)::int AS g,
         bool_or(k.sbi ~ :'risk_regex') AS risk
  FROM vbo v JOIN kvk_m k ON k.vbo = v.fid, peil
  WHERE coalesce(trim(v.gebruiksdoel), '') <> 'woonfunctie'
    AND (k.aanvang IS NULL OR k.aanvang <= peil.d) AND (k.einde IS NULL OR k.einde > peil.d)
  GROUP BY v.fid;
CREATE INDEX ON rb_unit USING gist (geom);
ANALYZE rb_unit;
CREATE TABLE rb_gemeente AS
  SELECT g, share, CASE WHEN share > 0 THEN ln(share) END AS log_p,
         -- ln(1 - share) in numeric, rounded once: PostgreSQL has no log1p
         CASE WHEN share < 1 THEN ln((1 - share::text::numeric)::numeric(40, 34))::float8 END AS log_q
  FROM (SELECT g, (count(*) FILTER (WHERE risk))::float8 / count(*)::float8 AS share FROM rb_unit GROUP BY g) s;
CREATE TABLE rb_test AS
  SELECT c.fid, c.g, n.alle, n.risico FROM rb_unit c
  CROSS JOIN LATERAL (
    SELECT count(*) AS alle, count(*) FILTER (WHERE u.risk) AS risico FROM rb_unit u
    WHERE ST_DWithin(u.geom, c.geom, :rb_straal_m::float8 + 1)  -- the index's window; the next line decides
      AND (u.x - c.x) * (u.x - c.x) + (u.y - c.y) * (u.y - c.y) <= :rb_straal_m::float8 * :rb_straal_m::float8) n
  WHERE c.risk;

-- meldingen_hotspot. Cells of cel_m; the events are the meldingen up to the peildatum whose categorie
-- weighs more than 0, each counted once per source (the object it was reported at, or itself when it has
-- only a location). A cell's objects are split by gemeente (the first object's gemeente first, then the
-- others in code order); a gemeente's rate is the sum over its cells of sources x its share of the cell's
-- objects, over its objects; a cell expects its objects times their gemeenten's rates. Poisson tail of the
-- sources, BH at fdr_q over all cells with an object; hot with at least min_meldingen meldingen and
-- min_verhouding times the expected sources. Floating-point sums in onregel's order (ordered aggregates).
CREATE TABLE hs_obj AS
  SELECT fid, floor(ST_Y(geom) / :hs_cel_m::float8)::bigint AS r, floor(ST_X(geom) / :hs_cel_m::float8)::bigint AS c,
         left(identificatie, 4)::int AS g FROM vbo;
CREATE TABLE hs_share AS
  WITH first AS (SELECT DISTINCT ON (r, c) r, c, g FROM hs_obj ORDER BY r, c, fid)
  SELECT o.r, o.c, o.g, o.g = f.g AS eerste, count(*)::float8 AS n
  FROM hs_obj o JOIN first f USING (r, c) GROUP BY o.r, o.c, o.g, f.g;
CREATE TABLE hs_cel AS
  WITH ev AS (
    SELECT floor(ST_Y(punt) / :hs_cel_m::float8)::bigint AS r, floor(ST_X(punt) / :hs_cel_m::float8)::bigint AS c,
           count(*) AS meldingen, count(DISTINCT coalesce(vbo::text, 'melding ' || id)) AS bronnen
    -- an empty categorie is 'onbekend' to onregel's reader (a JSON categorie of Signalen is left out here)
    FROM mld_m, peil WHERE datum <= peil.d AND NOT (coalesce(nullif(categorie, ''), 'onbekend') = ANY (:'categorie_zonder_gewicht'::text[]))
    GROUP BY 1, 2)
  SELECT s.r, s.c, sum(s.n) AS objecten, coalesce(min(ev.meldingen), 0) AS meldingen, coalesce(min(ev.bronnen), 0) AS bronnen
  FROM hs_share s LEFT JOIN ev USING (r, c) GROUP BY s.r, s.c;
CREATE TABLE hs_rate AS
  SELECT s.g, sum(k.bronnen::float8 * s.n / k.objecten ORDER BY s.r, s.c) AS bronnen, sum(s.n) AS objecten
  FROM hs_share s JOIN hs_cel k USING (r, c) GROUP BY s.g;
CREATE TABLE hs_test AS
  SELECT k.r, k.c, k.meldingen, k.bronnen, sum(s.n * t.bronnen / t.objecten ORDER BY s.eerste DESC, s.g) AS verwacht
  FROM hs_cel k JOIN hs_share s USING (r, c) JOIN hs_rate t USING (g)
  GROUP BY k.r, k.c, k.meldingen, k.bronnen;

-- ln(n!) as onregel sums it: ln 2 + ln 3 + ... + ln n, in that order (a running sum in a window).
CREATE TABLE logfact AS
  SELECT 0 AS n, 0::float8 AS v
  UNION ALL
  SELECT n, sum(ln(n::float8)) OVER (ORDER BY n ROWS UNBOUNDED PRECEDING)
  FROM generate_series(1, greatest((SELECT max(alle) FROM rb_test), (SELECT max(bronnen) FROM hs_test), 1)::int) n;
CREATE UNIQUE INDEX ON logfact (n);

ALTER TABLE rb_test ADD COLUMN share float8, ADD COLUMN p float8;
UPDATE rb_test t SET share = gm.share,
  p = binomial_upper_tail(t.risico - 1, t.alle - 1, gm.share, (SELECT v FROM logfact WHERE n = t.alle - 1),
                          (SELECT v FROM logfact WHERE n = t.risico - 1), (SELECT v FROM logfact WHERE n = t.alle - t.risico),
                          gm.log_p, gm.log_q)
  FROM rb_gemeente gm WHERE gm.g = t.g;
ALTER TABLE hs_test ADD COLUMN p float8;
UPDATE hs_test SET p = poisson_upper_tail(bronnen, verwacht, (SELECT v FROM logfact WHERE n = bronnen));

-- Benjamini-Hochberg as engine/analysis/fdr.cpp: the largest p(k) <= k q / m, and every p up to it.
CREATE FUNCTION bh_threshold(p float8[], q float8) RETURNS float8 LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(max(v) FILTER (WHERE v <= k::float8 * q / cardinality(p)::float8), -1)
  FROM unnest(ARRAY(SELECT x FROM unnest(p) x ORDER BY x)) WITH ORDINALITY s(v, k) $$;

INSERT INTO hits
  SELECT v.identificatie, 'risicobranche_cluster' FROM rb_test t JOIN vbo v ON v.fid = t.fid
  WHERE t.p <= (SELECT bh_threshold(array_agg(p), :rb_fdr_q::float8) FROM rb_test)
    AND t.risico >= :rb_min_risico AND t.risico::float8 >= :rb_min_lq::float8 * (t.alle::float8 * t.share);

INSERT INTO hits
  SELECT v.identificatie, 'meldingen_hotspot' FROM hs_test t
  JOIN hs_obj o USING (r, c) JOIN vbo v ON v.fid = o.fid
  WHERE t.p <= (SELECT bh_threshold(array_agg(p), :hs_fdr_q::float8) FROM hs_test)
    AND t.meldingen::float8 >= :hs_min_meldingen::float8 AND t.bronnen::float8 >= :hs_min_verhouding::float8 * t.verwacht;

-- What was matched how (compared with onregel's manifest), then the hits.
\set routes :out '.routes.csv'
\o :routes
COPY (SELECT 'kvk' AS laag, route, count(*) AS n FROM kvk_m GROUP BY route
      UNION ALL SELECT 'meldingen', route, count(*) FROM mld_m GROUP BY route ORDER BY 1, 2) TO STDOUT WITH (FORMAT csv, HEADER);
\o :out
COPY (SELECT bag_id, signaal FROM hits ORDER BY signaal, bag_id) TO STDOUT WITH (FORMAT csv, HEADER);
\o
