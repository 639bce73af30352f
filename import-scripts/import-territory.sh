#!/usr/bin/env bash
#
# import-territory.sh — charge le référentiel territorial réel (communes, départements, EPCI)
# dans la base PostGIS de THD Tracker (tables department, epci, commune, dataset_info).
#
# Usage :
#   import-territory.sh --communes FICHIER --populations FICHIER
#                       [--movements FICHIER] [--epci FICHIER] [--departments FICHIER]
#                       [--source LIBELLÉ]
#
#   --communes     polygones des communes (toute source OGR : GeoJSON, shapefile, GeoPackage…),
#                  champ code INSEE parmi : code, insee_com, code_insee, insee, com, codgeo ;
#                  champ nom facultatif parmi : nom, nom_com, libelle, libgeo, name.
#                  Exemple : ADMIN EXPRESS COG 2018 (communes-bretagne.geojson, 1 232 communes).
#   --populations  CSV des populations légales INSEE (séparateur ';' — ',' et tabulation sont aussi
#                  reconnus —, UTF-8, fins de ligne LF ou CRLF). Colonnes lues par leur nom :
#                  COM (code INSEE), PMUN (population municipale), Commune (nom), DEP (facultative).
#                  Ce fichier fait foi : il donne la liste des communes actuelles et leurs noms.
#   --movements    CSV INSEE des mouvements de communes (MOD, DATE_EFF, TYPECOM_AV, COM_AV,
#                  TYPECOM_AP, COM_AP…). Sert à rattacher les codes d'une géométrie ancienne
#                  (COG 2018) aux communes actuelles : fusions et communes nouvelles (MOD 31, 32,
#                  33), changements de code (MOD 41, 50), en suivant les chaînes par date.
#   --epci         polygones des EPCI (champ SIREN parmi code_geo, siren, code_siren, siren_epci,
#                  code_epci, code ; nom parmi nom_geo, nom, nom_epci, name, libelle). Sans cette
#                  option, les EPCI déjà en base (avec géométrie) servent au rattachement.
#   --departments  polygones des départements (champ code parmi code, insee_dep, code_dep, dep,
#                  code_insee ; nom parmi nom, nom_dep, name, libelle). Sans cette option, les
#                  départements sont obtenus par fusion des communes sur leur code département.
#   --source       libellé enregistré dans dataset_info('territory.source')
#                  (défaut : « IGN ADMIN EXPRESS COG 2018 + INSEE populations légales »).
#
# Connexion à PostgreSQL : variables PGHOST, PGPORT, PGDATABASE, PGUSER, PGPASSWORD
# (défauts 127.0.0.1, 5432, thd, postgres, sans mot de passe), ou, si SPRING_DATASOURCE_URL est
# définie, la configuration de l'application : jdbc:postgresql://hôte:port/base avec
# SPRING_DATASOURCE_USERNAME et SPRING_DATASOURCE_PASSWORD (elle a priorité sur les PG*).
# La base doit déjà porter le schéma (migrations Flyway appliquées au démarrage de l'application).
#
# Déroulement : les fichiers sont vérifiés, puis chargés tels quels dans un schéma de travail
# (territory_staging : ogr2ogr reprojette en Lambert-93 EPSG:2154, psql \copy lit le CSV). Tout
# le reste se fait en UNE transaction psql (--single-transaction, ON_ERROR_STOP) : correspondance
# des codes 2018 → actuels, fusion (ST_Union) et validation (ST_MakeValid) des polygones,
# contrôles de cohérence, mise à jour des départements, EPCI et communes, dataset_info, puis
# suppression du schéma de travail. En cas d'erreur, rien n'est modifié dans la base (le schéma
# de travail est supprimé à la sortie) et le script sort avec un code non nul.
#
# Refus : l'import est refusé s'il existe déjà des locaux (table premise) — remplacer les
# communes sous des locaux existants les casserait — ou si une commune qui disparaît du
# référentiel est encore référencée (NRA, routes, sites RUHD…).
#
# Logements : les nombres de ménages/logements INSEE ne font pas partie des données. On estime
# dwellings = round(population × 0,54) ; 0,54 est, pour la Bretagne, le rapport entre les
# « Logements » de l'observatoire Arcep (1 859 807, T1 2018) et la population municipale
# (3 449 370).
#
# Deux imports simultanés sur la même base ne sont pas pris en charge (schéma de travail commun).
#
# Codes de sortie : 0 succès, 1 erreur (rien n'est modifié), 2 usage incorrect.

set -euo pipefail

readonly PROG=${0##*/}
readonly STAGING=territory_staging
readonly DWELLINGS_PER_INHABITANT=0.54
readonly DEFAULT_SOURCE='IGN ADMIN EXPRESS COG 2018 + INSEE populations légales'

log() { printf '%s\n' "$*"; }
err() { printf '%s: %s\n' "$PROG" "$*" >&2; }
die() {
    err "ERREUR : $*"
    err "Import annulé : la base n'a pas été modifiée."
    exit 1
}

usage() {
    cat <<EOF
Usage : $PROG --communes FICHIER --populations FICHIER
          [--movements FICHIER] [--epci FICHIER] [--departments FICHIER] [--source LIBELLÉ]

Charge communes, départements et EPCI dans la base THD Tracker (EPSG:2154).
Connexion : PGHOST/PGPORT/PGDATABASE/PGUSER/PGPASSWORD (défauts 127.0.0.1/5432/thd/postgres)
ou SPRING_DATASOURCE_URL/_USERNAME/_PASSWORD si définies.
Voir l'en-tête du script et import-scripts/README.md pour le détail.
EOF
}

usage_error() {
    err "$*"
    usage >&2
    exit 2
}

# ---------------------------------------------------------------------------------------------
# Arguments
# ---------------------------------------------------------------------------------------------
COMMUNES='' POPULATIONS='' MOVEMENTS='' EPCI='' DEPARTMENTS='' SOURCE=$DEFAULT_SOURCE
HAS_MOVEMENTS=false HAS_EPCI=false HAS_DEPARTMENTS=false

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
    case $opt in
        --communes) COMMUNES=$val ;;
        --populations) POPULATIONS=$val ;;
        --movements) MOVEMENTS=$val HAS_MOVEMENTS=true ;;
        --epci) EPCI=$val HAS_EPCI=true ;;
        --departments) DEPARTMENTS=$val HAS_DEPARTMENTS=true ;;
        --source) SOURCE=$val ;;
        *) usage_error "option inconnue : $opt" ;;
    esac
done
[[ -n $COMMUNES ]] || usage_error "--communes est obligatoire"
[[ -n $POPULATIONS ]] || usage_error "--populations est obligatoire"
[[ -n $SOURCE ]] || usage_error "--source ne peut pas être vide"

for tool in ogr2ogr ogrinfo psql sed; do
    command -v "$tool" >/dev/null 2>&1 ||
        die "outil introuvable : $tool (paquets Debian : gdal-bin, postgresql-client)"
done

START_NS=$(date +%s%N)

# ---------------------------------------------------------------------------------------------
# Vérification des fichiers (avant tout accès à la base)
# ---------------------------------------------------------------------------------------------
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

# Vérifie qu'OGR ouvre la source ; mémorise la couche à lire (la première s'il y en a plusieurs).
declare -A LAYER=()
check_vector() { # libellé chemin
    local label=$1 path=$2 out layers count
    check_readable "$label" "$path"
    if ! out=$(ogrinfo -ro -q "$path" 2>&1); then
        grep -v '^  -> ' <<<"$out" | sed 's/^/  /' >&2 || true
        die "$label : source vectorielle illisible par OGR : $path"
    fi
    layers=$(grep -E '^[0-9]+: ' <<<"$out" || true)
    count=$(grep -c . <<<"$layers" || true)
    ((count > 0)) || die "$label : aucune couche vectorielle dans $path"
    if ((count > 1)); then
        local first=${layers%%$'\n'*}
        first=${first#*: }
        first=${first% (*)}
        err "attention : $path contient $count couches, lecture de la première : $first"
        LAYER[$path]=$first
    else
        LAYER[$path]=''
    fi
}

# Lit la ligne d'en-tête d'un CSV : séparateur (CSV_DELIM), nombre de colonnes (CSV_NCOLS),
# noms de colonnes en minuscules (CSV_FIELDS).
CSV_DELIM='' CSV_NCOLS=0
CSV_FIELDS=()
read_csv_header() { # libellé chemin
    local label=$1 path=$2 line='' semi comma tab n f
    # Au plus 64 Kio : un fichier qui n'est pas un CSV (GeoJSON sur une ligne…) est vite écarté.
    line=$(head -n 1 -- "$path" 2>/dev/null | head -c 65536 | tr -d '\0' || true)
    [[ -n $line ]] || die "$label : ligne d'en-tête vide ou illisible : $path"
    ((${#line} < 65536)) || die "$label : ligne d'en-tête démesurée, ce n'est pas un CSV : $path"
    line=${line%$'\r'}
    while [[ $line == $'\xef\xbb\xbf'* ]]; do line=${line#$'\xef\xbb\xbf'}; done
    semi=${line//[^;]/} comma=${line//[^,]/} tab=${line//[^$'\t']/}
    if ((${#semi} >= ${#comma} && ${#semi} >= ${#tab} && ${#semi} > 0)); then
        CSV_DELIM=';'
        n=${#semi}
    elif ((${#comma} >= ${#tab} && ${#comma} > 0)); then
        CSV_DELIM=','
        n=${#comma}
    elif ((${#tab} > 0)); then
        CSV_DELIM=$'\t'
        n=${#tab}
    else
        die "$label : séparateur non reconnu (attendu ';', ',' ou tabulation) dans l'en-tête de $path"
    fi
    CSV_NCOLS=$((n + 1))
    ((CSV_NCOLS <= 1000)) || die "$label : $CSV_NCOLS colonnes dans l'en-tête, ce n'est pas le CSV attendu : $path"
    CSV_FIELDS=()
    local -a raw
    IFS=$CSV_DELIM read -r -a raw <<<"$line"
    for f in "${raw[@]}"; do
        f=${f//\"/}
        f=${f#"${f%%[![:space:]]*}"}
        f=${f%"${f##*[![:space:]]}"}
        CSV_FIELDS+=("${f,,}")
    done
}

# Nom de colonne de travail (c1…cN) de la première colonne CSV trouvée parmi les candidats.
csv_column() { # candidats…
    local cand i
    for cand in "$@"; do
        for i in "${!CSV_FIELDS[@]}"; do
            if [[ ${CSV_FIELDS[$i]} == "$cand" ]]; then
                printf 'c%d' $((i + 1))
                return 0
            fi
        done
    done
    return 1
}

log "Vérification des fichiers…"
check_vector "--communes" "$COMMUNES"
check_readable "--populations" "$POPULATIONS"
read_csv_header "--populations" "$POPULATIONS"
POP_DELIM=$CSV_DELIM POP_NCOLS=$CSV_NCOLS
POP_COM=$(csv_column com codgeo code_insee insee insee_com depcom code_commune code) ||
    die "--populations : colonne du code INSEE (COM) absente de l'en-tête de $POPULATIONS"
POP_PMUN=$(csv_column pmun population_municipale population pop) ||
    die "--populations : colonne de population municipale (PMUN) absente de l'en-tête de $POPULATIONS"
POP_NAME=$(csv_column commune libgeo libelle nom nom_commune nccenr) || POP_NAME=''
POP_DEP=$(csv_column dep code_departement code_dep) || POP_DEP=''
if $HAS_MOVEMENTS; then
    check_readable "--movements" "$MOVEMENTS"
    read_csv_header "--movements" "$MOVEMENTS"
    MVT_DELIM=$CSV_DELIM MVT_NCOLS=$CSV_NCOLS
    MVT_MOD=$(csv_column mod) &&
        MVT_DATE=$(csv_column date_eff) &&
        MVT_TYPE_AV=$(csv_column typecom_av) &&
        MVT_COM_AV=$(csv_column com_av) &&
        MVT_TYPE_AP=$(csv_column typecom_ap) &&
        MVT_COM_AP=$(csv_column com_ap) ||
        die "--movements : colonnes MOD, DATE_EFF, TYPECOM_AV, COM_AV, TYPECOM_AP, COM_AP attendues dans $MOVEMENTS"
fi
if $HAS_EPCI; then check_vector "--epci" "$EPCI"; fi
if $HAS_DEPARTMENTS; then check_vector "--departments" "$DEPARTMENTS"; fi

# ---------------------------------------------------------------------------------------------
# Connexion à la base
# ---------------------------------------------------------------------------------------------
# the same rules as run.sh and test.sh: SPRING_DATASOURCE_* first, else PG* / local defaults
source "$(dirname "${BASH_SOURCE[0]}")/lib/database.sh"
if [[ -z ${SPRING_DATASOURCE_URL:-} && -n ${PGDATABASE:-} ]]; then THD_DB=$PGDATABASE; fi
thd_db_env thd || die "connexion à la base : voir le message ci-dessus"
export PGAPPNAME=import-territory PGCLIENTENCODING=UTF8
readonly DB_LABEL="$PGUSER@$PGHOST:$PGPORT/$PGDATABASE"

pg() { psql -X -q -v ON_ERROR_STOP=1 -v VERBOSITY=terse "$@"; }

conninfo_value() { # valeur → 'valeur' échappée pour une chaîne de connexion libpq
    local v=${1//\\/\\\\}
    v=${v//\'/\\\'}
    printf "'%s'" "$v"
}
PG_OGR="PG:dbname=$(conninfo_value "$PGDATABASE") host=$(conninfo_value "$PGHOST")"
PG_OGR+=" port=$(conninfo_value "$PGPORT") user=$(conninfo_value "$PGUSER")"
PG_OGR+=" application_name='import-territory'"

if ! out=$(pg -Atc 'SELECT 1' 2>&1); then
    err "$out"
    die "connexion impossible à PostgreSQL ($DB_LABEL)"
fi
schema_ok=$(pg -Atc "SELECT to_regclass('commune') IS NOT NULL AND to_regclass('department') IS NOT NULL
                        AND to_regclass('epci') IS NOT NULL AND to_regclass('premise') IS NOT NULL
                        AND to_regclass('dataset_info') IS NOT NULL AND to_regclass('import_batch') IS NOT NULL")
[[ $schema_ok == t ]] ||
    die "la base $DB_LABEL n'a pas le schéma THD Tracker (tables commune, premise…) : appliquez d'abord les migrations Flyway (démarrage de l'application)"
premises=$(pg -Atc 'SELECT EXISTS (SELECT 1 FROM premise)')
[[ $premises == f ]] ||
    die "la base $DB_LABEL contient déjà des locaux (table premise) : remplacer les communes sous des locaux existants les casserait. Import du territoire refusé ; il se fait sur une base sans locaux."
log "Base : $DB_LABEL"

# ---------------------------------------------------------------------------------------------
# Schéma de travail (supprimé à la sortie, quoi qu'il arrive)
# ---------------------------------------------------------------------------------------------
WORKDIR=$(mktemp -d "${TMPDIR:-/tmp}/import-territory.XXXXXX")
STAGING_CREATED=false
cleanup() {
    local rc=$?
    if $STAGING_CREATED; then
        pg -c "DROP SCHEMA IF EXISTS $STAGING CASCADE" >/dev/null 2>&1 ||
            err "attention : le schéma de travail $STAGING n'a pas pu être supprimé"
    fi
    rm -rf "$WORKDIR"
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

STAGING_CREATED=true
pg -c "DROP SCHEMA IF EXISTS $STAGING CASCADE" -c "CREATE SCHEMA $STAGING" >/dev/null 2>&1 ||
    die "impossible de créer le schéma de travail $STAGING dans $DB_LABEL (droits CREATE ?)"

load_vector() { # libellé chemin table
    local label=$1 path=$2 table=$3 n
    local -a args=(-f PostgreSQL "$PG_OGR" "$path")
    [[ -z ${LAYER[$path]} ]] || args+=("${LAYER[$path]}")
    args+=(-nln "$STAGING.$table" -overwrite -t_srs EPSG:2154 -nlt PROMOTE_TO_MULTI -dim XY
        -lco GEOMETRY_NAME=geom -lco FID=ogc_fid -lco SPATIAL_INDEX=NONE -lco PRECISION=NO
        -lco LAUNDER=YES --config PG_USE_COPY YES)
    if ! ogr2ogr "${args[@]}" >"$WORKDIR/ogr2ogr.log" 2>&1; then
        sed 's/^/  /' "$WORKDIR/ogr2ogr.log" >&2
        die "$label : chargement par ogr2ogr impossible : $path"
    fi
    n=$(pg -Atc "SELECT count(*) FROM $STAGING.$table")
    ((n > 0)) || die "$label : aucune entité lue dans $path"
    staging_column "$table" geom >/dev/null ||
        die "$label : la source n'a pas de géométrie (polygones attendus) : $path"
    n=$(pg -Atc "SELECT count(*) FROM $STAGING.$table
                 WHERE GeometryType(geom) IN ('POLYGON', 'MULTIPOLYGON') AND NOT ST_IsEmpty(geom)")
    ((n > 0)) || die "$label : aucun polygone dans $path"
    log "  $n entités"
}

# Colonne de la table de travail trouvée parmi les candidats (noms « blanchis » par OGR).
staging_column() { # table candidats…
    local table=$1 cols cand
    shift
    cols=$(pg -Atc "SELECT column_name FROM information_schema.columns
                    WHERE table_schema = '$STAGING' AND table_name = '$table'")
    for cand in "$@"; do
        if grep -qxF "$cand" <<<"$cols"; then
            printf '%s' "$cand"
            return 0
        fi
    done
    return 1
}

load_csv() { # libellé chemin table séparateur nb_colonnes
    local label=$1 path=$2 table=$3 delim=$4 ncols=$5 cols='' i delim_sql n
    for ((i = 1; i <= ncols; i++)); do cols+="${cols:+, }c$i text"; done
    case $delim in
        ';') delim_sql="';'" ;;
        ',') delim_sql="','" ;;
        *) delim_sql="E'\\t'" ;;
    esac
    pg -c "CREATE TABLE $STAGING.$table ($cols)" >/dev/null
    # CRLF → LF, lignes vides ignorées ; l'en-tête est sauté par HEADER.
    if ! sed -e 's/\r$//' -e '/^[[:space:]]*$/d' "$path" |
        pg -c "\\copy $STAGING.$table FROM pstdin WITH (FORMAT csv, DELIMITER $delim_sql, HEADER true, ENCODING 'UTF8')" \
            2>"$WORKDIR/copy.log"; then
        sed 's/^/  /' "$WORKDIR/copy.log" >&2
        die "$label : lecture du CSV impossible : $path"
    fi
    n=$(pg -Atc "SELECT count(*) FROM $STAGING.$table")
    ((n > 0)) || die "$label : aucune ligne de données dans $path"
    log "  $n lignes"
}

log "Lecture des communes… ($COMMUNES)"
load_vector "--communes" "$COMMUNES" communes
COM_CODE=$(staging_column communes code insee_com code_insee insee com codgeo) ||
    die "--communes : champ du code INSEE introuvable (code, insee_com, code_insee, insee, com, codgeo) dans $COMMUNES"
COM_NAME=$(staging_column communes nom nom_com libelle libgeo name) || COM_NAME=''

log "Lecture des populations… ($POPULATIONS)"
load_csv "--populations" "$POPULATIONS" populations "$POP_DELIM" "$POP_NCOLS"

if $HAS_MOVEMENTS; then
    log "Lecture des mouvements de communes… ($MOVEMENTS)"
    load_csv "--movements" "$MOVEMENTS" movements "$MVT_DELIM" "$MVT_NCOLS"
fi
if $HAS_EPCI; then
    log "Lecture des EPCI… ($EPCI)"
    load_vector "--epci" "$EPCI" epci
    EPCI_CODE=$(staging_column epci code_geo siren code_siren siren_epci code_epci code) ||
        die "--epci : champ SIREN introuvable (code_geo, siren, code_siren, siren_epci, code_epci, code) dans $EPCI"
    EPCI_NAME=$(staging_column epci nom_geo nom nom_epci name libelle raison_sociale) ||
        die "--epci : champ du nom introuvable (nom_geo, nom, nom_epci, name, libelle) dans $EPCI"
fi
if $HAS_DEPARTMENTS; then
    log "Lecture des départements… ($DEPARTMENTS)"
    load_vector "--departments" "$DEPARTMENTS" departments
    DEP_CODE=$(staging_column departments code insee_dep code_dep dep code_insee) ||
        die "--departments : champ du code introuvable (code, insee_dep, code_dep, dep, code_insee) dans $DEPARTMENTS"
    DEP_NAME=$(staging_column departments nom nom_dep name libelle) || DEP_NAME=''
fi

# ---------------------------------------------------------------------------------------------
# Script SQL de la transaction
# ---------------------------------------------------------------------------------------------
SQL=$WORKDIR/import.sql

sql_literal() { # texte → 'texte' (guillemets simples doublés)
    printf "'%s'" "${1//\'/\'\'}"
}

# 1. Fonctions utilitaires (temporaires à la session).
cat >"$SQL" <<'SQL'
\set VERBOSITY terse
SET client_min_messages = warning;
SET LOCAL lock_timeout = '60s';

-- Code sans espaces, en majuscules ; un code purement numérique trop court (zéro de tête perdu
-- par un tableur ou un champ numérique) est complété à gauche.
CREATE FUNCTION pg_temp.norm_code(v text, width integer) RETURNS text
LANGUAGE sql IMMUTABLE AS $f$
    SELECT CASE
        WHEN btrim(v) = '' THEN NULL
        WHEN btrim(v) ~ '^[0-9]+$' AND length(btrim(v)) < width THEN lpad(btrim(v), width, '0')
        ELSE upper(btrim(v))
    END
$f$;

-- Polygones valides, multi, sans les morceaux de dimension inférieure que ST_MakeValid produit.
CREATE FUNCTION pg_temp.clean_multi(g geometry) RETURNS geometry
LANGUAGE sql IMMUTABLE AS $f$
    SELECT ST_Multi(ST_CollectionExtract(CASE WHEN ST_IsValid(g) THEN g ELSE ST_MakeValid(g) END, 3))
$f$;

-- Liste lisible de codes pour les messages d'erreur (les 40 premiers).
CREATE FUNCTION pg_temp.code_list(codes text[]) RETURNS text
LANGUAGE sql IMMUTABLE AS $f$
    SELECT array_to_string(codes[1:40], ', ')
        || CASE WHEN cardinality(codes) > 40
                THEN format(' … (%s au total)', cardinality(codes)) ELSE '' END
$f$;

CREATE FUNCTION pg_temp.department_name(code text) RETURNS text
LANGUAGE sql IMMUTABLE AS $f$
    SELECT CASE code
        WHEN '22' THEN 'Côtes-d''Armor'
        WHEN '29' THEN 'Finistère'
        WHEN '35' THEN 'Ille-et-Vilaine'
        WHEN '56' THEN 'Morbihan'
        WHEN '44' THEN 'Loire-Atlantique'
        WHEN '50' THEN 'Manche'
        WHEN '53' THEN 'Mayenne'
        ELSE 'Département ' || code
    END
$f$;

-- Département d'un code commune (97x pour l'outre-mer).
CREATE FUNCTION pg_temp.department_of(insee text) RETURNS text
LANGUAGE sql IMMUTABLE AS $f$
    SELECT CASE WHEN insee LIKE '97%' THEN left(insee, 3) ELSE left(insee, 2) END
$f$;
SQL

# 2. Tables normalisées depuis le schéma de travail (noms de colonnes propres à chaque source).
{
    printf '\\echo '"'"'  normalisation des données chargées…'"'"'\n'
    printf 'CREATE TEMP TABLE src_commune AS\n'
    printf '    SELECT ogc_fid AS fid, pg_temp.norm_code(CAST(%s AS text), 5) AS code,\n' "$COM_CODE"
    if [[ -n $COM_NAME ]]; then
        printf '           nullif(btrim(CAST(%s AS text)), %s) AS name,\n' "$COM_NAME" "''"
    else
        printf '           CAST(NULL AS text) AS name,\n'
    fi
    printf '           geom FROM %s.communes;\n' "$STAGING"

    printf 'CREATE TEMP TABLE pop AS\n'
    printf '    SELECT pg_temp.norm_code(%s, 5) AS insee,\n' "$POP_COM"
    if [[ -n $POP_NAME ]]; then
        printf '           nullif(btrim(%s), %s) AS name,\n' "$POP_NAME" "''"
    else
        printf '           CAST(NULL AS text) AS name,\n'
    fi
    if [[ -n $POP_DEP ]]; then
        printf '           pg_temp.norm_code(%s, 2) AS dep,\n' "$POP_DEP"
    else
        printf '           CAST(NULL AS text) AS dep,\n'
    fi
    # Séparateurs de milliers éventuels (espaces, espaces insécables) retirés.
    printf "           regexp_replace(coalesce(%s, ''), '[[:space:]\\u00a0\\u202f]', '', 'g') AS pmun\n" "$POP_PMUN"
    printf '    FROM %s.populations;\n' "$STAGING"

    printf 'CREATE TEMP TABLE mvt (mod text, date_eff text, typecom_av text, com_av text, typecom_ap text, com_ap text);\n'
    if $HAS_MOVEMENTS; then
        printf 'INSERT INTO mvt SELECT btrim(%s), btrim(%s), upper(btrim(%s)), pg_temp.norm_code(%s, 5),\n' \
            "$MVT_MOD" "$MVT_DATE" "$MVT_TYPE_AV" "$MVT_COM_AV"
        printf '    upper(btrim(%s)), pg_temp.norm_code(%s, 5) FROM %s.movements;\n' \
            "$MVT_TYPE_AP" "$MVT_COM_AP" "$STAGING"
    fi

    printf 'CREATE TEMP TABLE src_epci (siren text, name text, geom geometry);\n'
    if $HAS_EPCI; then
        printf 'INSERT INTO src_epci SELECT pg_temp.norm_code(CAST(%s AS text), 9), nullif(btrim(CAST(%s AS text)), %s), geom FROM %s.epci;\n' \
            "$EPCI_CODE" "$EPCI_NAME" "''" "$STAGING"
    fi

    printf 'CREATE TEMP TABLE src_department (code text, name text, geom geometry);\n'
    if $HAS_DEPARTMENTS; then
        if [[ -n $DEP_NAME ]]; then dep_name="nullif(btrim(CAST($DEP_NAME AS text)), '')"; else dep_name='NULL'; fi
        printf 'INSERT INTO src_department SELECT pg_temp.norm_code(CAST(%s AS text), 2), %s, geom FROM %s.departments;\n' \
            "$DEP_CODE" "$dep_name" "$STAGING"
    fi

    printf 'CREATE TEMP TABLE import_param AS SELECT %s::text AS source, %s::numeric AS dwellings_ratio, %s::text AS communes_file;\n' \
        "$(sql_literal "$SOURCE")" "$DWELLINGS_PER_INHABITANT" "$(sql_literal "${COMMUNES##*/} + ${POPULATIONS##*/}")"
} >>"$SQL"

# 3. Contrôles, correspondance des codes, fusion et mise à jour (partie fixe).
cat >>"$SQL" <<'SQL'

\echo '  contrôle des données…'
-- Aucun local ne doit exister (verrou : personne n'en ajoute pendant l'import).
LOCK TABLE premise IN SHARE MODE;
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM premise) THEN
        RAISE EXCEPTION 'Import refusé : la base contient déjà des locaux (table premise) ; remplacer les communes sous des locaux existants les casserait.';
    END IF;
END $$;
LOCK TABLE department, epci, commune IN SHARE ROW EXCLUSIVE MODE;

DO $$
DECLARE
    bad text[];
BEGIN
    SELECT array_agg(coalesce(code, '(vide)') || ' (entité ' || fid || ')' ORDER BY fid) INTO bad
    FROM src_commune WHERE code IS NULL OR code !~ '^([0-9]{2}|2A|2B)[0-9]{3}$';
    IF bad IS NOT NULL THEN
        RAISE EXCEPTION 'Communes (géométrie) : code INSEE invalide : %', pg_temp.code_list(bad);
    END IF;
    SELECT array_agg(code ORDER BY code) INTO bad
    FROM src_commune WHERE geom IS NULL OR ST_IsEmpty(geom);
    IF bad IS NOT NULL THEN
        RAISE EXCEPTION 'Communes (géométrie) : géométrie absente ou vide : %', pg_temp.code_list(bad);
    END IF;

    SELECT array_agg(coalesce(insee, '(vide)') ORDER BY insee) INTO bad
    FROM pop WHERE insee IS NULL OR insee !~ '^([0-9]{2}|2A|2B)[0-9]{3}$';
    IF bad IS NOT NULL THEN
        RAISE EXCEPTION 'Populations : code INSEE invalide : %', pg_temp.code_list(bad);
    END IF;
    SELECT array_agg(insee ORDER BY insee) INTO bad
    FROM (SELECT insee FROM pop GROUP BY insee HAVING count(*) > 1) d;
    IF bad IS NOT NULL THEN
        RAISE EXCEPTION 'Populations : code INSEE en double : %', pg_temp.code_list(bad);
    END IF;
    SELECT array_agg(insee || ' (« ' || pmun || ' »)' ORDER BY insee) INTO bad
    FROM pop WHERE pmun !~ '^[0-9]{1,9}$';
    IF bad IS NOT NULL THEN
        RAISE EXCEPTION 'Populations : population municipale absente ou non entière : %', pg_temp.code_list(bad);
    END IF;
    SELECT array_agg(insee || ' (' || dep || ')' ORDER BY insee) INTO bad
    FROM pop WHERE dep IS NOT NULL AND (dep !~ '^([0-9]{2}|2A|2B|97[1-6])$' OR left(insee, length(dep)) <> dep);
    IF bad IS NOT NULL THEN
        RAISE EXCEPTION 'Populations : code département invalide ou incohérent avec le code commune : %', pg_temp.code_list(bad);
    END IF;

    SELECT array_agg(DISTINCT date_eff) INTO bad
    FROM mvt WHERE date_eff !~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$';
    IF bad IS NOT NULL THEN
        RAISE EXCEPTION 'Mouvements : date d''effet illisible (attendu AAAA-MM-JJ) : %', pg_temp.code_list(bad);
    END IF;

    SELECT array_agg(coalesce(siren, '(vide)') ORDER BY siren) INTO bad
    FROM src_epci WHERE siren IS NULL OR siren !~ '^[0-9]{9}$';
    IF bad IS NOT NULL THEN
        RAISE EXCEPTION 'EPCI : SIREN invalide : %', pg_temp.code_list(bad);
    END IF;
    SELECT array_agg(siren ORDER BY siren) INTO bad FROM src_epci WHERE name IS NULL;
    IF bad IS NOT NULL THEN
        RAISE EXCEPTION 'EPCI : nom absent : %', pg_temp.code_list(bad);
    END IF;

    SELECT array_agg(coalesce(code, '(vide)') ORDER BY code) INTO bad
    FROM src_department WHERE code IS NULL OR code !~ '^([0-9]{2}|2A|2B|97[1-6])$';
    IF bad IS NOT NULL THEN
        RAISE EXCEPTION 'Départements : code invalide : %', pg_temp.code_list(bad);
    END IF;
END $$;

\echo '  correspondance des codes anciens → actuels…'
-- Arêtes « ancienne commune → commune qui l'absorbe ou nouveau code » : fusions simples (31),
-- communes nouvelles (32), fusions-associations (33), changements de code (41, 50). Les
-- rétablissements (21) et les communes déléguées ou associées (COMD, COMA) ne sont pas suivis.
CREATE TEMP TABLE mvt_edge AS
    SELECT DISTINCT com_av, com_ap, CAST(date_eff AS date) AS d
    FROM mvt
    WHERE mod IN ('31', '32', '33', '41', '50')
      AND typecom_av = 'COM' AND typecom_ap = 'COM'
      AND com_av IS NOT NULL AND com_ap IS NOT NULL AND com_av <> com_ap;

-- Chaque code de la géométrie suit les arêtes par dates croissantes jusqu'au code actuel.
CREATE TEMP TABLE code_map AS
WITH RECURSIVE walk (origin, code, d, depth) AS (
    SELECT DISTINCT code, code, CAST('-infinity' AS date), 0 FROM src_commune
    UNION ALL
    SELECT w.origin, e.com_ap, e.d, w.depth + 1
    FROM walk w JOIN mvt_edge e ON e.com_av = w.code AND e.d > w.d
    WHERE w.depth < 50
)
SELECT DISTINCT origin, code
FROM walk w
WHERE NOT EXISTS (SELECT 1 FROM mvt_edge e WHERE e.com_av = w.code AND e.d > w.d);

DO $$
DECLARE
    bad text[];
    missing_pop text[];
    missing_geom text[];
    msg text := '';
BEGIN
    SELECT array_agg(origin || ' → ' || codes ORDER BY origin) INTO bad
    FROM (SELECT origin, string_agg(code, '/' ORDER BY code) AS codes
          FROM code_map GROUP BY origin HAVING count(*) > 1) a;
    IF bad IS NOT NULL THEN
        RAISE EXCEPTION 'Mouvements : code ancien rattaché à plusieurs communes actuelles : %', pg_temp.code_list(bad);
    END IF;

    -- Toute commune doit avoir une population, et toute population une géométrie.
    SELECT array_agg(CASE WHEN origin = code THEN origin ELSE origin || ' → ' || code END ORDER BY origin)
    INTO missing_pop
    FROM code_map m WHERE NOT EXISTS (SELECT 1 FROM pop p WHERE p.insee = m.code);
    SELECT array_agg(insee ORDER BY insee) INTO missing_geom
    FROM pop p WHERE NOT EXISTS (SELECT 1 FROM code_map m WHERE m.code = p.insee);
    IF missing_pop IS NOT NULL THEN
        msg := format('%s commune(s) de la géométrie sans population (après correspondance des codes) : %s',
                      cardinality(missing_pop), pg_temp.code_list(missing_pop));
        IF NOT EXISTS (SELECT 1 FROM mvt) THEN
            msg := msg || ' (--movements permet de rattacher les codes des communes fusionnées)';
        END IF;
    END IF;
    IF missing_geom IS NOT NULL THEN
        msg := msg || CASE WHEN msg = '' THEN '' ELSE ' ; ' END
            || format('%s commune(s) du fichier de population sans géométrie : %s',
                      cardinality(missing_geom), pg_temp.code_list(missing_geom));
    END IF;
    IF msg <> '' THEN
        RAISE EXCEPTION '%', msg;
    END IF;
END $$;

\echo '  fusion des polygones par commune actuelle…'
CREATE TEMP TABLE new_commune AS
SELECT p.insee,
       coalesce(p.name, (SELECT s.name FROM src_commune s WHERE s.code = p.insee AND s.name IS NOT NULL LIMIT 1)) AS name,
       coalesce(p.dep, pg_temp.department_of(p.insee)) AS department_code,
       CAST(p.pmun AS integer) AS population,
       CAST(round(CAST(p.pmun AS integer) * (SELECT dwellings_ratio FROM import_param)) AS integer) AS dwellings,
       g.geom,
       g.parts,
       CAST(NULL AS text) AS epci_siren
FROM pop p
JOIN (SELECT m.code,
             pg_temp.clean_multi(CASE WHEN count(*) = 1 THEN (array_agg(s.geom))[1]  -- pas d'union inutile
                                      ELSE ST_Union(pg_temp.clean_multi(s.geom)) END) AS geom,
             count(*) AS parts
      FROM src_commune s JOIN code_map m ON m.origin = s.code
      GROUP BY m.code) g ON g.code = p.insee;
CREATE UNIQUE INDEX ON new_commune (insee);
CREATE INDEX ON new_commune USING gist (geom);

DO $$
DECLARE
    bad text[];
BEGIN
    SELECT array_agg(insee ORDER BY insee) INTO bad FROM new_commune WHERE name IS NULL;
    IF bad IS NOT NULL THEN
        RAISE EXCEPTION 'Communes sans nom (ni dans le fichier de population ni dans la géométrie) : %', pg_temp.code_list(bad);
    END IF;
    SELECT array_agg(insee ORDER BY insee) INTO bad
    FROM new_commune WHERE geom IS NULL OR ST_IsEmpty(geom) OR NOT ST_IsValid(geom);
    IF bad IS NOT NULL THEN
        RAISE EXCEPTION 'Communes dont la géométrie est vide ou irréparable : %', pg_temp.code_list(bad);
    END IF;
END $$;

\echo '  départements…'
-- Départements du fichier (s'il est donné) qui ont des communes, puis ceux qui manquent encore,
-- obtenus par fusion des communes.
CREATE TEMP TABLE new_department AS
SELECT code, coalesce(max(name), pg_temp.department_name(code)) AS name,
       pg_temp.clean_multi(ST_Union(pg_temp.clean_multi(geom))) AS geom
FROM src_department
WHERE code IN (SELECT department_code FROM new_commune)
GROUP BY code;
INSERT INTO new_department
SELECT department_code, pg_temp.department_name(department_code), pg_temp.clean_multi(ST_Union(geom))
FROM new_commune
WHERE department_code NOT IN (SELECT code FROM new_department)
GROUP BY department_code;

DO $$
DECLARE
    bad text[];
BEGIN
    SELECT array_agg(code ORDER BY code) INTO bad
    FROM new_department WHERE geom IS NULL OR ST_IsEmpty(geom) OR NOT ST_IsValid(geom);
    IF bad IS NOT NULL THEN
        RAISE EXCEPTION 'Départements dont la géométrie est vide ou irréparable : %', pg_temp.code_list(bad);
    END IF;
END $$;

INSERT INTO department (code, name, geom)
SELECT code, name, geom FROM new_department
ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, geom = EXCLUDED.geom;

\echo '  EPCI et rattachement des communes…'
-- EPCI candidats : ceux du fichier --epci, sinon ceux déjà en base.
CREATE TEMP TABLE epci_candidate AS
SELECT siren, max(name) AS name, pg_temp.clean_multi(ST_Union(pg_temp.clean_multi(geom))) AS geom
FROM src_epci
GROUP BY siren;
INSERT INTO epci_candidate
SELECT siren, name, geom FROM epci
WHERE geom IS NOT NULL AND NOT EXISTS (SELECT 1 FROM src_epci);
CREATE INDEX ON epci_candidate USING gist (geom);

-- La commune appartient à l'EPCI dont le polygone contient son point intérieur
-- (ST_PointOnSurface) ; si plusieurs le contiennent, celui qui la recouvre le plus.
UPDATE new_commune c
SET epci_siren = (
    SELECT e.siren FROM epci_candidate e
    WHERE ST_Contains(e.geom, ST_PointOnSurface(c.geom))
    ORDER BY ST_Area(ST_Intersection(e.geom, c.geom)) DESC, e.siren
    LIMIT 1);

-- Avec --epci, le fichier fait foi : tous ses EPCI qui regroupent au moins une commune.
\if :has_epci
INSERT INTO epci (siren, name, geom)
SELECT siren, name, geom FROM epci_candidate e
WHERE EXISTS (SELECT 1 FROM new_commune c WHERE c.epci_siren = e.siren)
ON CONFLICT (siren) DO UPDATE SET name = EXCLUDED.name, geom = EXCLUDED.geom;
\endif

\echo '  communes…'
INSERT INTO commune (insee, name, department_code, epci_siren, population, dwellings, geom)
SELECT insee, name, department_code, epci_siren, population, dwellings, geom FROM new_commune
ON CONFLICT (insee) DO UPDATE SET
    name = EXCLUDED.name,
    department_code = EXCLUDED.department_code,
    epci_siren = EXCLUDED.epci_siren,
    population = EXCLUDED.population,
    dwellings = EXCLUDED.dwellings,
    geom = EXCLUDED.geom;

-- Les communes qui ne sont plus dans le référentiel disparaissent, sauf si quelque chose
-- (NRA, route, site RUHD…) les référence encore : alors l'import est refusé.
DO $$
DECLARE
    stale text[];
BEGIN
    SELECT array_agg(insee ORDER BY insee) INTO stale
    FROM commune c WHERE NOT EXISTS (SELECT 1 FROM new_commune n WHERE n.insee = c.insee);
    IF stale IS NOT NULL THEN
        BEGIN
            DELETE FROM commune WHERE insee = ANY (stale);
        EXCEPTION WHEN foreign_key_violation THEN
            RAISE EXCEPTION 'Import refusé : des communes absentes du nouveau référentiel sont encore référencées (%) ; communes concernées : %',
                SQLERRM, pg_temp.code_list(stale);
        END;
    END IF;
END $$;

DELETE FROM department d WHERE NOT EXISTS (SELECT 1 FROM new_department n WHERE n.code = d.code);
\if :has_epci
DELETE FROM epci e WHERE NOT EXISTS (SELECT 1 FROM commune c WHERE c.epci_siren = e.siren);
\endif

INSERT INTO dataset_info (key, value)
SELECT 'territory.source', source FROM import_param
ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value;

INSERT INTO import_batch (kind, source_name, username, finished_at, row_count, status)
SELECT 'TERRITORY', communes_file, current_user, now(), (SELECT count(*) FROM new_commune), 'DONE'
FROM import_param;

DROP SCHEMA territory_staging CASCADE;
SQL

log "Import en base (une seule transaction)…"
if ! pg --single-transaction -v has_epci="$HAS_EPCI" -f "$SQL" 2>"$WORKDIR/psql.log"; then
    # Messages psql (« psql:…/import.sql:123: ERROR:  … ») ramenés à l'essentiel.
    sed -E -e 's/^psql:[^:]*:[0-9]+: //' -e 's/^(ERREUR|ERROR): +/  /' "$WORKDIR/psql.log" >&2
    die "import interrompu, transaction annulée"
fi
STAGING_CREATED=false # supprimé par la transaction

pg -c 'ANALYZE department; ANALYZE epci; ANALYZE commune' >/dev/null 2>&1 || true

ELAPSED_MS=$((($(date +%s%N) - START_NS) / 1000000))
log "Résultat :"
pg -At -F ' ' -c "
    SELECT format('  %s %s : %s communes, %s habitants', d.code, d.name, count(c.insee),
                  coalesce(sum(c.population), 0))
    FROM department d LEFT JOIN commune c ON c.department_code = d.code
    GROUP BY d.code, d.name ORDER BY d.code"
pg -At -c "
    SELECT format('  total : %s communes, %s habitants, %s logements estimés ; %s EPCI, %s communes sans EPCI%s',
                  count(*), sum(population), sum(dwellings), (SELECT count(*) FROM epci),
                  count(*) FILTER (WHERE epci_siren IS NULL),
                  coalesce(' (' || string_agg(insee || ' ' || name, ', ' ORDER BY insee)
                                      FILTER (WHERE epci_siren IS NULL) || ')', ''))
    FROM commune"
log "Import terminé en $((ELAPSED_MS / 1000)),$(printf '%03d' $((ELAPSED_MS % 1000))) s."
