-- After ogr2ogr has loaded one file: prints « rows has_geometry polygons » for the checks of the
-- import scripts (lib/import.sh, ogr_load). Variables: staging (schema), table.
SELECT count(*) AS row_count FROM :"staging".:"table" \gset
SELECT EXISTS (SELECT 1 FROM information_schema.columns
               WHERE table_schema = :'staging' AND table_name = :'table' AND column_name = 'geom') AS has_geom
\gset
\if :has_geom
SELECT count(*) AS polygon_count FROM :"staging".:"table"
WHERE GeometryType(geom) IN ('POLYGON', 'MULTIPOLYGON') AND NOT ST_IsEmpty(geom) \gset
\else
\set polygon_count 0
\endif
\echo :row_count :has_geom :polygon_count
