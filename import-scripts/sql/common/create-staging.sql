-- The files are loaded as they are (ogr2ogr, COPY) into this schema; the transaction drops it at the end.
-- Variable: staging (schema name).
DROP SCHEMA IF EXISTS :"staging" CASCADE;
CREATE SCHEMA :"staging";
