-- Before anything is loaded: prints one word for import-territory.sh.
--   ok         the THD Tracker schema is there and holds no premise;
--   no-schema  the Flyway migrations have not been applied;
--   premises   premises exist: replacing the communes under them would break them.
SELECT to_regclass('commune') IS NOT NULL AND to_regclass('department') IS NOT NULL
   AND to_regclass('epci') IS NOT NULL AND to_regclass('premise') IS NOT NULL
   AND to_regclass('dataset_info') IS NOT NULL AND to_regclass('import_batch') IS NOT NULL AS schema_ok
\gset
\if :schema_ok
SELECT CASE WHEN EXISTS (SELECT 1 FROM premise) THEN 'premises' ELSE 'ok' END;
\else
SELECT 'no-schema';
\endif
