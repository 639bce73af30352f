# shellcheck shell=bash
# Shared by the bench/*.sh harnesses: medians, and writing a result table into docs/benchmarks.md
# between the markers <!-- NAME:begin --> and <!-- NAME:end -->.

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
