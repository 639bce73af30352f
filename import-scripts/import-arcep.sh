#!/usr/bin/env bash
#
# import-arcep.sh — charge l'observatoire Arcep « Le marché du haut et très haut débit fixe
# (déploiements) » dans la base PostGIS de THD Tracker (tables arcep_commune, arcep_epci,
# arcep_deployment) et en déduit le périmètre public de chaque commune (commune_perimeter,
# source ARCEP).
#
# Usage :
#   import-arcep.sh --dir DOSSIER [--movements FICHIER] [--perimeter-from AAAA-MM-JJ] [--source LIBELLÉ]
#   import-arcep.sh --communes-info F --communes-deployment F --epci-info F --epci-deployment F
#                   --departments-deployment F [--movements F] [--perimeter-from AAAA-MM-JJ]
#
#   --dir                     dossier des cinq fichiers d'un même millésime, reconnus à leur nom :
#                             *communes-info*, *deploiement-communes*, *epci-info*,
#                             *deploiement-epci*, *deploiement-departements* (.csv) ; une option
#                             explicite ci-dessous remplace le fichier trouvé.
#   --communes-info           informations par commune (logements, établissements, zones très
#                             denses, engagements L. 33-13, intentions privées, commune rurale, de
#                             montagne, OI), codes communes du COG de l'observatoire (2018 ici).
#   --communes-deployment     locaux raccordables et catégorie de couverture par commune et trimestre.
#   --epci-info               logements et établissements par EPCI.
#   --epci-deployment         locaux raccordables et catégorie par EPCI et trimestre.
#   --departments-deployment  locaux raccordables et catégorie par département et trimestre.
#   --movements               CSV INSEE des mouvements de communes (celui de import-territory.sh) :
#                             rattache les codes de 2018 aux communes actuelles (communes nouvelles).
#   --perimeter-from          date d'effet du périmètre déduit (défaut 2011-01-31, clôture de
#                             l'appel à manifestations d'intentions d'investissement, AMII).
#   --source                  libellé enregistré dans dataset_info('arcep.source').
#
# Format des fichiers (tel que l'Arcep le publie) : CSV ',' UTF-8 (BOM toléré), quatre lignes de
# titre puis l'en-tête, colonnes lues par leur nom ; nombres avec espaces insécables comme
# séparateurs de milliers et remplissage (« 1 737    »), « - » pour 0 ou non.
#
# Connexion à PostgreSQL : comme import-territory.sh (PGHOST, PGPORT, PGDATABASE, PGUSER,
# PGPASSWORD, ou SPRING_DATASOURCE_URL ; lib/database.sh). Le territoire doit être importé.
#
# Déroulement : chaque fichier est chargé tel quel, ligne par ligne et numéroté (psql \copy),
# dans le schéma de travail arcep_staging (le CSV des mouvements par le pilote CSV de GDAL) ;
# tout le reste est le SQL de sql/arcep/10-…80-*.sql, joué en UNE transaction psql : découpage
# des lignes, en-têtes, valeurs (chaque valeur refusée est nommée avec son fichier, sa ligne et
# sa colonne), rattachement des codes aux communes actuelles, écriture des tables (seules les
# lignes qui diffèrent : réimporter les mêmes fichiers ne change rien), périmètre public (une
# commune modifiée par un administrateur n'est jamais touchée), rapport. En cas d'erreur, rien
# n'est modifié et le script sort avec un code non nul. Ce script ne fabrique aucun SQL.
#
# Codes de sortie : 0 succès, 1 erreur (rien n'est modifié), 2 usage incorrect.

set -euo pipefail

readonly PROG=${0##*/}
readonly SQL_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/sql/arcep"
# also written out in sql/arcep/02-load-lines.sql, whose \copy takes no variable
readonly STAGING=arcep_staging
readonly DEFAULT_SOURCE='Arcep – observatoire du haut et très haut débit fixe (déploiements)'
readonly DEFAULT_PERIMETER_FROM=2011-01-31
# The import transaction, in this order (one psql session: the files share temp tables and variables).
readonly TRANSACTION=(10-session 20-layout 30-values 40-codes 50-refuse 60-observatory 70-perimeter 80-trace)
# option → staging key, and the name pattern --dir recognises
readonly FILES=(communes-info:communes_info:'*communes-info*.csv'
    communes-deployment:communes_deployment:'*deploiement-communes*.csv'
    epci-info:epci_info:'*epci-info*.csv'
    epci-deployment:epci_deployment:'*deploiement-epci*.csv'
    departments-deployment:departments_deployment:'*deploiement-departements*.csv')

# log, err, die, usage_error, require_tools, check_readable, thd_import_connect, pg,
# open_staging, run_transaction, load_csv
source "$(dirname "${BASH_SOURCE[0]}")/lib/import.sh"

usage() {
    cat <<EOF
Usage : $PROG --dir DOSSIER [--movements FICHIER] [--perimeter-from AAAA-MM-JJ] [--source LIBELLÉ]
   ou : $PROG --communes-info F --communes-deployment F --epci-info F --epci-deployment F
          --departments-deployment F [--movements F] [--perimeter-from AAAA-MM-JJ] [--source LIBELLÉ]

Charge l'observatoire Arcep (déploiements FttH) et le périmètre public des communes dans la base
THD Tracker. Connexion : PGHOST/PGPORT/PGDATABASE/PGUSER/PGPASSWORD (défauts 127.0.0.1/5432/thd/thd_owner)
ou SPRING_DATASOURCE_URL si définie. Voir l'en-tête du script et import-scripts/README.md.
EOF
}

# ---------------------------------------------------------------------------------------------
# Arguments
# ---------------------------------------------------------------------------------------------
declare -A PATH_OF=()
DIR='' MOVEMENTS='' HAS_MOVEMENTS=false PERIMETER_FROM=$DEFAULT_PERIMETER_FROM SOURCE=$DEFAULT_SOURCE
set_option() {
    case $1 in
        --dir) DIR=$2 ;;
        --movements) MOVEMENTS=$2 HAS_MOVEMENTS=true ;;
        --perimeter-from) PERIMETER_FROM=$2 ;;
        --source) SOURCE=$2 ;;
        --communes-info | --communes-deployment | --epci-info | --epci-deployment | --departments-deployment)
            PATH_OF[${1#--}]=$2 ;;
        *) usage_error "option inconnue : $1" ;;
    esac
}
parse_options "$@"
[[ -n $SOURCE ]] || usage_error "--source ne peut pas être vide"
# a real day, from the first AMII (2010) to today: the rows of commune_perimeter start there
if ! [[ $PERIMETER_FROM =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}$ ]] ||
    [[ $(date -d "$PERIMETER_FROM" +%F 2>/dev/null || true) != "$PERIMETER_FROM" ]] ||
    [[ $PERIMETER_FROM < 2010-01-01 || $PERIMETER_FROM > $(date +%F) ]]; then
    usage_error "--perimeter-from : une date AAAA-MM-JJ entre 2010-01-01 et aujourd'hui est attendue (reçu : $PERIMETER_FROM)"
fi

if [[ -n $DIR ]]; then
    check_readable "--dir" "$DIR"
    [[ -d $DIR ]] || die "--dir : ce n'est pas un dossier : $DIR"
    for entry in "${FILES[@]}"; do
        option=${entry%%:*} pattern=${entry##*:}
        [[ -z ${PATH_OF[$option]:-} ]] || continue
        shopt -s nullglob
        found=("$DIR"/$pattern)
        shopt -u nullglob
        ((${#found[@]} == 1)) ||
            die "--dir : $((${#found[@]})) fichier(s) $pattern dans $DIR (un seul attendu ; --$option le désigne)"
        PATH_OF[$option]=${found[0]}
    done
fi
for entry in "${FILES[@]}"; do
    option=${entry%%:*}
    [[ -n ${PATH_OF[$option]:-} ]] || usage_error "--$option est obligatoire (ou --dir)"
done

require_tools ogr2ogr psql sed wc date
START_NS=$(date +%s%N)

log "Vérification des fichiers…"
for entry in "${FILES[@]}"; do
    option=${entry%%:*}
    check_readable "--$option" "${PATH_OF[$option]}"
done
if $HAS_MOVEMENTS; then check_readable "--movements" "$MOVEMENTS"; fi

# ---------------------------------------------------------------------------------------------
# Connexion à la base
# ---------------------------------------------------------------------------------------------
thd_import_connect import-arcep

read_database_state "$SQL_DIR/00-check-database.sql"
case $DB_STATE in
    ok) ;;
    no-schema) die "la base $DB_LABEL n'a pas le schéma de l'observatoire (migrations V16 et V19) : appliquez d'abord les migrations Flyway (démarrage de l'application)" ;;
    no-communes) die "la base $DB_LABEL n'a pas de communes : importez d'abord le territoire (import-territory.sh)" ;;
    *) die "réponse inattendue de la base $DB_LABEL : $DB_STATE" ;;
esac
log "Base : $DB_LABEL"

# ---------------------------------------------------------------------------------------------
# Schéma de travail (supprimé à la sortie, quoi qu'il arrive) et lecture des fichiers
# ---------------------------------------------------------------------------------------------
open_staging import-arcep
pg -f "$SQL_DIR/01-create-lines.sql" >/dev/null 2>"$WORKDIR/psql.log" ||
    die "impossible de préparer le schéma de travail $STAGING : $(cat "$WORKDIR/psql.log")"

# Each file as its lines: as many must be read as the file has (COPY would stop at a line "\.").
for entry in "${FILES[@]}"; do
    option=${entry%%:*} rest=${entry#*:}
    key=${rest%%:*} path=${PATH_OF[$option]}
    log "Lecture de --$option… ($path)"
    if ! read_lines=$(pg -At -v file_key="$key" -f "$SQL_DIR/02-load-lines.sql" <"$path" 2>"$WORKDIR/psql.log"); then
        sed -E -e 's/^psql:[^:]*:[0-9]+: //' -e 's/^(ERREUR|ERROR): +/  /' "$WORKDIR/psql.log" >&2
        die "--$option : fichier illisible (UTF-8 attendu) : $path"
    fi
    file_lines=$(($(wc -l <"$path") + $([[ -n $(tail -c 1 "$path") ]] && echo 1 || echo 0)))
    [[ $read_lines == "$file_lines" ]] ||
        die "--$option : $read_lines lignes lues sur $file_lines (une ligne « \\. » arrête la lecture) : $path"
    log "  $read_lines lignes"
done
if $HAS_MOVEMENTS; then
    log "Lecture des mouvements de communes… ($MOVEMENTS)"
    load_csv "--movements" "$MOVEMENTS" movements
fi

# ---------------------------------------------------------------------------------------------
# La transaction
# ---------------------------------------------------------------------------------------------
log "Import en base (une seule transaction)…"
files=()
for step in "${TRANSACTION[@]}"; do files+=(-f "$SQL_DIR/$step.sql"); done
run_transaction "${files[@]}" \
    -v communes_info_file="${PATH_OF[communes-info]}" \
    -v communes_deployment_file="${PATH_OF[communes-deployment]}" \
    -v epci_info_file="${PATH_OF[epci-info]}" \
    -v epci_deployment_file="${PATH_OF[epci-deployment]}" \
    -v departments_deployment_file="${PATH_OF[departments-deployment]}" \
    -v has_movements="$HAS_MOVEMENTS" -v movements_file="$MOVEMENTS" \
    -v perimeter_from="$PERIMETER_FROM" -v source="$SOURCE" \
    -v batch_name="$(basename "${PATH_OF[communes-info]}") + 4 fichiers"
STAGING_CREATED=false # supprimé par la transaction

ELAPSED_MS=$((($(date +%s%N) - START_NS) / 1000000))
log "Locaux raccordables par département :"
pg -At -f "$SQL_DIR/99-summary.sql" || err "attention : le résumé de l'import n'a pas pu être lu"
log "Import terminé en $((ELAPSED_MS / 1000)),$(printf '%03d' $((ELAPSED_MS % 1000))) s."
