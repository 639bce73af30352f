-- First file of the import transaction (import-arcep.sh runs 10-… to 80-… in one
-- psql --single-transaction with ON_ERROR_STOP): settings, parameters and helpers of the session.
-- Variables in: the five files' paths (communes_info_file, communes_deployment_file, epci_info_file,
-- epci_deployment_file, departments_deployment_file), perimeter_from, source, batch_name.
\set VERBOSITY terse
\pset tuples_only on
\pset format unaligned
SET client_min_messages = warning;
SET LOCAL lock_timeout = '60s';

-- norm_code, code_list, refuse, department_of, first_column, required_column, optional_column
\ir ../common/helpers.sql

CREATE TEMP TABLE import_param AS
    SELECT CAST(:'perimeter_from' AS date) AS perimeter_from, CAST(:'source' AS text) AS source,
           CAST(:'batch_name' AS text) AS batch_name;

-- The five files: how the messages name them, and the column that starts their header line.
CREATE TEMP TABLE src_file (file_key text PRIMARY KEY, option text, path text, key_column text, level text);
INSERT INTO src_file VALUES
    ('communes_info', '--communes-info', :'communes_info_file', 'code commune', NULL),
    ('communes_deployment', '--communes-deployment', :'communes_deployment_file', 'code commune', 'COMMUNE'),
    ('epci_info', '--epci-info', :'epci_info_file', 'siren epci', NULL),
    ('epci_deployment', '--epci-deployment', :'epci_deployment_file', 'siren epci', 'EPCI'),
    ('departments_deployment', '--departments-deployment', :'departments_deployment_file', 'code département',
     'DEPARTMENT');

-- Every value the import refuses, with where it is; the import stops when any is found
-- (50-refuse.sql, and earlier for a file whose layout cannot be read at all).
CREATE TEMP TABLE problem (file_key text, line_no bigint, column_label text, value text, message text);

-- Refuses the import when problems were found: one line per problem (the first 40) and the count.
CREATE FUNCTION pg_temp.refuse_problems(stage text) RETURNS void
LANGUAGE plpgsql AS $f$
DECLARE
    n bigint;
    lines text;
BEGIN
    SELECT count(*) INTO n FROM problem;
    IF n = 0 THEN
        RETURN;
    END IF;
    SELECT string_agg(txt, E'\n' ORDER BY ord) INTO lines
    FROM (SELECT row_number() OVER (ORDER BY f.option, p.line_no NULLS FIRST, p.column_label) AS ord,
                 '  ' || f.path || coalesce(', ligne ' || p.line_no, '')
                 || coalesce(', colonne « ' || p.column_label || ' »', '') || ' : ' || p.message
                 || coalesce(' (« ' || left(pg_temp.clean(p.value), 60) || ' »)', '') AS txt
          FROM problem p JOIN src_file f USING (file_key)) x
    WHERE ord <= 40;
    RAISE EXCEPTION E'% : % problème(s)%\n%', stage, n,
        CASE WHEN n > 40 THEN ', les 40 premiers' ELSE '' END, lines;
END
$f$;

-- A column name as written in a header, compared without case, padding or doubled spaces.
CREATE FUNCTION pg_temp.norm_name(v text) RETURNS text
LANGUAGE sql IMMUTABLE AS $f$
    SELECT lower(regexp_replace(regexp_replace(coalesce(v, ''), '^[\s\u00a0]+|[\s\u00a0]+$', '', 'g'),
                                '[\s\u00a0]+', ' ', 'g'))
$f$;

-- A value without its padding (spaces and non-breaking spaces), NULL when nothing is left.
CREATE FUNCTION pg_temp.clean(v text) RETURNS text
LANGUAGE sql IMMUTABLE AS $f$
    SELECT nullif(regexp_replace(coalesce(v, ''), '^[\s\u00a0\u202f]+|[\s\u00a0\u202f]+$', '', 'g'), '')
$f$;

-- The fields of one CSV line (',' separated, '"' quoting with '""' inside), or NULL when its
-- quotes do not pair up: the matches must cover the whole line.
CREATE FUNCTION pg_temp.csv_fields(line text) RETURNS text[]
LANGUAGE sql IMMUTABLE AS $f$
    SELECT CASE WHEN sum(length(m[1]) + 1) = length(line) + 1 THEN
               array_agg(CASE WHEN left(m[1], 1) = '"'
                              THEN replace(substr(m[1], 2, length(m[1]) - 2), '""', '"') ELSE m[1] END ORDER BY n)
           END
    FROM regexp_matches(line || ',', '("(?:[^"]|"")*"|[^,"]*),', 'g') WITH ORDINALITY AS r(m, n)
$f$;

-- A count as the observatory writes it: thousands separated by (non-breaking) spaces, padded,
-- '-' for 0. NULL when it is no such number (or absent).
CREATE FUNCTION pg_temp.arcep_count(v text) RETURNS integer
LANGUAGE sql IMMUTABLE AS $f$
    SELECT CASE WHEN s = '-' THEN 0 WHEN s ~ '^[0-9]{1,9}$' THEN CAST(s AS integer) END
    FROM (SELECT regexp_replace(coalesce(v, ''), '[\s\u00a0\u202f]', '', 'g') AS s) x
$f$;

-- A yes/no column: '1' yes, '-' (or empty, or 0) no; NULL for anything else.
CREATE FUNCTION pg_temp.arcep_flag(v text) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $f$
    SELECT CASE WHEN s IS NULL OR s IN ('-', '0') THEN false WHEN s = '1' THEN true END
    FROM (SELECT pg_temp.clean(v) AS s) x
$f$;

-- "T1 2018" → "2018T1", the form the tables keep; NULL for a column that is no quarter.
CREATE FUNCTION pg_temp.quarter_of(name text) RETURNS text
LANGUAGE sql IMMUTABLE AS $f$
    SELECT CASE WHEN n ~ '^t[1-4] 20[0-9]{2}$' THEN right(n, 4) || 'T' || substr(n, 2, 1) END
    FROM (SELECT pg_temp.norm_name(name) AS n) x
$f$;
