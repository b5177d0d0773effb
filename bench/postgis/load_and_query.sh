#!/usr/bin/env bash
# The timed PostGIS part: load the inputs with ogr2ogr (GiST index included), then bench/postgis/queries.sql.
# usage: load_and_query.sh PORT DATA_DIR OUT_CSV [NAME=VALUE ...]
# NAME=VALUE: psql variables for queries.sql (the lines of `onregel config --default | bench/peer_params.py psql`).
set -euo pipefail
port=$1 data=$2 out=$3
shift 3
vars=()
for v in "$@"; do vars+=(-v "$v"); done
here=$(cd "$(dirname "$0")" && pwd)
start=$(date +%s.%N)
pg="PG:host=127.0.0.1 port=$port user=postgres dbname=bench"

# BAG beside the two CSVs, as onregel reads them side by side; only the columns onregel keeps of meldingen.
ogr2ogr -f PostgreSQL "$pg" "$data/bag.gpkg" verblijfsobject -nln vbo -preserve_fid -lco FID=fid \
    -lco GEOMETRY_NAME=geom -lco SPATIAL_INDEX=GIST -gt 100000 &
bag=$!
ogr2ogr -f PostgreSQL "$pg" "$data/kvk_vestigingen.csv" -nln kvk -oo SEPARATOR=SEMICOLON -gt 100000
ogr2ogr -f PostgreSQL "$pg" "$data/meldingen.csv" -nln meldingen -oo SEPARATOR=SEMICOLON -gt 100000 \
    -select id,datum,categorie,bron,x,y,postcode,huisnummer,huisletter,toevoeging
wait "$bag"
loaded=$(date +%s.%N)
psql -X -q -e -h 127.0.0.1 -p "$port" -U postgres -d bench "${vars[@]}" -v out="$out" -f "$here/queries.sql"
end=$(date +%s.%N)
awk -v s="$start" -v l="$loaded" -v e="$end" 'BEGIN { printf "{\"load_s\": %.3f, \"queries_s\": %.3f}\n", l - s, e - l }' > "$out.stages.json"
