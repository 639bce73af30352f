# Shared by the import scripts (import-territory.sh, import-arcep.sh): messages, file checks, the
# database connection, psql with the staging schema, and the loads of GDAL's CSV driver.
# Sourced, not run. The script sets PROG, STAGING and WORKDIR (after thd_import_connect) and
# defines usage() and set_option(); nothing here builds SQL: values reach psql as variables (-v name=value).

THD_IMPORT_LIB_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
THD_COMMON_SQL="$(cd "$THD_IMPORT_LIB_DIR/../sql/common" && pwd)"

log() { printf '%s\n' "$*"; }
err() { printf '%s: %s\n' "$PROG" "$*" >&2; }
die() {
    err "ERREUR : $*"
    err "Import annulé : la base n'a pas été modifiée."
    exit 1
}

usage_error() {
    err "$*"
    usage >&2
    exit 2
}

# Reads the command line: --name VALUE or --name=VALUE, -h/--help; each option goes to the script's
# own set_option NAME VALUE (which says usage_error for an unknown one).
parse_options() {
    local opt val
    while (($#)); do
        opt=$1
        case $opt in
            -h | --help)
                usage
                exit 0
                ;;
            --*=*)
                val=${opt#*=}
                opt=${opt%%=*}
                shift
                ;;
            --*)
                (($# >= 2)) || usage_error "option $opt : valeur manquante"
                val=$2
                shift 2
                ;;
            *) usage_error "argument inattendu : $opt" ;;
        esac
        set_option "$opt" "$val"
    done
}

require_tools() { # outil…
    local tool
    for tool in "$@"; do
        command -v "$tool" >/dev/null 2>&1 ||
            die "outil introuvable : $tool (paquets Debian : gdal-bin, postgresql-client)"
    done
}

check_readable() { # libellé chemin
    local label=$1 path=$2
    [[ -e $path ]] || die "$label : fichier introuvable : $path"
    if [[ -d $path ]]; then
        [[ -r $path && -x $path ]] || die "$label : dossier illisible : $path"
    else
        [[ -f $path ]] || die "$label : ce n'est pas un fichier ordinaire : $path"
        [[ -r $path ]] || die "$label : fichier illisible (droits d'accès) : $path"
        [[ -s $path ]] || die "$label : fichier vide : $path"
    fi
}

# The same rules as run.sh and test.sh: SPRING_DATASOURCE_* first, else PG* / local defaults; a
# PGDATABASE given to the script names the local database (thd_db_env reads THD_DB for that), and
# a PGUSER the role it writes as (else the schema's owner, thd_owner). Sets DB_LABEL.
thd_import_connect() { # nom-d-application
    source "$THD_IMPORT_LIB_DIR/database.sh"
    if [[ -n ${PGDATABASE:-} ]]; then THD_DB=$PGDATABASE; fi
    if [[ -n ${PGUSER:-} && -z ${SPRING_DATASOURCE_URL:-} ]]; then
        export THD_OWNER_USERNAME=$PGUSER THD_OWNER_PASSWORD=${PGPASSWORD:-}
    fi
    thd_db_env thd || die "connexion à la base : voir le message ci-dessus"
    export PGAPPNAME=$1 PGCLIENTENCODING=UTF8
    DB_LABEL="$PGUSER@$PGHOST:$PGPORT/$PGDATABASE"
}

# Runs the script's database check (a psql file answering one word) into DB_STATE; the import
# stops there when the server cannot be reached. Called in the script's own shell, so die ends it.
read_database_state() { # fichier-sql
    if ! DB_STATE=$(pg -At -f "$1" 2>&1); then
        err "$DB_STATE"
        die "connexion impossible à PostgreSQL ($DB_LABEL)"
    fi
}

pg() { psql -X -q -v ON_ERROR_STOP=1 -v VERBOSITY=terse -v staging="$STAGING" "$@"; }

# Runs the transaction's files in one psql --single-transaction; on failure, psql's messages
# (« psql:…/40-check.sql:12: ERROR:  … ») brought down to what a person needs, then die.
run_transaction() { # fichiers… -- options psql…
    if ! pg --single-transaction "$@" 2>"$WORKDIR/psql.log"; then
        sed -E -e 's/^psql:[^:]*:[0-9]+: //' -e 's/^(ERREUR|ERROR): +/  /' "$WORKDIR/psql.log" >&2
        die "import interrompu, transaction annulée"
    fi
}

# ogr2ogr source → $STAGING.table ; the connection comes from the PG* variables. Sets ROWS,
# HAS_GEOM and POLYGONS from what the load gave.
ogr_load() { # libellé chemin table message_d_échec [options ogr2ogr…]
    local label=$1 path=$2 table=$3 failure=$4
    shift 4
    if ! ogr2ogr -f PostgreSQL PG: "$@" -nln "$STAGING.$table" -overwrite -lco FID=ogc_fid \
        -lco PRECISION=NO -lco LAUNDER=YES --config PG_USE_COPY YES >"$WORKDIR/ogr2ogr.log" 2>&1; then
        # without the list of every driver GDAL tried
        grep -v '^ *-> ' "$WORKDIR/ogr2ogr.log" | sed 's/^/  /' >&2 || true
        die "$label : $failure : $path"
    fi
    local counts
    counts=$(pg -At -v table="$table" -f "$THD_COMMON_SQL/count-staging.sql") ||
        die "$label : table de travail $STAGING.$table illisible"
    read -r ROWS HAS_GEOM POLYGONS <<<"$counts"
}

# GDAL's CSV driver (whatever the file's extension): separator found from the header line
# (';', ',' or tab), UTF-8 with or without BOM, LF or CRLF, blank lines skipped; every value
# kept as text, an empty field read as NULL as COPY would.
load_csv() { # libellé chemin table
    local label=$1 path=$2 table=$3
    ogr_load "$label" "$path" "$table" "lecture du CSV impossible" "CSV:$path" \
        -oo HEADERS=YES -oo AUTODETECT_TYPE=NO -oo EMPTY_STRING_AS_NULL=YES
    ((ROWS > 0)) || die "$label : aucune ligne de données dans $path"
    log "  $ROWS lignes"
}

# The work folder and the staging schema, both removed on exit whatever happens (the transaction
# drops the schema itself when it commits: the script then sets STAGING_CREATED=false).
open_staging() { # préfixe-du-dossier
    WORKDIR=$(mktemp -d "${TMPDIR:-/tmp}/$1.XXXXXX")
    STAGING_CREATED=false
    trap close_staging EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
    STAGING_CREATED=true
    pg -f "$THD_COMMON_SQL/create-staging.sql" >/dev/null 2>&1 ||
        die "impossible de créer le schéma de travail $STAGING dans $DB_LABEL (droits CREATE ?)"
}

close_staging() {
    local rc=$?
    if $STAGING_CREATED; then
        pg -f "$THD_COMMON_SQL/drop-staging.sql" >/dev/null 2>&1 ||
            err "attention : le schéma de travail $STAGING n'a pas pu être supprimé"
    fi
    rm -rf "$WORKDIR"
    exit "$rc"
}
