#!/usr/bin/env bash
# Benchmark: full eligibility recompute at full scale against the set-based SQL floor
# (bench/eligibility-floor.sql, straight-line distances, one statement).
#
#   bench/eligibility.sh [database=thd_full] [runs=3]
#
# Loads the full demo into the database first when it holds no premises, as ./run.sh does (the real
# territory and the Arcep observatory first when THD_DATA_DIR, default ../shared/data, holds them;
# THD_BENCH_SYNTHETIC=1 for the generated territory). Writes its table into docs/benchmarks.md.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
source import-scripts/lib/real-data.sh
db="${1:-thd_full}"
runs="${2:-3}"
bench_use_database "$db"
thd_provision_local_postgis
mvn -q -B -DskipTests package
jar=backend/target/thd-tracker.jar
app() { java -XX:+UseParallelGC -Xmx6g -jar "$jar" --spring.main.web-application-type=none "$@"; }

premises=$(psql -tAc "SELECT count(*) FROM premise" 2>/dev/null || echo 0)
if [[ "$premises" == 0 ]]; then
  app --thd.demo.load=false --thd.eligibility.on-start=none >/dev/null
  data_dir="${THD_DATA_DIR:-../shared/data}"
  if [[ "${THD_BENCH_SYNTHETIC:-0}" == 0 && "$(psql -tAc "SELECT count(*) FROM commune")" == 0 ]] \
      && thd_real_data_available "$data_dir"; then
    thd_import_real_data "$data_dir" >/dev/null
  fi
  app --thd.demo.load=true --thd.demo.scale=1.0 --thd.eligibility.on-start=none >/dev/null
  premises=$(psql -tAc "SELECT count(*) FROM premise")
fi
buildings=$(psql -tAc "SELECT count(*) FROM building")
echo "Préchauffage (graphe routier en cache)…"
app --thd.eligibility.on-start=always | grep -E 'Graphe routier' | sed 's/.*: //'

: >/tmp/thd-elig ; : >/tmp/thd-elig-steps
for i in $(seq 1 "$runs"); do
  log=$(app --thd.eligibility.on-start=always)
  echo "$log" | grep -oE 'recalculée : .*' | tee -a /tmp/thd-elig-steps
  echo "$log" | grep -oE 'étapes : .*' >>/tmp/thd-elig-steps
  echo "$log" | grep -oE 'en [0-9.]+ s' | tail -1 | grep -oE '[0-9.]+' >>/tmp/thd-elig
done
: >/tmp/thd-floor
for i in $(seq 1 "$runs"); do
  psql -q -c '\timing on' -f bench/eligibility-floor.sql | grep -oE 'Time: [0-9.]+' | tail -1 | cut -d' ' -f2 \
    | awk '{printf "%.1f\n", $1 / 1000}' >>/tmp/thd-floor
done
psql -qc "DROP TABLE IF EXISTS eligibility_floor"
ours=$(bench_median </tmp/thd-elig)
floor=$(bench_median </tmp/thd-floor)
ratio=$(echo "scale=2; $ours / $floor" | bc | xargs printf "%.2f")
routed=$(psql -tAc "SELECT round(100.0 * count(*) FILTER (WHERE exchange_routed) / count(*), 2) FROM eligibility")
table=$(cat <<MD
Command: \`bench/eligibility.sh $db $runs\` — $(date -u +%Y-%m-%d), $(nproc) cores, $(bench_versions), $premises lines in $buildings buildings, JVM \`-Xmx6g\`.

| measure (median of $runs) | seconds |
|---|---:|
| full recompute, road distances (GraphHopper), both injection points, table + address index written | $ours |
| floor: one SQL statement, straight-line distances, same classification, table written | $floor |
| **ratio recompute / floor** | **$ratio** |

Buildings measured along the roads: $routed % (the rest: straight line × detour factor, flagged).
Steps of the last run: $(tail -1 /tmp/thd-elig-steps).
Runs (s): $(paste -sd' ' /tmp/thd-elig); floor runs (s): $(paste -sd' ' /tmp/thd-floor).
MD
)
bench_write_section eligibility "$table"
echo "$table"
