#!/usr/bin/python3
"""GDAL's own raw read of the benchmark inputs, the reference for onregel's read stage: every feature of
the layers onregel reads, fetched through OGR (Debian's python3-gdal) and dropped.

usage: gdal_read.py BAG_GPKG KVK_CSV MELDINGEN_CSV  -> JSON {layer: seconds} on stdout
"""
import json
import sys
import time

from osgeo import ogr

ogr.UseExceptions()


def read(path, layer_name=None):
    dataset = ogr.Open(path)
    layer = dataset.GetLayerByName(layer_name) if layer_name else dataset.GetLayer(0)
    if layer is None:
        return None
    start = time.perf_counter()
    rows = 0
    feature = layer.GetNextFeature()
    while feature is not None:
        rows += 1
        feature = layer.GetNextFeature()
    return time.perf_counter() - start, rows


bag, kvk, meldingen = sys.argv[1:4]
seconds = {}
for name, path, layer in [("verblijfsobject", bag, "verblijfsobject"), ("pand", bag, "pand"),
                          ("kvk", kvk, None), ("meldingen", meldingen, None)]:
    result = read(path, layer)
    if result:
        seconds[name] = {"s": result[0], "rijen": result[1]}
print(json.dumps(seconds))
