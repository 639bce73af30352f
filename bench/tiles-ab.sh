#!/usr/bin/env bash
# Benchmark: the tile server of another revision (A) against this one (B), side by side on the same
# database and the same tiles (bench/tile-list.sql), wrk 64 connections alternated A B A B… after a
# warm-up, so that the machine's drift hits both alike. Prints requests/s and p50 / p99 per round.
#
#   bench/tiles-ab.sh REVISION [database=thd_full] [rounds=3]
#
# REVISION is built in a temporary git worktree (removed afterwards) and run with Flyway off, as the
# database's administrator (revisions before the database roles of issue 12 knew no other role).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
rev="${1:?usage: bench/tiles-ab.sh REVISION [database] [rounds]}"
db="${2:-thd_full}"
rounds="${3:-3}"
bench_use_database "$db"
command -v wrk >/dev/null 2>&1 || thd_install_or_explain wrk
mvn -q -B -DskipTests package
work=$(mktemp -d)
git worktree add -q --detach "$work/a" "$rev"
trap 'kill "${bench_server:-}" "${a_server:-}" 2>/dev/null; git worktree remove --force "$work/a"; rm -rf "$work"' EXIT
(cd "$work/a" && mvn -q -B -DskipTests package)
psql -tA -f bench/tile-list.sql >"$work/tiles.txt"
bench_wrk_tile_script "$work/tiles.txt" "$work/tiles.lua"
PORT=18201 java -XX:+UseParallelGC -Xmx2g -jar "$work/a/backend/target/thd-tracker.jar" --spring.flyway.enabled=false \
  --spring.datasource.url="jdbc:postgresql://$PGHOST:$PGPORT/$PGDATABASE" --spring.datasource.username="$THD_PG_ADMIN" \
  --thd.eligibility.on-start=none --logging.level.root=WARN >"$work/a.log" 2>&1 &
a_server=$!
# B as bench/tiles.sh runs it: the per-client rate limits lifted (wrk is one client)
bench_start_server 18202 2g "$work/b.log" --thd.eligibility.on-start=none \
  --thd.rate-limit.burst=100000000 --thd.rate-limit.per-second=100000000 --logging.level.root=WARN
for _ in $(seq 1 120); do curl -sf http://localhost:18201/actuator/health >/dev/null 2>&1 && break; sleep 1; done
for port in 18201 18202; do wrk -t2 -c64 -d10s -s "$work/tiles.lua" "http://localhost:$port" >/dev/null; done
for round in $(seq 1 "$rounds"); do
  for port in 18201 18202; do
    side=$([[ $port == 18201 ]] && echo "A $rev" || echo "B HEAD")
    echo "round $round, $side: $(wrk -t2 -c64 -d15s --latency -s "$work/tiles.lua" "http://localhost:$port" \
      | grep -E 'Requests/sec|50%|99%|Non-2xx' | tr -s ' ' | tr '\n' ' ')"
  done
done
