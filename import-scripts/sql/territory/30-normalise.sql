-- Tables normalisées depuis le schéma de travail, colonnes choisies par 20-source-columns.sql.
-- Variables in: staging, has_movements, has_epci, has_departments, source, batch_name.
\echo '  normalisation des données chargées…'
CREATE TEMP TABLE src_commune AS
    SELECT ogc_fid AS fid, pg_temp.norm_code(CAST(:"com_code" AS text), 5) AS code,
           nullif(btrim(CAST(:"com_name" AS text)), '') AS name,
           geom
    FROM :"staging".communes;

CREATE TEMP TABLE pop AS
    SELECT pg_temp.norm_code(:"pop_com", 5) AS insee,
           nullif(btrim(:"pop_name"), '') AS name,
           pg_temp.norm_code(:"pop_dep", 2) AS dep,
           -- Séparateurs de milliers éventuels (espaces, espaces insécables) retirés.
           regexp_replace(coalesce(:"pop_pmun", ''), '[[:space:]\u00a0\u202f]', '', 'g') AS pmun
    FROM :"staging".populations;

-- the temp table mvt (its columns found and its dates checked there)
\ir ../common/movements.sql

CREATE TEMP TABLE src_epci (siren text, name text, geom geometry);
\if :has_epci
INSERT INTO src_epci
    SELECT pg_temp.norm_code(CAST(:"epci_code" AS text), 9), nullif(btrim(CAST(:"epci_name" AS text)), ''), geom
    FROM :"staging".epci;
\endif

CREATE TEMP TABLE src_department (code text, name text, geom geometry);
\if :has_departments
INSERT INTO src_department
    SELECT pg_temp.norm_code(CAST(:"dep_code" AS text), 2), nullif(btrim(CAST(:"dep_name" AS text)), ''), geom
    FROM :"staging".departments;
\endif

-- Logements : les nombres de ménages/logements INSEE ne font pas partie des données. On estime
-- dwellings = round(population × 0,54) ; 0,54 est, pour la Bretagne, le rapport entre les
-- « Logements » de l'observatoire Arcep (1 859 807, T1 2018) et la population municipale
-- (3 449 370).
CREATE TEMP TABLE import_param AS
    SELECT CAST(:'source' AS text) AS source, CAST(0.54 AS numeric) AS dwellings_ratio,
           CAST(:'batch_name' AS text) AS communes_file;
