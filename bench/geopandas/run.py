#!/usr/bin/python3
"""The onregel benchmark in GeoPandas (Debian's python3-geopandas, fiona reader): the same address
matching, bedrijven_op_adres, kelderbox, risk-branch DBSCAN (scikit-learn) and grid Gi* as `onregel run`.

usage: run.py BAG_GPKG KVK_CSV MELDINGEN_CSV RISK_PREFIXES OUT_CSV
RISK_PREFIXES: the SBI prefixes of [risicobranches], comma-separated. Writes bag_id,signaal rows to
OUT_CSV and the match routes as JSON on stdout. Defaults of engine/signals/*.cpp; keep them in step.
"""
import json
import sys

import geopandas as gpd
import numpy as np
import pandas as pd
from scipy.spatial import cKDTree
from scipy.special import erfc
from sklearn.cluster import DBSCAN

bag_path, kvk_path, meldingen_path, risk_prefixes, out_path = sys.argv[1:6]

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

# --- meldingen: address routes, then the nearest object within 10 m (ties: lowest index)
m_vbo, m_route = match_address(address_keys(meldingen["postcode"], meldingen["huisnummer"], meldingen["huisletter"],
                                            meldingen["toevoeging"]), maps)
has_xy = (meldingen["x"] != "") & (meldingen["y"] != "")
mx = pd.to_numeric(meldingen["x"], errors="coerce").to_numpy()
my = pd.to_numeric(meldingen["y"], errors="coerce").to_numpy()
todo = np.flatnonzero(m_vbo.isna().to_numpy() & has_xy.to_numpy())
tree = cKDTree(np.column_stack([vx, vy]))
dist, idx = tree.query(np.column_stack([mx[todo], my[todo]]), k=4, distance_upper_bound=10.0)
best = np.full(len(todo), -1)
for row in range(len(todo)):
    d, i = dist[row], idx[row]
    ok = np.isfinite(d)
    if ok.any():
        close = d[ok] == d[ok].min()
        best[row] = i[ok][close].min()
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

# bedrijven_op_adres: >= 5 active and < 20 m² each, or >= 3 on a woonfunctie-only object.
with np.errstate(divide="ignore", invalid="ignore"):
    crowded = (n_active >= 5) & (opp > 0) & (opp / n_active < 20)
home = (doel == "woonfunctie").to_numpy() & (n_active >= 3)
hits.append(("bedrijven_op_adres", np.flatnonzero(crowded | home)))

# kelderbox: <= 25 m², only overige gebruiksfunctie, >= 1 active vestiging or >= 1 melding up to the peildatum.
n_meldingen = meldingen[matched & (meldingen["datum"] <= peil)].groupby("vbo").size()
n_meldingen = n_meldingen.reindex(np.arange(len(vbo)), fill_value=0).to_numpy()
box = (doel == "overige gebruiksfunctie").to_numpy() & (opp > 0) & (opp <= 25)
hits.append(("kelderbox", np.flatnonzero(box & ((n_active >= 1) | (n_meldingen >= 1)))))

# risicobranche_cluster: DBSCAN (eps 75 m inclusive, min 4 including itself) over objects with an active
# risk-branch vestiging.
risky = active[active["sbiHoofdactiviteit"].str.startswith(tuple(risk_prefixes.split(",")))]
objects = np.unique(risky["vbo"].astype(int).to_numpy())
labels = DBSCAN(eps=75, min_samples=4).fit(np.column_stack([vx[objects], vy[objects]])).labels_
hits.append(("risicobranche_cluster", objects[labels >= 0]))

# meldingen_hotspot: 100 m cells holding an object or a melding, Gi* with a 300 m binary band (self
# included), Benjamini-Hochberg at 0.10; objects in hot cells.
events = meldingen[meldingen["datum"] <= peil]
cols = np.floor(np.concatenate([vx, events["px"].to_numpy()]) / 100).astype(np.int64)
rows = np.floor(np.concatenate([vy, events["py"].to_numpy()]) / 100).astype(np.int64)
weight = np.concatenate([np.zeros(len(vx)), np.ones(len(events))])
cells = pd.DataFrame({"c": cols, "r": rows, "n": weight}).groupby(["c", "r"], sort=True)["n"].sum().reset_index()
centres = np.column_stack([(cells["c"] + 0.5) * 100, (cells["r"] + 0.5) * 100])
counts = cells["n"].to_numpy()
tree = cKDTree(centres)
pairs = tree.sparse_distance_matrix(tree, 300.0, output_type="ndarray")  # every pair within the band, self too
n = len(counts)
som = np.bincount(pairs["i"], weights=counts[pairs["j"]], minlength=n)
w = np.bincount(pairs["i"], minlength=n).astype(float)
mean, s2 = counts.mean(), counts.var()
with np.errstate(divide="ignore", invalid="ignore"):
    z = np.where((s2 > 0) & (w < n), (som - mean * w) / np.sqrt(s2 * w * (n - w) / (n - 1)), 0.0)
p = erfc(np.abs(z) / np.sqrt(2))
order = np.sort(p)
passing = order[order <= np.arange(1, n + 1) * 0.10 / n]
threshold = passing.max() if len(passing) else -1
hot = (z > 0) & (p <= threshold)
cell_of = pd.Series(np.arange(n), index=pd.MultiIndex.from_arrays([cells["c"], cells["r"]]))
vbo_cell = cell_of.reindex(pd.MultiIndex.from_arrays([cols[:len(vx)], rows[:len(vx)]])).to_numpy()
hits.append(("meldingen_hotspot", np.flatnonzero(hot[vbo_cell])))

# --- write
out = pd.concat([pd.DataFrame({"bag_id": vbo["identificatie"].to_numpy()[i], "signaal": s}) for s, i in hits])
out.sort_values(["signaal", "bag_id"]).to_csv(out_path, index=False)
routes = {"kvk": kvk["route"].value_counts().to_dict(), "meldingen": meldingen["route"].value_counts().to_dict()}
print(json.dumps(routes, sort_keys=True))
