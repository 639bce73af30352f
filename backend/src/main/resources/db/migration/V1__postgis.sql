-- PostGIS must exist before any geometry column. On a managed database where the
-- application role cannot create extensions, an administrator runs this once beforehand.
CREATE EXTENSION IF NOT EXISTS postgis;
