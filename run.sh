#!/usr/bin/env bash
# Runs THD Tracker: provisions PostGIS locally if needed, migrates, loads the demo into an empty
# database, then serves http://localhost:8080 (PORT to change it).
#
#   ./run.sh                  small demo (65,000 lines, about a minute the first time)
#   ./run.sh --scale full     Brittany scale: 1.3 million lines (a few minutes)
#   ./run.sh --scale 0.2      any fraction of the full programme
#   ./run.sh --synthetic      generated territory even when real communes are available
#   ./run.sh --reset          drop the database first (the only option that deletes data; only a
#                             local database that run.sh or test.sh created)
#
# Real communes: when THD_DATA_DIR (default ../shared/data) holds admin/communes-bretagne.geojson and
# population/populations-legales-communes-bretagne.csv, they are imported before the demo is generated,
# then the Arcep observatory of ftth-arcep/ when it is there (public perimeter and figures per commune).
set -euo pipefail
cd "$(dirname "$0")"
source import-scripts/lib/database.sh
source import-scripts/lib/real-data.sh

scale=0.05
synthetic=0
reset=0
while (($#)); do
  case "$1" in
    --scale) shift; scale="${1:-}";;
    --scale=*) scale="${1#--scale=}";;
    --synthetic) synthetic=1;;
    --reset) reset=1;;
    -h|--help) sed -n '2,14p' "$0"; exit 0;;
    *) echo "Option inconnue : $1 (voir ./run.sh --help)" >&2; exit 2;;
  esac
  shift
done
case "$scale" in
  full) scale=1.0;;
  small) scale=0.05;;
esac
if ! [[ "$scale" =~ ^(0(\.[0-9]+)?|1(\.0+)?)$ ]] || [[ "$scale" =~ ^0(\.0*)?$ ]]; then
  echo "--scale attend full, small ou une fraction dans ]0, 1] (reçu : $scale)" >&2
  exit 2
fi

thd_db_env thd
thd_ensure_build_tools
if [[ "$THD_DB_EXTERNAL" == 0 ]]; then
  thd_provision_local_cluster
  if ((reset)); then
    # only a local database this project's scripts created (docs/database-roles.md)
    thd_drop_own_database
  fi
  thd_provision_local_postgis
elif ((reset)); then
  echo "--reset refuse de supprimer une base désignée par SPRING_DATASOURCE_URL" >&2
  exit 2
fi

jar=backend/target/thd-tracker.jar
if [[ ! -f "$jar" ]] || [[ -n "$(find pom.xml backend web gis-data -newer "$jar" -type f -not -path '*/target/*' -print -quit)" ]]; then
  echo "Compilation (Maven)…"
  mvn -q -B -DskipTests package
fi

java_opts=(-XX:+UseParallelGC)
echo "Migration du schéma…"
java "${java_opts[@]}" -jar "$jar" --spring.main.web-application-type=none --thd.demo.load=false --thd.eligibility.on-start=none \
  --logging.level.root=WARN --spring.main.banner-mode=off

premises=$(psql -tAc "SELECT count(*) FROM premise")
communes=$(psql -tAc "SELECT count(*) FROM commune")
data_dir="${THD_DATA_DIR:-../shared/data}"
if [[ "$premises" == 0 && "$communes" == 0 && "$synthetic" == 0 ]] && thd_real_data_available "$data_dir"; then
  thd_import_real_data "$data_dir" || { echo "(ou ./run.sh --synthetic pour un territoire généré)" >&2; exit 1; }
fi

if [[ "$premises" == 0 ]]; then
  echo "Chargement de la démo (échelle $scale)…"
  java "${java_opts[@]}" -Xmx6g -jar "$jar" --spring.main.web-application-type=none --thd.eligibility.on-start=sync \
    --thd.demo.load=true --thd.demo.scale="$scale"
else
  echo "La base contient déjà $premises locaux : pas de rechargement (./run.sh --reset pour repartir de zéro)."
fi

# the documented demo accounts only in a local database the demo generator loaded (it writes
# demo.seed) — never on a server named by SPRING_DATASOURCE_URL; the application also checks, and
# never resets a password that exists
demo_accounts=false
if [[ "$THD_DB_EXTERNAL" == 0 && "$(psql -tAc "SELECT count(*) FROM dataset_info WHERE key = 'demo.seed'")" != 0 ]]; then
  demo_accounts=true
  echo "THD Tracker sur http://localhost:${PORT:-8080}  (comptes de démo absents créés : viewer, engineer, operator, admin ; mot de passe <nom>-demo)"
else
  echo "THD Tracker sur http://localhost:${PORT:-8080}  (pas de compte de démo : base externe ou non chargée par la démo ; THD_ADMIN_PASSWORD crée « admin »)"
fi
exec java "${java_opts[@]}" -jar "$jar" --thd.demo.accounts="$demo_accounts"
