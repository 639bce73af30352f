# shellcheck shell=bash
# Sourced by run.sh, test.sh, the import scripts and the benchmarks: one place that decides which
# database to use, under which roles (docs/database-roles.md).
#
# SPRING_DATASOURCE_URL / _USERNAME / _PASSWORD win when set (jdbc:postgresql://host:port/db): an
# external database, which no script ever creates or drops. THD_OWNER_USERNAME / _PASSWORD name the
# role that owns the schema there (migrations, demo load, imports); unset, the one datasource role
# does everything (one-role installation, announced at start-up).
# Otherwise the local cluster on 127.0.0.1:5432, database $1 (default thd, THD_DB to change),
# administered as THD_PG_ADMIN (default: PGUSER, else postgres), owned by THD_OWNER_USERNAME
# (default thd_owner), the server connecting as THD_APP_ROLE (default thd_app); both roles are
# created on the cluster when missing (local trust authentication, no passwords).
# Exports PGHOST PGPORT PGDATABASE PGUSER PGPASSWORD for psql/ogr2ogr (as the owner) and
# SPRING_DATASOURCE_* and THD_OWNER_* for Java.

# Set as the comment of a database when a script of this project creates it; checked before any drop.
THD_DB_MARKER="thd-tracker: created by"

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
    # psql and ogr2ogr write the schema's tables: as the owner when there is one
    if [[ -n "${THD_OWNER_USERNAME:-}" ]]; then
      export PGUSER="$THD_OWNER_USERNAME" PGPASSWORD="${THD_OWNER_PASSWORD:-}"
    else
      export PGUSER="${SPRING_DATASOURCE_USERNAME:-${PGUSER:-postgres}}"
      export PGPASSWORD="${SPRING_DATASOURCE_PASSWORD:-${PGPASSWORD:-}}"
    fi
    THD_DB_EXTERNAL=1
  else
    export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}"
    export THD_PG_ADMIN="${THD_PG_ADMIN:-${PGUSER:-postgres}}" THD_PG_ADMIN_PASSWORD="${THD_PG_ADMIN_PASSWORD:-${PGPASSWORD:-}}"
    export PGDATABASE="${THD_DB:-$default_db}"
    if ! [[ "$PGDATABASE" =~ ^[a-z_][a-z0-9_]{0,62}$ ]]; then
      echo "Nom de base local invalide : $PGDATABASE (lettres minuscules, chiffres et _ seulement)" >&2
      return 1
    fi
    export THD_OWNER_USERNAME="${THD_OWNER_USERNAME:-thd_owner}" THD_OWNER_PASSWORD="${THD_OWNER_PASSWORD:-}"
    export THD_APP_ROLE="${THD_APP_ROLE:-thd_app}"
    export PGUSER="$THD_OWNER_USERNAME" PGPASSWORD="$THD_OWNER_PASSWORD"
    export SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$PGDATABASE"
    export SPRING_DATASOURCE_USERNAME="$THD_APP_ROLE" SPRING_DATASOURCE_PASSWORD=""
    THD_DB_EXTERNAL=0
  fi
  export THD_DB_EXTERNAL
}

# psql as the local cluster's administrator (creates roles and databases, installs PostGIS).
thd_admin_psql() {
  PGUSER="$THD_PG_ADMIN" PGPASSWORD="$THD_PG_ADMIN_PASSWORD" PGOPTIONS="-c client_min_messages=warning" \
    psql -X -q -v ON_ERROR_STOP=1 "$@"
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

# Makes sure the local PostgreSQL answers, with PostGIS available and the two roles created.
thd_provision_local_cluster() {
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
    thd_admin_psql -d postgres -tAc "SELECT 1" >/dev/null 2>&1 && break
    sleep 1
  done
  if [[ "$(thd_admin_psql -d postgres -tAc "SELECT count(*) FROM pg_available_extensions WHERE name = 'postgis'")" != 1 ]]; then
    thd_install_or_explain "postgresql-$version-postgis-3" || return 1
  fi
  thd_ensure_local_roles
}

# thd_owner owns the schema, thd_app runs the server (no DDL); the owner is a member of thd_app so
# that migrations can still alter the derived tables thd_app owns. One statement per role: test
# suites running in parallel may create them at the same moment (the loser's duplicate is ignored).
thd_ensure_local_roles() {
  local role
  for role in "$THD_OWNER_USERNAME" "$THD_APP_ROLE"; do
    thd_admin_psql -d postgres -c "DO \$\$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$role') THEN CREATE ROLE $role LOGIN; END IF;
      EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END \$\$" >/dev/null
  done
  if [[ "$(thd_admin_psql -d postgres -tAc "SELECT pg_has_role('$THD_OWNER_USERNAME', '$THD_APP_ROLE', 'MEMBER')")" != t ]]; then
    thd_admin_psql -d postgres -c "GRANT $THD_APP_ROLE TO $THD_OWNER_USERNAME" >/dev/null
  fi
}

# Makes sure the local cluster answers and that database $PGDATABASE exists, owned by the owner
# role, with PostGIS. A database this creates carries the drop marker; an existing one owned by
# another role (made before the roles, or not by this project) is left alone, with a message.
thd_provision_local_postgis() {
  thd_provision_local_cluster || return 1
  local owner
  owner=$(thd_admin_psql -d postgres -tAc "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = '$PGDATABASE'")
  if [[ -z "$owner" ]]; then
    echo "Création de la base $PGDATABASE…"
    thd_admin_psql -d postgres -c "CREATE DATABASE $PGDATABASE OWNER $THD_OWNER_USERNAME" >/dev/null
    thd_admin_psql -d postgres -c "COMMENT ON DATABASE $PGDATABASE IS '$THD_DB_MARKER $(basename "$0")'" >/dev/null
  elif [[ "$owner" != "$THD_OWNER_USERNAME" ]]; then
    echo "La base locale $PGDATABASE existe mais appartient à $owner, pas à $THD_OWNER_USERNAME (créée avant les rôles de" \
      "la base, ou pas par ce projet) : elle n'est pas utilisée. Si elle est à vous et peut être perdue, supprimez-la" \
      "(dropdb -U $THD_PG_ADMIN $PGDATABASE) ; sinon choisissez un autre nom avec THD_DB=…" >&2
    return 1
  fi
  thd_admin_psql -d "$PGDATABASE" -c "CREATE EXTENSION IF NOT EXISTS postgis" >/dev/null
}

# Drops the local database $PGDATABASE only when a script of this project created it (its comment
# starts with the marker); never an external one, never one without the marker: then it stops
# with a message saying what to do. Nothing to do when the database does not exist.
thd_drop_own_database() {
  if [[ "$THD_DB_EXTERNAL" != 0 ]]; then
    echo "Refus de supprimer la base $PGDATABASE : elle est désignée par SPRING_DATASOURCE_URL (base externe)." \
      "Videz-la ou supprimez-la vous-même si c'est voulu." >&2
    return 1
  fi
  local found
  found=$(thd_admin_psql -d postgres -tAc "SELECT coalesce(shobj_description(oid, 'pg_database'), '') || '|'
      FROM pg_database WHERE datname = '$PGDATABASE'")
  [[ -n "$found" ]] || return 0
  found="${found%|}"
  if [[ "$found" != "$THD_DB_MARKER "* ]]; then
    echo "Refus de supprimer la base locale $PGDATABASE : elle n'a pas été créée par les scripts de THD Tracker" \
      "(pas de commentaire « $THD_DB_MARKER … »). Si elle est à vous et peut être perdue, supprimez-la vous-même" \
      "(dropdb -U $THD_PG_ADMIN $PGDATABASE) ; sinon choisissez un autre nom avec THD_DB=…" >&2
    return 1
  fi
  echo "Suppression de la base $PGDATABASE (créée par ${found#"$THD_DB_MARKER "})…"
  PGUSER="$THD_PG_ADMIN" PGPASSWORD="$THD_PG_ADMIN_PASSWORD" dropdb --if-exists "$PGDATABASE"
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
