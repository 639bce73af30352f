#!/usr/bin/env bash
# Runs the whole test suite against a real PostgreSQL + PostGIS (database thd_test, or THD_DB,
# recreated each run when test.sh created it) and a real headless Chromium. Provisions what is
# missing, like ./run.sh.
# Extra arguments go to Maven, e.g. ./test.sh -Dtest=PhaseApiTest
set -euo pipefail
cd "$(dirname "$0")"
source import-scripts/lib/database.sh

thd_db_env thd_test
thd_ensure_build_tools
if [[ "$THD_DB_EXTERNAL" == 0 ]]; then
  thd_provision_local_cluster
  # a clean database every run (the tests load their own small demo into it): dropped only when a
  # script of this project created it, as the comment it carries says (docs/database-roles.md)
  thd_drop_own_database
  thd_provision_local_postgis
else
  echo "Tests sur la base désignée par SPRING_DATASOURCE_URL ($PGDATABASE) : elle doit être vide."
fi

tools=()
command -v ogr2ogr >/dev/null 2>&1 || tools+=(gdal-bin)
[[ -x /usr/bin/chromium ]] || tools+=(chromium)
[[ -x /usr/bin/chromedriver ]] || tools+=(chromium-driver)
command -v node >/dev/null 2>&1 || tools+=(nodejs)
if ((${#tools[@]})); then
  thd_install_or_explain "${tools[@]}"
fi

exec mvn -B -ntp verify "$@"
