# shellcheck shell=bash
# Sourced by run.sh, test.sh and the import scripts: one place that decides which database to use.
#
# SPRING_DATASOURCE_URL / _USERNAME / _PASSWORD win when set (jdbc:postgresql://host:port/db);
# otherwise the local PostgreSQL on 127.0.0.1:5432 as user postgres, database $1 (default thd).
# Exports PGHOST PGPORT PGDATABASE PGUSER PGPASSWORD for psql/ogr2ogr and SPRING_DATASOURCE_* for Java.

thd_db_env() {
  local default_db="${1:-thd}"
  if [[ -n "${SPRING_DATASOURCE_URL:-}" ]]; then
    local rest="${SPRING_DATASOURCE_URL#jdbc:postgresql://}"
    if [[ "$rest" == "$SPRING_DATASOURCE_URL" ]]; then
      echo "SPRING_DATASOURCE_URL doit commencer par jdbc:postgresql:// (reçu : $SPRING_DATASOURCE_URL)" >&2
      return 1
    fi
    rest="${rest%%\?*}"
    local hostport="${rest%%/*}"
    export PGDATABASE="${rest#*/}"
    export PGHOST="${hostport%%:*}"
    if [[ "$hostport" == *:* ]]; then export PGPORT="${hostport##*:}"; else export PGPORT=5432; fi
    export PGUSER="${SPRING_DATASOURCE_USERNAME:-${PGUSER:-postgres}}"
    export PGPASSWORD="${SPRING_DATASOURCE_PASSWORD:-${PGPASSWORD:-}}"
    THD_DB_EXTERNAL=1
  else
    export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
    export PGPASSWORD="${PGPASSWORD:-}"
    export PGDATABASE="${THD_DB:-$default_db}"
    export SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$PGDATABASE"
    export SPRING_DATASOURCE_USERNAME="$PGUSER" SPRING_DATASOURCE_PASSWORD="$PGPASSWORD"
    THD_DB_EXTERNAL=0
  fi
  export THD_DB_EXTERNAL
}

thd_can_install() {
  [[ "$(id -u)" == 0 ]] || command -v sudo >/dev/null 2>&1
}

# Installs the Debian packages given when allowed (root or sudo), else says what to install.
thd_install_or_explain() {
  if thd_can_install; then
    echo "Installation de $*…"
    thd_apt_install "$@"
  else
    echo "Paquets manquants. Installez : sudo apt-get install $*" >&2
    return 1
  fi
}

thd_apt_install() {
  local sudo=""
  [[ "$(id -u)" == 0 ]] || sudo="sudo"
  if [[ -z "${THD_APT_UPDATED:-}" ]]; then
    $sudo apt-get update -qq >/dev/null
    THD_APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null
}

# Makes sure a local PostgreSQL with PostGIS answers, and that database $PGDATABASE exists with PostGIS.
thd_provision_local_postgis() {
  if ! command -v pg_lsclusters >/dev/null 2>&1; then
    thd_install_or_explain postgresql postgresql-15-postgis-3 || return 1
  fi
  local version cluster status
  read -r version cluster _ status _ < <(pg_lsclusters --no-header | head -n 1)
  if [[ -z "${version:-}" ]]; then
    echo "Aucun cluster PostgreSQL : créez-en un avec « pg_createcluster 15 main --start »" >&2
    return 1
  fi
  if [[ "$status" != online* ]]; then
    echo "Démarrage du cluster PostgreSQL $version/$cluster…"
    pg_ctlcluster --skip-systemctl-redirect "$version" "$cluster" start 2>/dev/null || pg_ctlcluster "$version" "$cluster" start
  fi
  for _ in $(seq 1 30); do
    psql -d postgres -tAc "SELECT 1" >/dev/null 2>&1 && break
    sleep 1
  done
  if [[ "$(psql -d postgres -tAc "SELECT count(*) FROM pg_available_extensions WHERE name = 'postgis'")" != 1 ]]; then
    thd_install_or_explain "postgresql-$version-postgis-3" || return 1
  fi
  if [[ "$(psql -d postgres -tAc "SELECT count(*) FROM pg_database WHERE datname = '$PGDATABASE'")" != 1 ]]; then
    echo "Création de la base $PGDATABASE…"
    createdb "$PGDATABASE"
  fi
  psql -q -d "$PGDATABASE" -c "CREATE EXTENSION IF NOT EXISTS postgis" >/dev/null
}

# Java 17+ and Maven, installed from Debian when missing.
thd_ensure_build_tools() {
  local missing=()
  if ! command -v java >/dev/null 2>&1 || ! java -version 2>&1 | grep -qE 'version "(1[7-9]|[2-9][0-9])'; then
    missing+=(openjdk-17-jdk-headless)
  fi
  command -v mvn >/dev/null 2>&1 || missing+=(maven)
  if ((${#missing[@]})); then
    thd_install_or_explain "${missing[@]}"
  fi
}
