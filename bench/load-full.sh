#!/usr/bin/env bash
# Benchmark: loading the demo at full scale (1.3 million lines) on this machine, against the
# database's own floor for the same rows (psql \copy of the premise and history rows generated,
# plus rebuilding the same indexes and foreign keys).
#
#   bench/load-full.sh [runs=3] [scale=1.0]
#
# Uses database thd_bench (recreated for each run; the real data set, if any, is not touched) and
# writes its table between the markers of docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
source import-scripts/lib/database.sh
runs="${1:-3}"
scale="${2:-1.0}"
unset SPRING_DATASOURCE_URL
THD_DB=thd_bench thd_db_env thd_bench
thd_provision_local_postgis
mvn -q -B -DskipTests package
jar=backend/target/thd-tracker.jar
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
now() { date +%s.%N; }
fresh_db() {
  dropdb --if-exists "$PGDATABASE"
  thd_provision_local_postgis >/dev/null
  java -jar "$jar" --spring.main.web-application-type=none --logging.level.root=WARN
}

: >"$work/generator" ; : >"$work/wall"
for i in $(seq 1 "$runs"); do
  fresh_db
  t0=$(now)
  java -XX:+UseParallelGC -Xmx6g -jar "$jar" --spring.main.web-application-type=none \
    --thd.demo.load=true --thd.demo.scale="$scale" >"$work/run.log" 2>&1
  t1=$(now)
  grep -oE 'Démo chargée : .*' "$work/run.log"
  grep -oE '[0-9.]+ s$' "$work/run.log" | tail -1 | cut -d' ' -f1 >>"$work/generator"
  echo "$t1 - $t0" | bc >>"$work/wall"
done
premises=$(psql -tAc "SELECT count(*) FROM premise")
events=$(psql -tAc "SELECT count(*) FROM premise_event")

# the floor: the same rows, loaded by psql \copy into the same schema, same index/FK rebuild
psql -qc "\copy premise TO '$work/premise.csv' (FORMAT csv)"
psql -qc "\copy (SELECT premise_id, field, old_value, new_value, effective_on, recorded_at, source, batch_id FROM premise_event) TO '$work/event.csv' (FORMAT csv)"
psql -qc "\copy (SELECT * FROM pm_zone) TO '$work/pm.csv' (FORMAT csv)"
pg_dump --data-only --table='(department|epci|commune|dataset_info|contractor|contract|phase|tranche|deployment_zone|operator|import_batch|exchange|sub_distributor|upgrade_operation)' \
  "$PGDATABASE" >"$work/rest.sql"
: >"$work/floor"
for i in $(seq 1 "$runs"); do
  fresh_db >/dev/null
  psql -q -v ON_ERROR_STOP=1 -c "SET session_replication_role = replica" -f "$work/rest.sql" >/dev/null 2>&1 || psql -q -f "$work/rest.sql" >/dev/null
  psql -qc "\copy pm_zone FROM '$work/pm.csv' (FORMAT csv)"
  t0=$(now)
  psql -q -v ON_ERROR_STOP=1 <<SQL
BEGIN;
DROP INDEX premise_geom_idx, premise_insee_idx, premise_pm_zone_idx, premise_sub_distributor_idx, premise_state_idx,
           premise_event_premise_idx, premise_event_batch_idx;
ALTER TABLE premise_event DROP CONSTRAINT premise_event_premise_id_fkey, DROP CONSTRAINT premise_event_batch_id_fkey;
ALTER TABLE premise DROP CONSTRAINT premise_insee_fkey, DROP CONSTRAINT premise_pm_zone_id_fkey,
                    DROP CONSTRAINT premise_operator_id_fkey, DROP CONSTRAINT premise_sub_distributor_fk;
\copy premise FROM '$work/premise.csv' (FORMAT csv)
\copy premise_event (premise_id, field, old_value, new_value, effective_on, recorded_at, source, batch_id) FROM '$work/event.csv' (FORMAT csv)
CREATE INDEX premise_geom_idx ON premise USING gist (geom);
CREATE INDEX premise_insee_idx ON premise (insee);
CREATE INDEX premise_pm_zone_idx ON premise (pm_zone_id);
CREATE INDEX premise_sub_distributor_idx ON premise (sub_distributor_id);
CREATE INDEX premise_state_idx ON premise (state);
CREATE INDEX premise_event_premise_idx ON premise_event (premise_id, field, effective_on);
CREATE INDEX premise_event_batch_idx ON premise_event (batch_id);
ALTER TABLE premise ADD CONSTRAINT premise_insee_fkey FOREIGN KEY (insee) REFERENCES commune (insee),
                    ADD CONSTRAINT premise_pm_zone_id_fkey FOREIGN KEY (pm_zone_id) REFERENCES pm_zone (id),
                    ADD CONSTRAINT premise_operator_id_fkey FOREIGN KEY (operator_id) REFERENCES operator (id),
                    ADD CONSTRAINT premise_sub_distributor_fk FOREIGN KEY (sub_distributor_id) REFERENCES sub_distributor (id);
ALTER TABLE premise_event ADD CONSTRAINT premise_event_premise_id_fkey FOREIGN KEY (premise_id) REFERENCES premise (id),
                          ADD CONSTRAINT premise_event_batch_id_fkey FOREIGN KEY (batch_id) REFERENCES import_batch (id);
COMMIT;
SQL
  t1=$(now)
  echo "$t1 - $t0" | bc >>"$work/floor"
done

gen=$(median <"$work/generator")
wall=$(median <"$work/wall")
floor=$(median <"$work/floor")
ratio=$(echo "scale=2; $gen / $floor" | bc)
table=$(cat <<MD
Command: \`bench/load-full.sh $runs $scale\` — $(date -u +%Y-%m-%d), $(nproc) cores, $(psql -tAc "SELECT 'PostgreSQL ' || current_setting('server_version') || ', PostGIS ' || postgis_lib_version()").

| measure (median of $runs) | seconds |
|---|---:|
| demo load, generator's own timer (generate + COPY + indexes + zone geometries, one transaction) | $gen |
| demo load, wall clock of the process (JVM start and Flyway check included) | $wall |
| floor: psql \\copy of the same $premises premises and $events history rows + same indexes and keys | $floor |
| **ratio generator / floor** | **$ratio** |

Runs (generator s): $(paste -sd' ' "$work/generator"); floor runs (s): $(paste -sd' ' "$work/floor").
MD
)
python3 - "$table" <<'PY'
import re, sys
path = 'docs/benchmarks.md'
text = open(path, encoding='utf-8').read()
block = '<!-- load:begin -->\n' + sys.argv[1] + '\n<!-- load:end -->'
text = re.sub(r'<!-- load:begin -->.*?<!-- load:end -->', lambda m: block, text, flags=re.S)
open(path, 'w', encoding='utf-8').write(text)
PY
echo "$table"
