#!/usr/bin/env bash
# Benchmark: loading the demo at full scale (the programme's 1.3 million lines, plus the private
# towns' premises) on this machine, against the database's own floor for the same rows (psql \copy
# of the buildings, lines and history rows generated, plus rebuilding the same indexes and keys).
#
#   bench/load-full.sh [runs=3] [scale=1.0]
#
# Uses database thd_bench (recreated for each run; the real data set, if any, is not touched) and
# writes its table between the markers of docs/benchmarks.md. Like ./run.sh, the real territory
# and the Arcep observatory are imported first when THD_DATA_DIR (default ../shared/data) holds
# them (not timed: the import scripts are measured by their tests); THD_BENCH_SYNTHETIC=1 for the
# generated territory.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
source import-scripts/lib/real-data.sh
runs="${1:-3}"
scale="${2:-1.0}"
bench_use_database thd_bench
thd_provision_local_postgis
mvn -q -B -DskipTests package
jar=backend/target/thd-tracker.jar
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

now() { date +%s.%N; }
fresh_db() {
  thd_drop_own_database >/dev/null
  thd_provision_local_postgis >/dev/null
  java -jar "$jar" --spring.main.web-application-type=none --thd.eligibility.on-start=none --logging.level.root=WARN --spring.main.banner-mode=off
}
data_dir="${THD_DATA_DIR:-../shared/data}"
real=0
if [[ "${THD_BENCH_SYNTHETIC:-0}" == 0 ]] && thd_real_data_available "$data_dir"; then
  real=1
fi
territory() {
  if ((real)); then thd_import_real_data "$data_dir" >/dev/null; fi
}

: >"$work/generator" ; : >"$work/wall"
for i in $(seq 1 "$runs"); do
  fresh_db
  territory
  t0=$(now)
  java -XX:+UseParallelGC -Xmx6g -jar "$jar" --spring.main.web-application-type=none \
    --thd.demo.load=true --thd.demo.scale="$scale" --thd.eligibility.on-start=none >"$work/run.log" 2>&1
  t1=$(now)
  grep -oE 'Démo chargée : .*' "$work/run.log"
  grep -oE '[0-9.]+ s$' "$work/run.log" | tail -1 | cut -d' ' -f1 >>"$work/generator"
  echo "$t1 - $t0" | bc >>"$work/wall"
done
premises=$(psql -tAc "SELECT count(*) FROM premise")
buildings=$(psql -tAc "SELECT count(*) FROM building")
programme=$(psql -tAc "SELECT sum(lines) FROM building WHERE pm_zone_id IS NOT NULL")
events=$(psql -tAc "SELECT (SELECT count(*) FROM building_event) + (SELECT count(*) FROM premise_event)")

# the floor: the same rows, loaded by psql \copy into the same schema, same index/FK rebuild
tables=(building premise building_event premise_event)
declare -A columns
for t in "${tables[@]}"; do
  # the stored columns only (building.lines is generated)
  columns[$t]=$(psql -tAc "SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum) FROM pg_attribute
                           WHERE attrelid = '$t'::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = ''")
  psql -qc "\copy (SELECT ${columns[$t]} FROM $t) TO '$work/$t.csv' (FORMAT csv)"
done
psql -qc "\copy (SELECT * FROM pm_zone) TO '$work/pm.csv' (FORMAT csv)"
pg_dump --data-only --table='(department|epci|commune|dataset_info|contractor|contract|phase|tranche|deployment_zone|operator|import_batch|exchange|sub_distributor|upgrade_operation|commune_perimeter|arcep_commune|arcep_epci|arcep_deployment)' \
  "$PGDATABASE" >"$work/rest.sql" 2>/dev/null
in_list="'building'::regclass, 'premise'::regclass, 'building_event'::regclass, 'premise_event'::regclass"
: >"$work/floor"
for i in $(seq 1 "$runs"); do
  fresh_db >/dev/null
  psql -q -v ON_ERROR_STOP=1 -c "SET session_replication_role = replica" -f "$work/rest.sql" >/dev/null 2>&1 || psql -q -f "$work/rest.sql" >/dev/null
  psql -qc "\copy pm_zone FROM '$work/pm.csv' (FORMAT csv)"
  # drop and rebuild exactly what the loader does (BulkCopy): definitions read from the catalogue
  psql -tA >"$work/drop.sql" <<SQL
SELECT 'ALTER TABLE ' || conrelid::regclass || ' DROP CONSTRAINT ' || conname || ';' FROM pg_constraint
WHERE conrelid IN ($in_list) AND contype = 'f'
UNION ALL
SELECT 'DROP INDEX ' || indexrelid::regclass || ';' FROM pg_index
WHERE indrelid IN ($in_list) AND NOT indisprimary AND NOT indisunique;
SQL
  psql -tA >"$work/rebuild.sql" <<SQL
SELECT pg_get_indexdef(indexrelid) || ';' FROM pg_index
WHERE indrelid IN ($in_list) AND NOT indisprimary AND NOT indisunique
UNION ALL
SELECT 'ALTER TABLE ' || conrelid::regclass || ' ADD CONSTRAINT ' || conname || ' ' || pg_get_constraintdef(oid) || ';'
FROM pg_constraint WHERE conrelid IN ($in_list) AND contype = 'f';
SQL
  t0=$(now)
  { echo "BEGIN;"; cat "$work/drop.sql"
    for t in "${tables[@]}"; do echo "\\copy $t (${columns[$t]}) FROM '$work/$t.csv' (FORMAT csv)"; done
    cat "$work/rebuild.sql"; echo "COMMIT;"; } | psql -q -v ON_ERROR_STOP=1
  t1=$(now)
  echo "$t1 - $t0" | bc >>"$work/floor"
done

gen=$(bench_median <"$work/generator" | xargs printf '%.1f')
wall=$(bench_median <"$work/wall" | xargs printf '%.1f')
floor=$(bench_median <"$work/floor" | xargs printf '%.1f')
ratio=$(echo "scale=2; $gen / $floor" | bc | xargs printf "%.2f")
table=$(cat <<MD
Command: \`bench/load-full.sh $runs $scale\` — $(date -u +%Y-%m-%d), $(nproc) cores, $(bench_versions); territory: $( ((real)) && echo "real communes + Arcep observatory (as ./run.sh)" || echo synthetic).

| measure (median of $runs) | seconds |
|---|---:|
| demo load, generator's own timer (generate + COPY + indexes + zone geometries, one transaction) | $gen |
| demo load, wall clock of the process (JVM start and Flyway check included) | $wall |
| floor: psql \\copy of the same $buildings buildings, $premises lines ($programme in the programme) and $events history rows + same indexes and keys | $floor |
| **ratio generator / floor** | **$ratio** |

Runs (generator s): $(xargs printf '%.1f ' <"$work/generator"); floor runs (s): $(xargs printf '%.1f ' <"$work/floor").
MD
)
bench_write_section load "$table"
echo "$table"
