# shellcheck shell=bash
# Shared by the bench/*.sh harnesses: the database they measure, starting a server, medians, and
# writing a result table into docs/benchmarks.md between <!-- NAME:begin --> and <!-- NAME:end -->.
# Sourced first by each harness: works from the project root with the shared database settings.

cd "$(dirname "${BASH_SOURCE[0]}")/.."
source import-scripts/lib/database.sh

# A benchmark always runs on a local database of its own name, never on SPRING_DATASOURCE_URL's.
bench_use_database() {
  unset SPRING_DATASOURCE_URL
  THD_DB="$1" thd_db_env "$1"
}

# Starts the application as a server on port $1 with heap $2 (further arguments go to it), logs
# to $3, and waits until it answers. Sets bench_server to its pid; the caller's trap stops it.
bench_start_server() {
  local port="$1" heap="$2" log="$3"
  shift 3
  PORT=$port java -XX:+UseParallelGC -Xmx"$heap" -jar backend/target/thd-tracker.jar "$@" >"$log" 2>&1 &
  bench_server=$!
  for _ in $(seq 1 120); do
    curl -sf "http://localhost:$port/actuator/health" >/dev/null 2>&1 && return 0
    sleep 1
  done
  echo "Le serveur ne répond pas sur le port $port (voir $log)" >&2
  return 1
}

# Writes the wrk script ($2) that cycles through the tiles of a list ($1, lines layer/z/x/y).
bench_wrk_tile_script() {
  cat >"$2" <<LUA
local paths = {}
for line in io.lines("$1") do paths[#paths + 1] = "/tiles/" .. line .. ".mvt" end
local i = 0
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
LUA
}

bench_median() {
  sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'
}

bench_write_section() {
  local name="$1" table="$2"
  python3 - "$name" "$table" <<'PY'
import re, sys
name, table = sys.argv[1], sys.argv[2]
path = 'docs/benchmarks.md'
text = open(path, encoding='utf-8').read()
begin, end = f'<!-- {name}:begin -->', f'<!-- {name}:end -->'
if begin not in text:
    sys.exit(f'docs/benchmarks.md has no {begin} marker')
text = re.sub(re.escape(begin) + '.*?' + re.escape(end), lambda m: begin + '\n' + table + '\n' + end, text, flags=re.S)
open(path, 'w', encoding='utf-8').write(text)
PY
}

bench_versions() {
  psql -tAc "SELECT 'PostgreSQL ' || current_setting('server_version') || ', PostGIS ' || postgis_lib_version()"
}
