#!/usr/bin/env bash
# Benchmark: vector tiles at full scale. A fixed list of tiles from z6 to z18 over Brittany
# (bench/tile-list.sql), each layer: size and latency over HTTP against the same tile SQL run
# directly over JDBC (the floor); then 64 concurrent clients with wrk for 30 s on loopback.
#
#   bench/tiles.sh [database=thd_full]
#
# The database must hold a full demo (bench/eligibility.sh loads one). Starts its own server on
# port 18080 and stops it. Writes its tables into docs/benchmarks.md.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
db="${1:-thd_full}"
port=18080
bench_use_database "$db"
command -v wrk >/dev/null 2>&1 || thd_install_or_explain wrk
mvn -q -B -DskipTests install >/dev/null
work=$(mktemp -d)
# figures and tile aggregates first, in their own process; then the server, which serves at once
java -XX:+UseParallelGC -Xmx6g -jar backend/target/thd-tracker.jar --spring.main.web-application-type=none \
  --thd.eligibility.on-start=always --logging.level.root=WARN >"$work/recompute.log" 2>&1
trap 'kill "${bench_server:-}" 2>/dev/null; rm -rf "$work"' EXIT
# the per-client rate limits are lifted: this measures the server, and wrk is one client
bench_start_server "$port" 2g "$work/server.log" --thd.eligibility.on-start=none \
  --thd.rate-limit.burst=100000000 --thd.rate-limit.per-second=100000000 --logging.level.root=WARN
psql -tA -f bench/tile-list.sql >"$work/tiles.txt"
tiles=$(wc -l <"$work/tiles.txt")
echo "$tiles tuiles…"
out=$(MAVEN_OPTS="-Xmx1g" mvn -q -B -pl backend exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass=fr.thdtracker.tiles.TileBenchmark \
  -Dexec.args="http://localhost:$port $SPRING_DATASOURCE_URL $PGUSER ${PGPASSWORD:--} $work/tiles.txt" 2>&1 \
  | sed 's/\x1b\[[0-9;]*m//g' | grep -E '^\||^ALL|^HEAVY')
echo "$out"

# wrk: 64 connections on 2 threads for 30 s, cycling through the same tiles
bench_wrk_tile_script "$work/tiles.txt" "$work/tiles.lua"
load=$(wrk -t2 -c64 -d30s --latency -s "$work/tiles.lua" "http://localhost:$port" 2>&1)
echo "$load"
requests=$(echo "$load" | grep -oE '^ *[0-9]+ requests in' | grep -oE '[0-9]+')
non2xx=$(echo "$load" | grep -oE 'Non-2xx or 3xx responses: [0-9]+' | grep -oE '[0-9]+$' || echo 0)
socket=$(echo "$load" | grep -oE 'Socket errors: .*' || echo "Socket errors: none")
rps=$(echo "$load" | grep -oE 'Requests/sec: +[0-9.]+' | grep -oE '[0-9.]+$')
p50=$(echo "$load" | grep -E '^ +50%' | awk '{print $2}')
p99=$(echo "$load" | grep -E '^ +99%' | awk '{print $2}')
all=$(echo "$out" | grep '^ALL')
heavy=$(echo "$out" | grep '^HEAVY' || echo "HEAVY none")
table=$(cat <<MD
Command: \`bench/tiles.sh $db\` — $(date -u +%Y-%m-%d), $(nproc) cores, $(bench_versions), $(psql -tAc "SELECT count(*) FROM premise") lines in $(psql -tAc "SELECT count(*) FROM building") buildings; $tiles tiles (z6–z18, all layers), second of two sequential passes.

$(echo "$out" | grep '^|')

Overall: \`$all\` (latencies in ms; ratio = HTTP median / SQL median).
Tiles on which the database does real work: \`$heavy\`.

Load, \`wrk -t2 -c64 -d30s\` over the same tiles: $requests requests, $rps requests/s, latency p50 $p50, p99 $p99; non-2xx responses: ${non2xx:-0}; $socket.
MD
)
bench_write_section tiles "$table"
echo "$table"
