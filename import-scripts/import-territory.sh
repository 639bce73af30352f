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
#                  reconnus par le pilote CSV de GDAL —, UTF-8, fins de ligne LF ou CRLF). Colonnes
#                  lues par leur nom :
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
# (défauts 127.0.0.1, 5432, thd, thd_owner — le propriétaire du schéma —, sans mot de passe), ou,
# si SPRING_DATASOURCE_URL est définie, la configuration de l'application (lib/database.sh, elle a
# priorité sur les PG* ; rôle THD_OWNER_USERNAME s'il est donné, voir docs/database-roles.md).
# La base doit déjà porter le schéma (migrations Flyway appliquées au démarrage de l'application).
#
# Déroulement : les fichiers sont vérifiés, puis chargés tels quels par ogr2ogr dans un schéma de
# travail (territory_staging ; les couches sont reprojetées en Lambert-93 EPSG:2154, les CSV lus
# par le pilote CSV de GDAL, valeurs gardées en texte). Tout le reste est le SQL de
# sql/territory/10-…90-*.sql, joué en UNE transaction psql (--single-transaction, ON_ERROR_STOP) :
# choix des colonnes, correspondance des codes 2018 → actuels, fusion (ST_Union) et validation
# (ST_MakeValid) des polygones, contrôles de cohérence, mise à jour des départements, EPCI et
# communes, dataset_info, puis suppression du schéma de travail. En cas d'erreur, rien n'est
# modifié dans la base (le schéma de travail est supprimé à la sortie) et le script sort avec un
# code non nul. Ce script ne fabrique aucun SQL : les valeurs passent en variables psql (-v).
#
# Refus : l'import est refusé s'il existe déjà des locaux (table premise) — remplacer les
# communes sous des locaux existants les casserait — ou si une commune qui disparaît du
# référentiel est encore référencée (NRA, routes, sites RUHD…).
#
# Logements : estimés à round(population × 0,54) (voir sql/territory/30-normalise.sql).
#
# Deux imports simultanés sur la même base ne sont pas pris en charge (schéma de travail commun).
#
# Codes de sortie : 0 succès, 1 erreur (rien n'est modifié), 2 usage incorrect.

set -euo pipefail

readonly PROG=${0##*/}
readonly SQL_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/sql/territory"
readonly STAGING=territory_staging
readonly DEFAULT_SOURCE='IGN ADMIN EXPRESS COG 2018 + INSEE populations légales'
# The import transaction, in this order (one psql session: the files share temp tables and variables).
readonly TRANSACTION=(10-session 20-source-columns 30-normalise 40-check-sources 50-map-codes
    60-merge-communes 70-departments 80-epci 90-write-communes)

# log, err, die, usage_error, require_tools, check_readable, thd_import_connect, pg,
# open_staging, run_transaction, ogr_load, load_csv
source "$(dirname "${BASH_SOURCE[0]}")/lib/import.sh"

usage() {
    cat <<EOF
Usage : $PROG --communes FICHIER --populations FICHIER
          [--movements FICHIER] [--epci FICHIER] [--departments FICHIER] [--source LIBELLÉ]

Charge communes, départements et EPCI dans la base THD Tracker (EPSG:2154).
Connexion : PGHOST/PGPORT/PGDATABASE/PGUSER/PGPASSWORD (défauts 127.0.0.1/5432/thd/thd_owner)
ou SPRING_DATASOURCE_URL (rôle THD_OWNER_USERNAME, sinon SPRING_DATASOURCE_USERNAME) si définie.
Voir l'en-tête du script et import-scripts/README.md pour le détail.
EOF
}

# ---------------------------------------------------------------------------------------------
# Arguments
# ---------------------------------------------------------------------------------------------
COMMUNES='' POPULATIONS='' MOVEMENTS='' EPCI='' DEPARTMENTS='' SOURCE=$DEFAULT_SOURCE
HAS_MOVEMENTS=false HAS_EPCI=false HAS_DEPARTMENTS=false

set_option() {
    case $1 in
        --communes) COMMUNES=$2 ;;
        --populations) POPULATIONS=$2 ;;
        --movements) MOVEMENTS=$2 HAS_MOVEMENTS=true ;;
        --epci) EPCI=$2 HAS_EPCI=true ;;
        --departments) DEPARTMENTS=$2 HAS_DEPARTMENTS=true ;;
        --source) SOURCE=$2 ;;
        *) usage_error "option inconnue : $1" ;;
    esac
}
parse_options "$@"
[[ -n $COMMUNES ]] || usage_error "--communes est obligatoire"
[[ -n $POPULATIONS ]] || usage_error "--populations est obligatoire"
[[ -n $SOURCE ]] || usage_error "--source ne peut pas être vide"

require_tools ogr2ogr ogrinfo psql sed

START_NS=$(date +%s%N)

# ---------------------------------------------------------------------------------------------
# Vérification des fichiers (avant tout accès à la base)
# ---------------------------------------------------------------------------------------------
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

log "Vérification des fichiers…"
check_vector "--communes" "$COMMUNES"
check_readable "--populations" "$POPULATIONS"
if $HAS_MOVEMENTS; then check_readable "--movements" "$MOVEMENTS"; fi
if $HAS_EPCI; then check_vector "--epci" "$EPCI"; fi
if $HAS_DEPARTMENTS; then check_vector "--departments" "$DEPARTMENTS"; fi

# ---------------------------------------------------------------------------------------------
# Connexion à la base
# ---------------------------------------------------------------------------------------------
thd_import_connect import-territory

read_database_state "$SQL_DIR/00-check-database.sql"
case $DB_STATE in
    ok) ;;
    no-schema) die "la base $DB_LABEL n'a pas le schéma THD Tracker (tables commune, premise…) : appliquez d'abord les migrations Flyway (démarrage de l'application)" ;;
    premises) die "la base $DB_LABEL contient déjà des locaux (table premise) : remplacer les communes sous des locaux existants les casserait. Import du territoire refusé ; il se fait sur une base sans locaux." ;;
    *) die "réponse inattendue de la base $DB_LABEL : $DB_STATE" ;;
esac
log "Base : $DB_LABEL"

# ---------------------------------------------------------------------------------------------
# Schéma de travail (supprimé à la sortie, quoi qu'il arrive)
# ---------------------------------------------------------------------------------------------
open_staging import-territory

load_vector() { # libellé chemin table
    local label=$1 path=$2 table=$3
    local -a source=("$path")
    [[ -z ${LAYER[$path]} ]] || source+=("${LAYER[$path]}")
    ogr_load "$label" "$path" "$table" "chargement par ogr2ogr impossible" "${source[@]}" \
        -t_srs EPSG:2154 -nlt PROMOTE_TO_MULTI -dim XY -lco GEOMETRY_NAME=geom -lco SPATIAL_INDEX=NONE
    ((ROWS > 0)) || die "$label : aucune entité lue dans $path"
    [[ $HAS_GEOM == t ]] || die "$label : la source n'a pas de géométrie (polygones attendus) : $path"
    ((POLYGONS > 0)) || die "$label : aucun polygone dans $path"
    log "  $POLYGONS entités"
}

log "Lecture des communes… ($COMMUNES)"
load_vector "--communes" "$COMMUNES" communes
log "Lecture des populations… ($POPULATIONS)"
load_csv "--populations" "$POPULATIONS" populations
if $HAS_MOVEMENTS; then
    log "Lecture des mouvements de communes… ($MOVEMENTS)"
    load_csv "--movements" "$MOVEMENTS" movements
fi
if $HAS_EPCI; then
    log "Lecture des EPCI… ($EPCI)"
    load_vector "--epci" "$EPCI" epci
fi
if $HAS_DEPARTMENTS; then
    log "Lecture des départements… ($DEPARTMENTS)"
    load_vector "--departments" "$DEPARTMENTS" departments
fi

# ---------------------------------------------------------------------------------------------
# La transaction
# ---------------------------------------------------------------------------------------------
log "Import en base (une seule transaction)…"
files=()
for step in "${TRANSACTION[@]}"; do files+=(-f "$SQL_DIR/$step.sql"); done
run_transaction "${files[@]}" \
    -v has_movements="$HAS_MOVEMENTS" -v has_epci="$HAS_EPCI" -v has_departments="$HAS_DEPARTMENTS" \
    -v communes_file="$COMMUNES" -v populations_file="$POPULATIONS" -v movements_file="$MOVEMENTS" \
    -v epci_file="$EPCI" -v departments_file="$DEPARTMENTS" -v source="$SOURCE" \
    -v batch_name="${COMMUNES##*/} + ${POPULATIONS##*/}"
STAGING_CREATED=false # supprimé par la transaction

ELAPSED_MS=$((($(date +%s%N) - START_NS) / 1000000))
log "Résultat :"
pg -At -F ' ' -f "$SQL_DIR/99-summary.sql" || err "attention : le résumé de l'import n'a pas pu être lu"
log "Import terminé en $((ELAPSED_MS / 1000)),$(printf '%03d' $((ELAPSED_MS % 1000))) s."
