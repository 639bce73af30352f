-- Session helpers shared by the import transactions (sql/territory/10-session.sql and
-- sql/arcep/10-session.sql include this file): codes, readable lists, refusals, source columns.

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

-- Liste lisible de codes pour les messages d'erreur (les 40 premiers).
CREATE FUNCTION pg_temp.code_list(codes text[]) RETURNS text
LANGUAGE sql IMMUTABLE AS $f$
    SELECT array_to_string(codes[1:40], ', ')
        || CASE WHEN cardinality(codes) > 40
                THEN format(' … (%s au total)', cardinality(codes)) ELSE '' END
$f$;

-- Stops the import with "<what> : <values>" when the check found offending values (NULL: none).
CREATE FUNCTION pg_temp.refuse(what text, offending text[]) RETURNS void
LANGUAGE plpgsql AS $f$
BEGIN
    IF offending IS NOT NULL THEN
        RAISE EXCEPTION '% : %', what, pg_temp.code_list(offending);
    END IF;
END
$f$;

-- Département d'un code commune (97x pour l'outre-mer).
CREATE FUNCTION pg_temp.department_of(insee text) RETURNS text
LANGUAGE sql IMMUTABLE AS $f$
    SELECT CASE WHEN insee LIKE '97%' THEN left(insee, 3) ELSE left(insee, 2) END
$f$;

-- The sources name their columns in several ways (ogr2ogr lower-cases them): the first of the
-- candidates that the staging table has, or NULL.
CREATE FUNCTION pg_temp.first_column(staging text, tbl text, candidates text[]) RETURNS text
LANGUAGE sql STABLE AS $f$
    SELECT c.name
    FROM unnest(candidates) WITH ORDINALITY AS c(name, rank)
    WHERE EXISTS (SELECT 1 FROM information_schema.columns i
                  WHERE i.table_schema = staging AND i.table_name = tbl AND i.column_name = c.name)
    ORDER BY c.rank
    LIMIT 1
$f$;

-- A column the import cannot do without: its name, or the error `message`.
CREATE FUNCTION pg_temp.required_column(staging text, tbl text, candidates text[], message text) RETURNS text
LANGUAGE plpgsql AS $f$
DECLARE
    found text := pg_temp.first_column(staging, tbl, candidates);
BEGIN
    IF found IS NULL THEN
        RAISE EXCEPTION '%', message;
    END IF;
    RETURN found;
END
$f$;

-- An optional column: when the source has none, an all-NULL column is added to the staging
-- table, so that the statements reading it stay the same whatever the source.
CREATE FUNCTION pg_temp.optional_column(staging text, tbl text, candidates text[]) RETURNS text
LANGUAGE plpgsql AS $f$
DECLARE
    found text := pg_temp.first_column(staging, tbl, candidates);
BEGIN
    IF found IS NULL THEN
        EXECUTE format('ALTER TABLE %I.%I ADD COLUMN IF NOT EXISTS thd_absent text', staging, tbl);
        found := 'thd_absent';
    END IF;
    RETURN found;
END
$f$;
