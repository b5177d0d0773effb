#!/usr/bin/python3
"""The onregel benchmark in GeoPandas (Debian's python3-geopandas, fiona reader): the same address
matching, bedrijven_op_adres, kelderbox, risicobranche_cluster and meldingen_hotspot as `onregel run`.

usage: run.py BAG_GPKG KVK_CSV MELDINGEN_CSV PARAMS_JSON OUT_CSV
PARAMS_JSON: `onregel config --default | bench/peer_params.py json` (risk branches, categories that weigh 0,
the parameters of the four signals). Writes bag_id,signaal rows to OUT_CSV and the match routes as JSON on
stdout.
"""
import json
import sys

import geopandas as gpd
import numpy as np
import pandas as pd
from scipy.spatial import cKDTree
from scipy.stats import binom, poisson

bag_path, kvk_path, meldingen_path, params_path, out_path = sys.argv[1:6]
with open(params_path) as f:
    params = json.load(f)

WORDS = {"BIS": "BIS", "HS": "H", "HUIS": "H", "BG": "BG", "ROOD": "ROOD", "ZW": "ZW",
         "I": "1", "II": "2", "III": "3", "IV": "4"}


def upper_alnum(s):
    return s.fillna("").astype(str).str.replace(r"[^0-9A-Za-z]", "", regex=True).str.upper()


def fold_toevoeging(s):
    u = upper_alnum(s)
    folded = u.str.replace(r"^([0-9]+)(?:EETAGE|ETAGE|HOOG|HG|E|STE)$", r"\1", regex=True)
    folded = folded.str.replace(r"^0+(?=[0-9])", "", regex=True)
    return u.map(WORDS).fillna(folded)


def address_keys(postcode, nummer, letter, toevoeging):
    """Exact, loose and number keys as layers/address.cpp builds them; NaN where the address is unusable."""
    pc = postcode.fillna("").astype(str).str.replace(r"[\s\-\u00a0]", "", regex=True).str.upper()
    pc = pc.where(pc.str.match(r"^[1-9][0-9]{3}[A-Z]{2}$"))
    nr = nummer.fillna("").astype(str).str.extract(r"^\s*([0-9]{1,5})", expand=False).str.lstrip("0")
    nr = nr.where(nr != "")
    l0, t0 = upper_alnum(letter), fold_toevoeging(toevoeging)
    swap = (l0 != "") & ~l0.str.match(r"^[A-Z]") & t0.str.match(r"^[A-Z]$")
    l1 = l0.where(~swap, t0)
    t1 = t0.where(~swap, fold_toevoeging(l0))
    not_letter = (l1.str.len() > 1) | l1.str.match(r"^[^A-Z]")
    t2 = t1.where(~(not_letter & (t1 == "")), fold_toevoeging(l1))
    l2 = l1.where(~not_letter, "")
    number = pc + "|" + nr
    return number + "|" + l2 + "|" + t2, number + "|" + l2 + t2, number


def unique_map(keys):
    """key -> object index for keys that name exactly one object."""
    frame = pd.DataFrame({"key": keys, "vbo": np.arange(len(keys))}).dropna()
    groups = frame.groupby("key")["vbo"].agg(["min", "max"])
    return groups.loc[groups["min"] == groups["max"], "min"]


def benjamini_hochberg(p, q):
    """As engine/analysis/fdr.cpp: with p sorted, the largest p(k) <= k q / m; every p up to it passes."""
    s = np.sort(p)
    passing = np.flatnonzero(s <= np.arange(1, len(s) + 1, dtype=float) * q / len(s))
    return p <= (s[passing[-1]] if len(passing) else -1.0)


def match_address(keys, maps):
    vbo = pd.Series(np.nan, index=keys[0].index)
    route = pd.Series(None, index=keys[0].index, dtype=object)
    for key, lookup, name in zip(keys, maps, ["adres", "letter_toevoeging", "enige_op_nummer"]):
        found = key.map(lookup)
        take = vbo.isna() & found.notna()
        vbo[take] = found[take]
        route[take] = name
    return vbo, route


# --- read
vbo = gpd.read_file(bag_path, layer="verblijfsobject")
kvk = pd.read_csv(kvk_path, sep=";", dtype=str, keep_default_na=False)
meldingen = pd.read_csv(meldingen_path, sep=";", dtype=str, keep_default_na=False,
                        usecols=["id", "datum", "categorie", "bron", "x", "y", "postcode", "huisnummer", "huisletter",
                                 "toevoeging"])  # never the free text
vx, vy = vbo.geometry.x.to_numpy(), vbo.geometry.y.to_numpy()

# --- address index
vbo_keys = address_keys(vbo["postcode"], vbo["huisnummer"].astype("Int64").astype(str), vbo["huisletter"],
                        vbo["toevoeging"])
maps = [unique_map(k) for k in vbo_keys]
ids = pd.Series(np.arange(len(vbo)), index=vbo["identificatie"])
ids = ids[~ids.index.duplicated()]

# --- KvK: bag_id, then the address routes
kvk_vbo = kvk["addresseerbaarObjectId"].map(ids)
kvk_route = pd.Series(np.where(kvk_vbo.notna(), "bag_id", None), index=kvk.index, dtype=object)
by_address, address_route = match_address(address_keys(kvk["postcode"], kvk["huisnummer"], kvk["huisletter"],
                                                       kvk["huisnummerToevoeging"]), maps)
kvk_route = kvk_route.where(kvk_vbo.notna(), address_route)
kvk_vbo = kvk_vbo.fillna(by_address)
kvk = kvk.assign(vbo=kvk_vbo, route=kvk_route)[kvk_vbo.notna()]
kvk["aanvang"] = pd.to_datetime(kvk["datumAanvang"], format="%Y%m%d", errors="coerce")
kvk["einde"] = pd.to_datetime(kvk["datumEinde"], format="%Y%m%d", errors="coerce")

# --- meldingen: address routes, then the nearest object within 10 m (ties: lowest index), as
# AddressIndex::nearest: squared distance <= 10², the smallest squared distance, then the lowest index. Every
# pair within the window is looked at: several objects can share one point (flats in one building).
m_vbo, m_route = match_address(address_keys(meldingen["postcode"], meldingen["huisnummer"], meldingen["huisletter"],
                                            meldingen["toevoeging"]), maps)
has_xy = (meldingen["x"] != "") & (meldingen["y"] != "")
mx = pd.to_numeric(meldingen["x"], errors="coerce").to_numpy()
my = pd.to_numeric(meldingen["y"], errors="coerce").to_numpy()
todo = np.flatnonzero(m_vbo.isna().to_numpy() & has_xy.to_numpy())
tree = cKDTree(np.column_stack([vx, vy]))
# 10 m: ReadOptions::match_radius (layers/read/inputs.hpp), a reader option, not in the config
close = cKDTree(np.column_stack([mx[todo], my[todo]])).sparse_distance_matrix(tree, 10.0 + 1, output_type="ndarray")
dx, dy = vx[close["j"]] - mx[todo][close["i"]], vy[close["j"]] - my[todo][close["i"]]
d2 = dx * dx + dy * dy
close, d2 = close[d2 <= 10.0 * 10.0], d2[d2 <= 10.0 * 10.0]
order = np.lexsort((close["j"], d2, close["i"]))
first = order[np.r_[True, close["i"][order][1:] != close["i"][order][:-1]]] if len(order) else order
best = np.full(len(todo), -1)
best[close["i"][first]] = close["j"][first]
near = best >= 0
m_vbo.iloc[todo[near]] = best[near]
m_route.iloc[todo[near]] = "coordinaat"
m_route.iloc[todo[~near]] = "alleen_locatie"
meldingen = meldingen.assign(vbo=m_vbo, route=m_route)[m_route.notna()]
matched = meldingen["vbo"].notna()
px = np.where(meldingen["x"] != "", pd.to_numeric(meldingen["x"], errors="coerce"), np.nan)
py = np.where(meldingen["y"] != "", pd.to_numeric(meldingen["y"], errors="coerce"), np.nan)
at = meldingen["vbo"].fillna(0).astype(int).to_numpy()
meldingen["px"] = np.where(np.isnan(px) & matched, vx[at], px)
meldingen["py"] = np.where(np.isnan(py) & matched, vy[at], py)
meldingen["datum"] = pd.to_datetime(meldingen["datum"], format="%Y-%m-%d")

# --- peildatum and active vestigingen
peil = max(kvk["aanvang"].max(), kvk["einde"].max(), meldingen["datum"].max())
active = kvk[(kvk["aanvang"].isna() | (kvk["aanvang"] <= peil)) & (kvk["einde"].isna() | (kvk["einde"] > peil))]
n_active = active.groupby("vbo").size().reindex(np.arange(len(vbo)), fill_value=0).to_numpy()
opp = vbo["oppervlakte"].fillna(0).to_numpy()
doel = vbo["gebruiksdoel"].fillna("").str.strip()
hits = []

# bedrijven_op_adres: >= min_vestigingen active and < max_m2_per_vestiging m² each, or
# >= min_vestigingen_woonfunctie on a woonfunctie-only object.
ba = params["bedrijven_op_adres"]
with np.errstate(divide="ignore", invalid="ignore"):
    crowded = (n_active >= ba["min_vestigingen"]) & (opp > 0) & (opp / n_active < float(ba["max_m2_per_vestiging"]))
home = (doel == "woonfunctie").to_numpy() & (n_active >= ba["min_vestigingen_woonfunctie"])
hits.append(("bedrijven_op_adres", np.flatnonzero(crowded | home)))

# kelderbox: <= max_oppervlakte m², only overige gebruiksfunctie, >= min_vestigingen active vestigingen or
# >= min_meldingen meldingen up to the peildatum.
kb = params["kelderbox"]
n_meldingen = meldingen[matched & (meldingen["datum"] <= peil)].groupby("vbo").size()
n_meldingen = n_meldingen.reindex(np.arange(len(vbo)), fill_value=0).to_numpy()
box = (doel == "overige gebruiksfunctie").to_numpy() & (opp > 0) & (opp <= kb["max_oppervlakte"])
hits.append(("kelderbox", np.flatnonzero(box & ((n_active >= kb["min_vestigingen"]) | (n_meldingen >= kb["min_meldingen"])))))

# risicobranche_cluster, as engine/signals/risicobranche_cluster.cpp. Business addresses: objects with an
# active vestiging that are not woonfunctie only; risk addresses among them have an active vestiging in a
# risk branch. Each gemeente (first four digits of the BAG id) has its risk share. For every risk address:
# the business and risk addresses within straal_m (the object included; squared distance <= straal², as
# onregel's grid index), the binomial tail of the others (risk - 1 of all - 1 at the gemeente's share), BH
# at fdr_q over all risk addresses, and at least min_risico risk addresses and min_lq times the expected.
rb = params["risicobranche_cluster"]
gemeente = vbo["identificatie"].str[:4].astype(int).to_numpy()
risk_vbo = np.zeros(len(vbo), dtype=bool)
risk_vbo[active.loc[active["sbiHoofdactiviteit"].str.startswith(tuple(params["risk_prefixes"])), "vbo"].astype(int)] = True
business = (n_active >= 1) & (doel != "woonfunctie").to_numpy()
units = np.flatnonzero(business)
candidates = np.flatnonzero(business & risk_vbo)
g_all = np.bincount(gemeente[units], minlength=10000)
g_risk = np.bincount(gemeente[candidates], minlength=10000)
share = g_risk[gemeente[candidates]] / g_all[gemeente[candidates]]
radius = float(rb["straal_m"])
pairs = cKDTree(np.column_stack([vx[candidates], vy[candidates]])).sparse_distance_matrix(
    cKDTree(np.column_stack([vx[units], vy[units]])), radius + 1, output_type="ndarray")  # the window; then exact
dx = vx[units][pairs["j"]] - vx[candidates][pairs["i"]]
dy = vy[units][pairs["j"]] - vy[candidates][pairs["i"]]
near = dx * dx + dy * dy <= radius * radius
alle = np.bincount(pairs["i"][near], minlength=len(candidates))
risico = np.bincount(pairs["i"][near], weights=risk_vbo[units][pairs["j"][near]], minlength=len(candidates)).astype(np.int64)
p_rb = binom.sf(risico - 2, alle - 1, share)  # P(X >= risico - 1): the object's own branch is not evidence
fired = (benjamini_hochberg(p_rb, float(rb["fdr_q"])) & (risico >= rb["min_risico"])
         & (risico >= float(rb["min_lq"]) * (alle * share)))
hits.append(("risicobranche_cluster", candidates[fired]))

# meldingen_hotspot, as engine/analysis/hotspot_grid.cpp (excess_hotspots). Cells of cel_m; the events are
# the meldingen up to the peildatum whose categorie weighs more than 0, each counted once per source (the
# object it was reported at, or itself when it has only a location). A cell's objects are split by gemeente
# (the first object's gemeente first, then the others in code order); a gemeente's rate is the sum over its
# cells of sources x its share of the cell's objects, over its objects; a cell expects its objects times
# their gemeenten's rates. Poisson tail of the sources, BH at fdr_q over all cells with an object; hot with
# at least min_meldingen meldingen and min_verhouding times the expected sources. np.bincount adds in array
# order, so the floating-point sums run in onregel's order.
hs = params["meldingen_hotspot"]
cel = float(hs["cel_m"])


def cell_key(x, y):
    """(row, column) as one int64 that sorts like the pair."""
    return np.floor(y / cel).astype(np.int64) * (1 << 32) + np.floor(x / cel).astype(np.int64) + (1 << 31)


cell_keys, first_object, cell_of_object = np.unique(cell_key(vx, vy), return_index=True, return_inverse=True)
n_cells = len(cell_keys)
objecten = np.bincount(cell_of_object, minlength=n_cells).astype(float)
first_g = gemeente[first_object]
categorie = meldingen["categorie"].fillna("").replace("", "onbekend")  # as onregel's reader names an empty one
events = meldingen[(meldingen["datum"] <= peil) & ~categorie.isin(params["categorie_zonder_gewicht"])]
ek = cell_key(events["px"].to_numpy(), events["py"].to_numpy())
at = np.minimum(np.searchsorted(cell_keys, ek), n_cells - 1)
in_cell = cell_keys[at] == ek  # events in cells without an object are never tested
e_cell = at[in_cell]
source = np.where(events["vbo"].notna(), events["vbo"].fillna(0), -1 - np.arange(len(events))).astype(np.int64)[in_cell]
meldingen_per_cel = np.bincount(e_cell, minlength=n_cells)
distinct = np.unique(np.column_stack([e_cell, source]), axis=0)
bronnen = np.bincount(distinct[:, 0], minlength=n_cells).astype(float)
share_key, share_n = np.unique(cell_of_object * 10000 + gemeente, return_counts=True)
share_cell, share_g = share_key // 10000, share_key % 10000
order = np.lexsort((share_g, share_g != first_g[share_cell], share_cell))  # by cell, first gemeente first, then code
share_cell, share_g, share_n = share_cell[order], share_g[order], share_n[order].astype(float)
rate_bronnen = np.bincount(share_g, weights=bronnen[share_cell] * share_n / objecten[share_cell], minlength=10000)
rate_objecten = np.bincount(share_g, weights=share_n, minlength=10000)
verwacht = np.bincount(share_cell, weights=share_n * rate_bronnen[share_g] / rate_objecten[share_g], minlength=n_cells)
with np.errstate(divide="ignore", invalid="ignore"):
    p_hs = np.where(bronnen <= 0, 1.0, np.where(verwacht > 0, poisson.sf(bronnen - 1, verwacht), 0.0))
hot = (benjamini_hochberg(p_hs, float(hs["fdr_q"])) & (meldingen_per_cel >= hs["min_meldingen"])
       & (bronnen >= float(hs["min_verhouding"]) * verwacht))
hits.append(("meldingen_hotspot", np.flatnonzero(hot[cell_of_object])))

# --- write
out = pd.concat([pd.DataFrame({"bag_id": vbo["identificatie"].to_numpy()[i], "signaal": s}) for s, i in hits])
out.sort_values(["signaal", "bag_id"]).to_csv(out_path, index=False)
routes = {"kvk": kvk["route"].value_counts().to_dict(), "meldingen": meldingen["route"].value_counts().to_dict()}
print(json.dumps(routes, sort_keys=True))
