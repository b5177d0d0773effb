#!/usr/bin/python3
"""The parameters the peers need, read from `onregel config --default` on stdin, so that they run with
onregel's own defaults and no number is typed twice.

  onregel config --default | peer_params.py json   one JSON object (for bench/geopandas/run.py)
  onregel config --default | peer_params.py psql   name=value lines, one psql variable each (queries.sql)

Signals: the parameters of bedrijven_op_adres, kelderbox, risicobranche_cluster and meldingen_hotspot.
Risk branches: the SBI 2025 prefixes of [risicobranches], the version `onregel sample` writes. Meldingen
categories whose [meldingen_gewicht] is 0 or less are left out of the hot spot, as onregel does
(categories not listed weigh 1; the default table is empty).
"""
import json
import sys
import tomllib

SIGNALS = {
    "bedrijven_op_adres": ["min_vestigingen", "max_m2_per_vestiging", "min_vestigingen_woonfunctie"],
    "kelderbox": ["max_oppervlakte", "min_vestigingen", "min_meldingen"],
    "risicobranche_cluster": ["straal_m", "fdr_q", "min_risico", "min_lq"],
    "meldingen_hotspot": ["cel_m", "min_meldingen", "min_verhouding", "fdr_q"],
}


def params(config):
    prefixes = sorted({p for branch in config["risicobranches"].values() for p in branch["sbi2025"]})
    if not prefixes:  # "^()" would match every code in SQL, where onregel matches none
        sys.exit("peer_params.py: the config names no SBI 2025 risk branches")
    out = {"risk_prefixes": prefixes, "risk_regex": "^(" + "|".join(prefixes) + ")",
           "categorie_zonder_gewicht": sorted(c for c, w in config.get("meldingen_gewicht", {}).items() if w <= 0)}
    for signal, keys in SIGNALS.items():
        out[signal] = {key: config["signalen"][signal][key] for key in keys}
    return out


def pg_quoted(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def psql_lines(p):
    lines = [f"risk_regex={p['risk_regex']}",
             # a PostgreSQL text[] literal, each element quoted
             "categorie_zonder_gewicht={" + ",".join(pg_quoted(c) for c in p["categorie_zonder_gewicht"]) + "}"]
    for signal, short in [("bedrijven_op_adres", "ba"), ("kelderbox", "kb"), ("risicobranche_cluster", "rb"),
                          ("meldingen_hotspot", "hs")]:
        lines += [f"{short}_{key}={value!r}" for key, value in p[signal].items()]
    return lines


if __name__ == "__main__":
    p = params(tomllib.loads(sys.stdin.read()))
    print(json.dumps(p, indent=1) if sys.argv[1] == "json" else "\n".join(psql_lines(p)))
