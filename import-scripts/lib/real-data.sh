# shellcheck shell=bash
# Imports the real territory and, when it is there, the Arcep observatory from a data directory
# (default ../shared/data: read where it is, never copied) into an empty database, as ./run.sh
# does before loading the demo. Sourced after lib/database.sh (the PG* settings). The benchmarks
# load their databases the same way, so what they measure is what ./run.sh runs.
#
#   thd_real_data_available DIR    true when DIR holds the communes and the populations
#   thd_import_real_data DIR       territory, then the Arcep observatory if DIR/ftth-arcep has it

thd_real_data_available() {
  local dir="$1"
  [[ -f "$dir/admin/communes-bretagne.geojson" && -f "$dir/population/populations-legales-communes-bretagne.csv" ]]
}

thd_import_real_data() {
  local dir="$1" scripts
  scripts="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  command -v ogr2ogr >/dev/null 2>&1 || thd_install_or_explain gdal-bin || return 1
  echo "Import des communes réelles depuis $dir…"
  "$scripts/import-territory.sh" \
    --communes "$dir/admin/communes-bretagne.geojson" \
    --populations "$dir/population/populations-legales-communes-bretagne.csv" \
    --movements "$dir/population/mouvements-communes-bretagne-depuis-2018.csv" \
    --epci "$dir/admin/epci-bretagne-region-bretagne.geojson" || return 1
  # the Arcep observatory (public perimeter, logements, connectable premises) when it is there too;
  # the demo generator then reads the perimeter
  if compgen -G "$dir/ftth-arcep/*communes-info*.csv" >/dev/null; then
    echo "Import de l'observatoire Arcep depuis $dir/ftth-arcep…"
    "$scripts/import-arcep.sh" --dir "$dir/ftth-arcep" \
      --movements "$dir/population/mouvements-communes-bretagne-depuis-2018.csv" || return 1
  fi
}
