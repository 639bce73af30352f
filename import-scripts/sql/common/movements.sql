-- The INSEE commune movements (mergers, communes nouvelles, code changes), read from the staging
-- table `movements` that GDAL's CSV driver loaded, into the temp table mvt. Shared by the
-- territory and the Arcep imports (both map COG 2018 codes to the current communes).
-- Variables in: staging, has_movements, movements_file. Needs sql/common/helpers.sql.
CREATE TEMP TABLE mvt (mod text, date_eff text, typecom_av text, com_av text, typecom_ap text, com_ap text);
\if :has_movements
\set movements_columns_message '--movements : colonnes MOD, DATE_EFF, TYPECOM_AV, COM_AV, TYPECOM_AP, COM_AP attendues dans ' :movements_file
SELECT pg_temp.required_column(:'staging', 'movements', '{mod}', :'movements_columns_message') AS mvt_mod,
       pg_temp.required_column(:'staging', 'movements', '{date_eff}', :'movements_columns_message') AS mvt_date,
       pg_temp.required_column(:'staging', 'movements', '{typecom_av}', :'movements_columns_message') AS mvt_type_av,
       pg_temp.required_column(:'staging', 'movements', '{com_av}', :'movements_columns_message') AS mvt_com_av,
       pg_temp.required_column(:'staging', 'movements', '{typecom_ap}', :'movements_columns_message') AS mvt_type_ap,
       pg_temp.required_column(:'staging', 'movements', '{com_ap}', :'movements_columns_message') AS mvt_com_ap
\gset
INSERT INTO mvt
    SELECT btrim(:"mvt_mod"), btrim(:"mvt_date"), upper(btrim(:"mvt_type_av")), pg_temp.norm_code(:"mvt_com_av", 5),
           upper(btrim(:"mvt_type_ap")), pg_temp.norm_code(:"mvt_com_ap", 5)
    FROM :"staging".movements;
\endif

DO $$
BEGIN
    PERFORM pg_temp.refuse('Mouvements : date d''effet illisible (attendu AAAA-MM-JJ)',
        (SELECT array_agg(DISTINCT date_eff) FROM mvt WHERE date_eff !~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'));
END $$;
