-- First file of the import transaction (import-territory.sh runs 10-… to 90-… in one
-- psql --single-transaction with ON_ERROR_STOP): settings and helpers local to the session.
\set VERBOSITY terse
SET client_min_messages = warning;
SET LOCAL lock_timeout = '60s';

-- norm_code, code_list, refuse, department_of, first_column, required_column, optional_column
\ir ../common/helpers.sql

-- Polygones valides, multi, sans les morceaux de dimension inférieure que ST_MakeValid produit.
CREATE FUNCTION pg_temp.clean_multi(g geometry) RETURNS geometry
LANGUAGE sql IMMUTABLE AS $f$
    SELECT ST_Multi(ST_CollectionExtract(CASE WHEN ST_IsValid(g) THEN g ELSE ST_MakeValid(g) END, 3))
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
