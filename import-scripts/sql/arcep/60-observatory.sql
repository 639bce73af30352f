-- The observatory's tables become the files' content, one vintage at a time: rows the files no
-- longer hold are deleted, rows that differ rewritten, identical rows left alone, so that
-- importing the same files again changes nothing. Counts the rows changed (changed_*).
\echo '  observatoire : communes, EPCI, déploiements…'
CREATE TEMP TABLE vintage AS
SELECT max(quarter) AS vintage FROM header_column WHERE file_key = 'communes_deployment';

CREATE TEMP TABLE new_arcep_commune AS
SELECT i.code AS arcep_code, i.insee, v.vintage, i.name, i.department AS department_code, i.epci AS epci_siren,
       i.logements, i.etablissements, i.very_dense, i.l3313 AS l3313_operator,
       CASE WHEN i.intention THEN '1' END AS private_intention, i.rural, i.mountain, i.oi AS building_operator
FROM info_commune i CROSS JOIN vintage v;

WITH d AS (DELETE FROM arcep_deployment x WHERE NOT EXISTS (
               SELECT 1 FROM kept_deployment k
               WHERE k.level = x.level AND k.code = x.code AND k.quarter = x.quarter)
           RETURNING 1)
SELECT count(*) AS changed_deployment_deleted FROM d \gset

WITH u AS (
    INSERT INTO arcep_commune AS a
    SELECT arcep_code, insee, vintage, name, department_code, epci_siren, logements, etablissements, very_dense,
           l3313_operator, private_intention, rural, mountain, building_operator
    FROM new_arcep_commune
    ON CONFLICT (arcep_code) DO UPDATE SET
        insee = EXCLUDED.insee, vintage = EXCLUDED.vintage, name = EXCLUDED.name,
        department_code = EXCLUDED.department_code, epci_siren = EXCLUDED.epci_siren,
        logements = EXCLUDED.logements, etablissements = EXCLUDED.etablissements,
        very_dense = EXCLUDED.very_dense, l3313_operator = EXCLUDED.l3313_operator,
        private_intention = EXCLUDED.private_intention, rural = EXCLUDED.rural, mountain = EXCLUDED.mountain,
        building_operator = EXCLUDED.building_operator
    WHERE (a.*) IS DISTINCT FROM (EXCLUDED.*)
    RETURNING 1)
SELECT count(*) AS changed_communes FROM u \gset

WITH d AS (DELETE FROM arcep_commune a WHERE NOT EXISTS (
               SELECT 1 FROM new_arcep_commune n WHERE n.arcep_code = a.arcep_code) RETURNING 1)
SELECT count(*) AS changed_communes_deleted FROM d \gset

WITH d AS (DELETE FROM arcep_epci e WHERE NOT EXISTS (SELECT 1 FROM kept_epci k WHERE k.code = e.siren) RETURNING 1)
SELECT count(*) AS changed_epci_deleted FROM d \gset
WITH u AS (
    INSERT INTO arcep_epci AS e (siren, vintage, name, logements, etablissements)
    SELECT k.code, v.vintage, k.name, k.logements, k.etablissements FROM kept_epci k CROSS JOIN vintage v
    ON CONFLICT (siren) DO UPDATE SET vintage = EXCLUDED.vintage, name = EXCLUDED.name,
        logements = EXCLUDED.logements, etablissements = EXCLUDED.etablissements
    WHERE (e.*) IS DISTINCT FROM (EXCLUDED.*)
    RETURNING 1)
SELECT count(*) AS changed_epci FROM u \gset

WITH u AS (
    INSERT INTO arcep_deployment AS x (level, code, quarter, connectable, coverage_class)
    SELECT level, code, quarter,
           max(value) FILTER (WHERE field = 'connectable'),
           CAST(max(value) FILTER (WHERE field = 'class') AS smallint)
    FROM kept_deployment GROUP BY level, code, quarter
    ON CONFLICT (level, code, quarter) DO UPDATE SET
        connectable = EXCLUDED.connectable, coverage_class = EXCLUDED.coverage_class
    WHERE (x.*) IS DISTINCT FROM (EXCLUDED.*)
    RETURNING 1)
SELECT count(*) AS changed_deployment FROM u \gset
