#!/usr/bin/env bash
# Benchmark: the Excel progress report of the whole region at full scale, with the server's heap
# bounded to 1 GB, against the JSON figures of its largest sheet (communes) as the reference.
#
#   bench/report.sh [database=thd_full] [runs=3]
#
# The database must hold the full demo with its eligibility computed (bench/eligibility.sh).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
db="${1:-thd_full}"
runs="${2:-3}"
port=18081
bench_use_database "$db"
mvn -q -B -DskipTests package
work=$(mktemp -d)
trap 'kill "${bench_server:-}" 2>/dev/null; rm -rf "$work"' EXIT
bench_start_server "$port" 1g "$work/server.log" --thd.eligibility.on-start=none \
  --thd.demo.accounts=true --logging.level.root=WARN
date=$(psql -tAc "SELECT value FROM dataset_info WHERE key = 'data.refresh_date'")
auth=(-u viewer:viewer-demo)
curl -sf "${auth[@]}" -o /dev/null "http://localhost:$port/api/reports/progress.xlsx?asOf=$date"   # warm-up
: >"$work/report"; : >"$work/json"
for i in $(seq 1 "$runs"); do
  curl -sf "${auth[@]}" -o "$work/report.xlsx" -w '%{time_total}\n' "http://localhost:$port/api/reports/progress.xlsx?asOf=$date" >>"$work/report"
  curl -sf "${auth[@]}" -o /dev/null -w '%{time_total}\n' "http://localhost:$port/api/progress?by=commune&asOf=$date" >>"$work/json"
done
report=$(bench_median <"$work/report" | xargs printf '%.2f')
json=$(bench_median <"$work/json" | xargs printf '%.2f')
ratio=$(echo "scale=2; $report / $json" | bc | xargs printf '%.2f')
size=$(stat -c %s "$work/report.xlsx")
table=$(cat <<MD
Command: \`bench/report.sh $db $runs\` — $(date -u +%Y-%m-%d), $(nproc) cores, $(bench_versions), $(psql -tAc "SELECT count(*) FROM premise") premises, server heap \`-Xmx1g\`, as of $date.

| measure (median of $runs, over HTTP) | seconds |
|---|---:|
| \`GET /api/reports/progress.xlsx\` (region: 9 sheets, native chart, $(( size / 1024 )) kB) | $report |
| reference: \`GET /api/progress?by=commune\` (the figures of its largest sheet, JSON) | $json |
| **ratio report / reference** | **$ratio** |

Runs (s): $(xargs printf '%.2f ' <"$work/report"); reference runs (s): $(xargs printf '%.2f ' <"$work/json").
MD
)
bench_write_section report "$table"
echo "$table"
