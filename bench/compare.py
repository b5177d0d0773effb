#!/usr/bin/python3
"""Collects one bench/run into a result file and writes bench/RESULTS.md from all result files.

  compare.py collect WORK_DIR SCALE SEED RESULT_JSON   agreement of the three, timings, machine
  compare.py report RESULTS_DIR RESULTS_MD             the tables and the targets of issues #7, #17 and #23
"""
import csv
import datetime
import glob
import json
import os
import platform
import subprocess
import sys

# The signals both peers implement; their flagged sets must equal onregel's.
CHECKED = ["bedrijven_op_adres", "kelderbox", "risicobranche_cluster", "meldingen_hotspot"]
ANALYSIS_STAGES = ["index", "signals", "ranking", "hotspots"]
STATISTICAL = ["risicobranche_cluster", "meldingen_hotspot"]  # issue #17: each at most 1 % at 10M
GIB = 1024 * 1024  # kB


def load(path, default=None):
    if not os.path.exists(path):
        return default
    with open(path) as f:
        return json.load(f)


def read_text(path):
    return open(path).read().strip() if os.path.exists(path) else ""


def onregel_hits(out_dir):
    with open(os.path.join(out_dir, "locaties.geojson")) as f:
        features = json.load(f)["features"]
    hits = {s: set() for s in CHECKED}
    for feature in features:
        for s in feature["properties"]["signalen"]:
            if s in hits:
                hits[s].add(feature["properties"]["bag_id"])
    return hits


def peer_hits(path):
    hits = {s: set() for s in CHECKED}
    with open(path) as f:
        for row in csv.DictReader(f):
            hits[row["signaal"]].add(row["bag_id"])
    return hits


def machine():
    cpu = ""
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo") as f:
        mem_kb = int(f.readline().split()[1])
    gdal = subprocess.run(["gdal-config", "--version"], capture_output=True, text=True).stdout.strip()
    return {"nproc": os.cpu_count(), "geheugen_gib": round(mem_kb / GIB, 1), "cpu": cpu,
            "kernel": platform.release(), "gdal": gdal}


def loadavg(work, name):
    """The 1-minute load average before and after a measured command."""
    text = read_text(f"{work}/{name}.loadavg")
    return [float(v) for v in text.split()] if text else None


def commit():
    """The commit the benchmark ran at, "-dirty" when the tree had changes."""
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    return subprocess.run(["git", "-C", repo, "describe", "--always", "--dirty"], capture_output=True, text=True).stdout.strip()


def collect(work, scale, seed, out):
    result = {"scale": int(scale), "seed": int(seed), "datum": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="minutes"),
              "commit": commit(), "machine": machine(), "sample": load(f"{work}/sample.time.json")}
    for name in ["onregel-t1", "onregel-t2"]:
        # --threads-compare runs rounds name-1, name-2, ...: the best time of each stage, the fastest round's run.
        rounds = sorted(p[: -len(".manifest.json")] for p in glob.glob(f"{work}/{name}-*.manifest.json"))
        if not rounds:
            continue
        manifests = [load(f"{r}.manifest.json") for r in rounds]
        times = [load(f"{r}.time.json") for r in rounds]
        best = min(range(len(rounds)), key=lambda i: times[i]["wall_s"])
        result[name] = {"time": times[best], "rounds": len(rounds), "threads": manifests[best]["uitvoering"]["threads"],
                        "tijden_ms": {s: min(m["uitvoering"]["tijden_ms"][s] for m in manifests)
                                      for s in manifests[best]["uitvoering"]["tijden_ms"]}}
        loads = [loadavg(work, os.path.basename(r)) for r in rounds]
        result.setdefault("load", {})[name] = [max(l[0] for l in loads), max(l[1] for l in loads)]
    for name in ["onregel"]:
        manifest = load(f"{work}/{name}.manifest.json")
        if manifest:
            result[name] = {"time": load(f"{work}/{name}.time.json"), "tijden_ms": manifest["uitvoering"]["tijden_ms"],
                            "gpkg_parallel_ms": manifest["uitvoering"].get("gpkg_parallel_ms"),
                            "threads": manifest["uitvoering"]["threads"], "aantallen": manifest["aantallen"],
                            "versie": manifest["onregel"],
                            "match": {layer: manifest["invoer"][layer].get("match_methoden", {}) for layer in ["kvk", "meldingen"]}}
    result["gdal"] = {"time": load(f"{work}/gdal.json"), "process": load(f"{work}/gdal.time.json")}
    result["load"] = {**{name: loadavg(work, name) for name in ["onregel", "gdal", "postgis", "geopandas"] if loadavg(work, name)},
                      **result.get("load", {})}
    if os.path.exists(f"{work}/postgis.hits.csv"):
        routes = {"kvk": {}, "meldingen": {}}
        with open(f"{work}/postgis.hits.csv.routes.csv") as f:
            for row in csv.DictReader(f):
                routes[row["laag"]][row["route"]] = int(row["n"])
        result["postgis"] = {"time": load(f"{work}/postgis.time.json"), "stages": load(f"{work}/postgis.hits.csv.stages.json"),
                             "server_cpu_s": float(read_text(f"{work}/postgis.server_cpu_s") or 0),
                             "server_pss_kb": int(read_text(f"{work}/postgis.server_pss_kb") or 0),
                             "versie": read_text(f"{work}/postgis.version"), "match": routes}
    if os.path.exists(f"{work}/geopandas.hits.csv"):
        result["geopandas"] = {"time": load(f"{work}/geopandas.time.json"), "versie": read_text(f"{work}/geopandas.version"),
                               "match": load(f"{work}/geopandas.routes.json")}

    # Agreement: the flagged sets of each peer against onregel's.
    ours = onregel_hits(f"{work}/onregel")
    result["hits"] = {"onregel": {s: len(v) for s, v in ours.items()}}
    result["verschillen"] = {}
    for peer in ["postgis", "geopandas"]:
        if peer not in result:
            continue
        theirs = peer_hits(f"{work}/{peer}.hits.csv")
        result["hits"][peer] = {s: len(v) for s, v in theirs.items()}
        result["verschillen"][peer] = {s: {"alleen_onregel": sorted(ours[s] - theirs[s])[:20],
                                           "alleen_" + peer: sorted(theirs[s] - ours[s])[:20],
                                           "n_alleen_onregel": len(ours[s] - theirs[s]),
                                           "n_alleen_" + peer: len(theirs[s] - ours[s])} for s in CHECKED}
    with open(out, "w") as f:
        json.dump(result, f, indent=1)
    print(summary(result))
    agree = all(d[s]["n_alleen_onregel"] == 0 and d[s]["n_alleen_" + p] == 0
                for p, d in result["verschillen"].items() for s in CHECKED)
    if not agree:
        print("bench: the peers do NOT agree with onregel on " + ", ".join(CHECKED) + " (see above)", file=sys.stderr)


def cpu_s(t):
    return t["user_s"] + t["sys_s"]


def summary(r):
    lines = [f"scale {r['scale']}: onregel {r['onregel']['time']['wall_s']:.2f} s wall, "
             f"{r['onregel']['time']['max_rss_kb'] / 1024:.0f} MiB"]
    for peer in ["postgis", "geopandas"]:
        if peer in r:
            lines.append(f"  {peer}: {r[peer]['time']['wall_s']:.2f} s wall")
    for peer, diff in r["verschillen"].items():
        for s, d in diff.items():
            status = "equal" if d["n_alleen_onregel"] == 0 and d["n_alleen_" + peer] == 0 else "DIFFERENT"
            lines.append(f"  {peer} {s}: {status} (onregel {r['hits']['onregel'][s]}, {peer} {r['hits'][peer][s]}; "
                         f"only onregel {d['alleen_onregel'][:5]}, only {peer} {d['alleen_' + peer][:5]})")
    return "\n".join(lines)


def fmt(v, digits=2):
    return "–" if v is None else f"{v:,.{digits}f}"


def verdict(ok):
    return "–" if ok is None else ("met" if ok else "**not met**")


def gdal_reference(r):
    t = r["gdal"]["time"]
    bag = t["verblijfsobject"]["s"] + t.get("pand", {"s": 0})["s"]
    return bag + sum(t[k]["s"] for k in ["kvk", "meldingen"]), bag + max(t["kvk"]["s"], t["meldingen"]["s"])


def report(results_dir, out):
    runs = {}
    for path in glob.glob(os.path.join(results_dir, "*.json")):
        r = load(path)
        runs[r["scale"]] = r
    scales = sorted(runs)
    with_peers = [n for n in scales if "postgis" in runs[n]]
    main = runs[max(with_peers)] if with_peers else runs[max(scales)]
    m = main["machine"]
    L = []
    L.append("# onregel benchmark (issues #7 and #23)\n")
    L.append("Written by `bench/run` from its result files; run by hand, never in the tests. "
             "See bench/README.md for what each peer does and what it leaves out.\n")
    L.append(f"**Machine:** {m['cpu']}, {m['nproc']} cores, {m['geheugen_gib']} GiB, Linux {m['kernel']}, GDAL {m['gdal']}. "
             "The 2 cores are shared with other engineers' builds; the 1-minute load average before each "
             "measured command is in the tables (2.0 = both cores busy before we start).  ")
    L.append(f"**Date:** {main['datum']}.  **Commit:** `{main.get('commit', '?')}`.  **onregel** {main['onregel']['versie']} (Release, "
             f"{main['onregel']['threads']} threads).  ")
    if "postgis" in main:
        L.append(f"**PostGIS:** {main['postgis']['versie']}.  **GeoPandas:** {main['geopandas']['versie']}.\n")
    L.append("**Commands:**\n")
    L.append("```sh")
    for n in scales:
        extra = " --threads-compare" if "onregel-t1" in runs[n] else ""
        extra += "" if "postgis" in runs[n] else " --onregel-only"
        L.append(f"bench/run --scale {n}{extra}")
    n = main["scale"]
    L.append(f"# each runs, on the inputs of `onregel sample --scale {n} --seed {main['seed']} --out DATA`:")
    L.append("onregel run --bag DATA/bag.gpkg --kvk DATA/kvk_vestigingen.csv --meldingen DATA/meldingen.csv --out OUT --quiet")
    L.append("onregel config --default | bench/peer_params.py json|psql   # the peers' parameters (not timed)")
    L.append("bench/postgis/load_and_query.sh PORT DATA HITS VARS   # ogr2ogr x3 + psql -v VARS -f bench/postgis/queries.sql")
    L.append("/usr/bin/python3 bench/geopandas/run.py DATA/bag.gpkg DATA/kvk_vestigingen.csv DATA/meldingen.csv PARAMS HITS")
    L.append("/usr/bin/python3 bench/gdal_read.py DATA/bag.gpkg DATA/kvk_vestigingen.csv DATA/meldingen.csv")
    L.append("```\n")

    # Agreement
    L.append(f"## Do they agree? (N = {n:,})\n")
    if "postgis" in main:
        L.append("Objects flagged, as sets of BAG ids; each must be equal.\n")
        L.append("| signal | onregel | PostGIS | GeoPandas | only onregel / only PostGIS | only onregel / only GeoPandas |")
        L.append("|---|---:|---:|---:|---|---|")
        for s in CHECKED:
            cells = []
            for peer in ["postgis", "geopandas"]:
                d = main["verschillen"][peer][s]
                cells.append("equal" if d["n_alleen_onregel"] == 0 and d["n_alleen_" + peer] == 0
                             else f"{d['n_alleen_onregel']} / {d['n_alleen_' + peer]}")
            L.append(f"| `{s}` | {main['hits']['onregel'][s]:,} | {main['hits']['postgis'][s]:,} | "
                     f"{main['hits']['geopandas'][s]:,} | {cells[0]} | {cells[1]} |")
        for peer in ["postgis", "geopandas"]:
            for s in CHECKED:
                d = main["verschillen"][peer][s]
                for who in ["onregel", peer]:
                    if d["n_alleen_" + who]:
                        shown = ", ".join(d["alleen_" + who]) + (" …" if d["n_alleen_" + who] > len(d["alleen_" + who]) else "")
                        L.append(f"\n- `{s}`, only {who} (against {peer}): {shown}")
        L.append("\nRows matched per route (onregel's manifest against the peers' own counts):\n")
        L.append("| layer | route | onregel | PostGIS | GeoPandas |")
        L.append("|---|---|---:|---:|---:|")
        for layer in ["kvk", "meldingen"]:
            routes = sorted(set(main["onregel"]["match"][layer]) | set(main["postgis"]["match"][layer]) |
                            set(main["geopandas"]["match"][layer]))
            for route in routes:
                L.append(f"| {layer} | {route} | " + " | ".join(
                    f"{main[k]['match'][layer].get(route, 0):,}" for k in ["onregel", "postgis", "geopandas"]) + " |")
        L.append("")

    # Timings
    if "postgis" in main:
        o, p, g = main["onregel"]["time"], main["postgis"]["time"], main["geopandas"]["time"]
        p_cpu = cpu_s(p) + main["postgis"]["server_cpu_s"]
        p_mem = p["max_rss_kb"] + main["postgis"]["server_pss_kb"]
        L.append(f"## Time and memory (N = {n:,})\n")
        ld = main.get("load", {})

        def load_cell(name):
            return " → ".join(f"{v:.1f}" for v in ld[name]) if name in ld else "–"

        L.append("| | wall s | CPU s (user+sys) | peak memory MiB | wall onregel : peer | CPU onregel : peer | load before → after |")
        L.append("|---|---:|---:|---:|---:|---:|---|")
        L.append(f"| onregel | {fmt(o['wall_s'])} | {fmt(cpu_s(o))} | {o['max_rss_kb'] / 1024:,.0f} | 1 | 1 | {load_cell('onregel')} |")
        L.append(f"| PostGIS (load + queries) | {fmt(p['wall_s'])} | {fmt(p_cpu)} | {p_mem / 1024:,.0f} | "
                 f"1 : {p['wall_s'] / o['wall_s']:.1f} | 1 : {p_cpu / cpu_s(o):.1f} | {load_cell('postgis')} |")
        L.append(f"| GeoPandas | {fmt(g['wall_s'])} | {fmt(cpu_s(g))} | {g['max_rss_kb'] / 1024:,.0f} | "
                 f"1 : {g['wall_s'] / o['wall_s']:.1f} | 1 : {cpu_s(g) / cpu_s(o):.1f} | {load_cell('geopandas')} |")
        st = main["postgis"]["stages"]
        L.append(f"\nPostGIS: load (3× ogr2ogr, GiST index) {fmt(st['load_s'])} s, queries {fmt(st['queries_s'])} s. "
                 f"Its CPU is the clients' (ogr2ogr, psql: {fmt(cpu_s(p))} s) plus the server's "
                 f"({fmt(main['postgis']['server_cpu_s'])} s: postmaster, backends and parallel workers from /proc); "
                 f"its memory is the largest client's peak RSS plus the server's peak PSS "
                 f"({main['postgis']['server_pss_kb'] / 1024:,.0f} MiB, sampled every 0.2 s; shared_buffers counts as far as it was touched). "
                 "Cluster creation and start are not counted. onregel's figures include writing all its outputs "
                 "(GeoJSON, GeoPackage, viewer, manifest) and all 14 signals; the peers write only their hit list.\n")

    # Stages of onregel
    L.append("## onregel's stages (manifest `uitvoering.tijden_ms`, seconds)\n")
    stages = list(runs[scales[-1]]["onregel"]["tijden_ms"])
    L.append("The GeoPackage is written on its own task beside `write` and `viewer`: `gpkg` is the wait for it at "
             "the end, `gpkg task` the task's own duration.\n")
    L.append("| N | wall s | peak RSS MiB | " + " | ".join(stages) + " | gpkg task | after reading / read |")
    L.append("|---:|---:|---:|" + "---:|" * len(stages) + "---:|---:|")
    for k in scales:
        t = runs[k]["onregel"]["tijden_ms"]
        after = sum(v for s, v in t.items() if s not in ("config", "read"))
        L.append(f"| {k:,} | {fmt(runs[k]['onregel']['time']['wall_s'])} | {runs[k]['onregel']['time']['max_rss_kb'] / 1024:,.0f} | "
                 + " | ".join(fmt(t.get(s, 0) / 1000) for s in stages)
                 + f" | {fmt((runs[k]['onregel'].get('gpkg_parallel_ms') or 0) / 1000)} | {after / t['read']:.2f} |")
    L.append("")

    # GDAL read
    L.append("## Reading against GDAL's raw read\n")
    L.append("GDAL reference: every feature of the layers onregel reads, fetched with OGR (python3-gdal) and "
             "dropped. onregel reads the BAG first and then KvK and meldingen in parallel, so the reference is "
             "BAG + max(KvK, meldingen); the sequential sum is shown too.\n")
    L.append("| N | onregel read s | GDAL BAG (vbo + pand) s | GDAL KvK s | GDAL meldingen s | reference s | read / reference | read / sequential sum |")
    L.append("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for k in scales:
        t = runs[k]["gdal"]["time"]
        seq, ref = gdal_reference(runs[k])
        read = runs[k]["onregel"]["tijden_ms"]["read"] / 1000
        L.append(f"| {k:,} | {fmt(read)} | {fmt(t['verblijfsobject']['s'] + t.get('pand', {'s': 0})['s'])} | "
                 f"{fmt(t['kvk']['s'])} | {fmt(t['meldingen']['s'])} | {fmt(ref)} | {read / ref:.2f} | {read / seq:.2f} |")
    L.append("")

    # Growth
    L.append("## Growth with N (onregel; generation by `onregel sample --scale N`)\n")
    L.append("| N | measured | commit | generate s | onregel wall s | per 1M objects s | PostGIS wall s | GeoPandas wall s |")
    L.append("|---:|---|---|---:|---:|---:|---:|---:|")
    for k in scales:
        r = runs[k]
        L.append(f"| {k:,} | {r['datum']} | `{r.get('commit', '?')}` | {fmt((r.get('sample') or {}).get('wall_s'))} | {fmt(r['onregel']['time']['wall_s'])} | "
                 f"{r['onregel']['time']['wall_s'] / k * 1e6:.2f} | {fmt(r['postgis']['time']['wall_s'] if 'postgis' in r else None)} | "
                 f"{fmt(r['geopandas']['time']['wall_s'] if 'geopandas' in r else None)} |")
    L.append("")

    # Threads
    threads_runs = [k for k in scales if "onregel-t1" in runs[k]]
    speedup = None
    if threads_runs:
        k = max(threads_runs)
        t1, t2 = runs[k]["onregel-t1"]["tijden_ms"], runs[k]["onregel-t2"]["tijden_ms"]
        L.append(f"## Threads 1 → 2 (N = {k:,})\n")
        if runs[k]["onregel-t1"].get("rounds"):
            L.append(f"{runs[k]['onregel-t1']['rounds']} rounds of `--threads 1` and `--threads 2`, alternating; each stage's "
                     "best time over the rounds, and the fastest round's wall time.\n")
        L.append("| stage | --threads 1 s | --threads 2 s | speed-up |")
        L.append("|---|---:|---:|---:|")
        for s in t1:
            # A stage under 10 ms (or a wait that vanished) has no meaningful ratio.
            ratio = f"{t1[s] / t2[s]:.2f}×" if min(t1[s], t2[s]) >= 10 else "–"
            L.append(f"| {s} | {fmt(t1[s] / 1000, 3)} | {fmt(t2[s] / 1000, 3)} | {ratio} |")
        a1, a2 = sum(t1[s] for s in ANALYSIS_STAGES), sum(t2[s] for s in ANALYSIS_STAGES)
        speedup = a1 / a2
        L.append(f"| **analysis ({' + '.join(ANALYSIS_STAGES)})** | {fmt(a1 / 1000, 3)} | {fmt(a2 / 1000, 3)} | **{speedup:.2f}×** |")
        w1, w2 = runs[k]["onregel-t1"]["time"]["wall_s"], runs[k]["onregel-t2"]["time"]["wall_s"]
        L.append(f"| whole run (wall) | {fmt(w1)} | {fmt(w2)} | {w1 / w2:.2f}× |")
        ld = runs[k].get("load", {})
        if "onregel-t1" in ld:
            busy = max(ld["onregel-t1"][0], ld["onregel-t2"][0]) >= 2
            L.append(f"\nLoad average before → after: --threads 1 {ld['onregel-t1'][0]:.1f} → {ld['onregel-t1'][1]:.1f}, "
                     f"--threads 2 {ld['onregel-t2'][0]:.1f} → {ld['onregel-t2'][1]:.1f}."
                     + (" With other work on the two cores a second thread has no free core to run on, and the speed-up "
                        "says little." if busy else ""))
        L.append("")

    # Restraint
    L.append("## Restraint: objects flagged per signal (issue #17)\n")
    L.append("A signal that fires on a large share of all addresses is no signal. Objects per signal (an object "
             "counts for every signal that fired on it, scoring or not) and the share of all verblijfsobjecten; "
             "targets at 10M: any signal at most 2 %, each statistical signal at most 1 %. The sample plants one "
             "case per kind per 20,000 objects, so part of every figure is planted.\n")
    signal_ids = list(runs[scales[-1]]["onregel"]["aantallen"]["per_signaal"])
    L.append("| signal | " + " | ".join(f"N = {k:,}" for k in scales) + " |")
    L.append("|---|" + "---:|" * len(scales))
    share = lambda n, k: f"{n:,} ({100 * n / k:.2f} %)"
    for sid in signal_ids:
        L.append(f"| `{sid}` | " + " | ".join(share(runs[k]["onregel"]["aantallen"]["per_signaal"].get(sid, 0), k) for k in scales) + " |")
    L.append("| **any signal** | " + " | ".join(f"**{share(runs[k]['onregel']['aantallen']['gemarkeerde_objecten'], k)}**" for k in scales) + " |")
    L.append("")

    # Targets
    # Issue #7's targets as #23 tightened them (10M in 30 s and 4 GiB, the read in 15 s, growth ≤ 10).
    L.append("## Targets (issues #7, #17 and #23)\n")
    L.append("| target | measured | verdict |")
    L.append("|---|---|---|")
    big = runs.get(10_000_000)
    one = runs.get(1_000_000)
    if big:
        t = big["onregel"]["time"]
        L.append(f"| 10M objects: full run ≤ 30 s wall | {fmt(t['wall_s'])} s | {verdict(t['wall_s'] <= 30)} |")
        L.append(f"| 10M objects: ≤ 4 GiB RSS | {t['max_rss_kb'] / GIB:.2f} GiB | {verdict(t['max_rss_kb'] <= 4 * GIB)} |")
        read = big["onregel"]["tijden_ms"]["read"] / 1000
        L.append(f"| 10M objects: read ≤ 15 s | {fmt(read)} s | {verdict(read <= 15)} |")
    else:
        L.append("| 10M objects: full run ≤ 30 s wall, ≤ 4 GiB RSS, read ≤ 15 s | not measured | – |")
    if one and "postgis" in one:
        o = one["onregel"]["time"]["wall_s"]
        rp, rg = one["postgis"]["time"]["wall_s"] / o, one["geopandas"]["time"]["wall_s"] / o
        L.append(f"| 1M: ≥ 10× faster than PostGIS end to end | {rp:.1f}× | {verdict(rp >= 10)} |")
        L.append(f"| 1M: ≥ 20× faster than GeoPandas | {rg:.1f}× | {verdict(rg >= 20)} |")
    else:
        L.append("| 1M: ≥ 10× PostGIS, ≥ 20× GeoPandas | not measured | – |")
    ref_run = one or main
    t = ref_run["onregel"]["tijden_ms"]
    after = sum(v for s, v in t.items() if s not in ("config", "read"))
    L.append(f"| everything after reading ≤ ½ the read time (N = {ref_run['scale']:,}) | {after / t['read']:.2f} | {verdict(after <= t['read'] / 2)} |")
    ratio = t["read"] / 1000 / gdal_reference(ref_run)[1]
    L.append(f"| reading within 1.5× of GDAL's raw read (N = {ref_run['scale']:,}) | {ratio:.2f}× | {verdict(ratio <= 1.5)} |")
    if big and one:
        g = big["onregel"]["time"]["wall_s"] / one["onregel"]["time"]["wall_s"]
        L.append(f"| time(10M) / time(1M) ≤ 10 | {g:.1f} | {verdict(g <= 10)} |")
    else:
        L.append("| time(10M) / time(1M) ≤ 10 | not measured | – |")
    L.append(f"| threads 1 → 2, analysis stages ≥ 1.6× | {fmt(speedup) + '×' if speedup else 'not measured'} | "
             f"{verdict(speedup >= 1.6 if speedup else None)} |")
    if big:
        counts = big["onregel"]["aantallen"]
        flagged = counts["gemarkeerde_objecten"] / big["scale"]
        L.append(f"| #17: 10M objects with any signal ≤ 2 % | {100 * flagged:.2f} % | {verdict(flagged <= 0.02)} |")
        for sid in STATISTICAL:
            f = counts["per_signaal"].get(sid, 0) / big["scale"]
            L.append(f"| #17: 10M `{sid}` ≤ 1 % | {100 * f:.2f} % | {verdict(f <= 0.01)} |")
    L.append("")
    notes = os.path.join(os.path.dirname(out), "NOTES.md")
    if os.path.exists(notes):
        L.append(open(notes).read().rstrip() + "\n")
    with open(out, "w") as f:
        f.write("\n".join(L))


if __name__ == "__main__":
    if sys.argv[1] == "collect":
        collect(*sys.argv[2:6])
    else:
        report(*sys.argv[2:4])
