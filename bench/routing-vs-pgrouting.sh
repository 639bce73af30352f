#!/usr/bin/env bash
# Benchmark: road distances from every injection point of the copper network (exchanges and
# cabinets), within the recompute's 12 km limit, GraphHopper (our RoadGraph) against pgRouting's
# pgr_drivingDistance on the same roads and the same injection points.
#
#   bench/routing-vs-pgrouting.sh [database=thd_full] [runs=3]
#
# The database must hold a demo (./run.sh --scale full, or THD_DB=thd_full ./run.sh --scale full).
# Installs postgresql-15-pgrouting when missing. Writes its table into docs/benchmarks.md.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
db="${1:-thd_full}"
runs="${2:-3}"
limit=12000
bench_use_database "$db"
if [[ "$(psql -d postgres -tAc "SELECT count(*) FROM pg_available_extensions WHERE name = 'pgrouting'")" != 1 ]]; then
  thd_install_or_explain "postgresql-$(pg_lsclusters --no-header | awk 'NR==1 {print $1}')-pgrouting"
fi

echo "Graphe pgRouting (segments des routes, sommets partagés au centimètre)…"
# an extension is the cluster administrator's to install; the rest is the schema owner's work
thd_admin_psql -c "CREATE EXTENSION IF NOT EXISTS pgrouting"
psql -q -v ON_ERROR_STOP=1 <<SQL
DROP SCHEMA IF EXISTS bench_routing CASCADE;
CREATE SCHEMA bench_routing;
CREATE TABLE bench_routing.point AS
SELECT r.id AS road_id, (d).path[1] AS n, round(ST_X((d).geom) * 100)::bigint AS x, round(ST_Y((d).geom) * 100)::bigint AS y
FROM (SELECT id, ST_DumpPoints(geom) AS d FROM road) r;
CREATE TABLE bench_routing.vertex AS
SELECT row_number() OVER (ORDER BY x, y) AS id, x, y, ST_SetSRID(ST_MakePoint(x / 100.0, y / 100.0), 2154) AS geom
FROM (SELECT DISTINCT x, y FROM bench_routing.point) v;
CREATE INDEX ON bench_routing.vertex (x, y);
CREATE INDEX ON bench_routing.vertex USING gist (geom);
CREATE TABLE bench_routing.edge AS
SELECT row_number() OVER () AS id, va.id AS source, vb.id AS target,
       sqrt(((b.x - a.x)::float8) ^ 2 + ((b.y - a.y)::float8) ^ 2) / 100.0 AS cost
FROM bench_routing.point a
JOIN bench_routing.point b ON b.road_id = a.road_id AND b.n = a.n + 1
JOIN bench_routing.vertex va ON va.x = a.x AND va.y = a.y
JOIN bench_routing.vertex vb ON vb.x = b.x AND vb.y = b.y;
CREATE TABLE bench_routing.start AS
SELECT ip.id, v.id AS vid
FROM ($(grep -v '^--' bench/injection-points.sql)) ip
CROSS JOIN LATERAL (SELECT id FROM bench_routing.vertex ORDER BY geom <-> ip.geom LIMIT 1) v;
ANALYZE bench_routing.edge;
SQL
edges=$(psql -tAc "SELECT count(*) FROM bench_routing.edge")
vertices=$(psql -tAc "SELECT count(*) FROM bench_routing.vertex")
starts=$(psql -tAc "SELECT count(*) FROM bench_routing.start")

: >/tmp/thd-pgr-times
for i in $(seq 1 "$runs"); do
  out=$(psql -tA <<SQL
\timing on
SELECT count(*) FROM pgr_drivingDistance(
  'SELECT id, source, target, cost, cost AS reverse_cost FROM bench_routing.edge',
  (SELECT array_agg(vid ORDER BY id) FROM bench_routing.start), $limit, directed => false);
SQL
)
  echo "$out" | grep -E '^[0-9]+$' | head -1 >/tmp/thd-pgr-rows
  echo "$out" | grep -oE 'Time: [0-9.]+' | cut -d' ' -f2 >>/tmp/thd-pgr-times
done
pgr_ms=$(bench_median </tmp/thd-pgr-times)
pgr_rows=$(cat /tmp/thd-pgr-rows)

echo "GraphHopper…"
mvn -q -B -DskipTests install >/dev/null
gh_out=$(MAVEN_OPTS="-Xmx2g" mvn -q -B -pl backend exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass=fr.thdtracker.bench.RoutingBenchmark \
  -Dexec.args="$SPRING_DATASOURCE_URL $PGUSER ${PGPASSWORD:--} $limit $runs $PWD/bench/injection-points.sql" 2>&1 \
  | grep -E '^(graph|trees):')
echo "$gh_out"
gh_ms=$(echo "$gh_out" | grep -oE 'median [0-9.]+' | cut -d' ' -f2)
ratio=$(echo "scale=1; $pgr_ms / $gh_ms" | bc | xargs printf "%.1f")
table=$(cat <<MD
Command: \`bench/routing-vs-pgrouting.sh $db $runs\` — $(date -u +%Y-%m-%d), $(nproc) cores, $(psql -tAc "SELECT 'PostgreSQL ' || current_setting('server_version') || ', pgRouting ' || pgr_version()"), GraphHopper 11.0.
Road network of \`$db\`: $(psql -tAc "SELECT count(*) FROM road") roads; $starts injection points; limit $limit m.

| engine (median of $runs) | graph | time for all trees (ms) |
|---|---|---:|
| pgRouting \`pgr_drivingDistance\` (one call, all start vertices, undirected) | $vertices vertices, $edges segments; $pgr_rows (start, node) rows | $pgr_ms |
| GraphHopper \`ShortestPathTree\`, one tree per point (\`RoadGraph.Tree\`, after 3 warm-up rounds in the same JVM) | $(echo "$gh_out" | grep '^graph' | sed 's/graph: //') | $gh_ms |
| **ratio pgRouting / GraphHopper** | | **${ratio}×** |
MD
)
bench_write_section routing "$table"
echo "$table"
psql -qc "DROP SCHEMA bench_routing CASCADE"
