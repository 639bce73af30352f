-- Before anything is loaded: prints one word for import-arcep.sh.
--   ok           the schema has the observatory's tables (V16, V19) and the territory is loaded;
--   no-schema    the Flyway migrations have not been applied (V19 or later);
--   no-communes  the commune table is empty: import the territory first (import-territory.sh).
SELECT to_regclass('arcep_commune') IS NOT NULL AND to_regclass('arcep_deployment') IS NOT NULL
   AND to_regclass('commune_perimeter') IS NOT NULL AND to_regclass('arcep_commune_figures') IS NOT NULL
   AS schema_ok
\gset
\if :schema_ok
SELECT CASE WHEN EXISTS (SELECT 1 FROM commune) THEN 'ok' ELSE 'no-communes' END;
\else
SELECT 'no-schema';
\endif
