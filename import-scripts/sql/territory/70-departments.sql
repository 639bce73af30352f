-- Départements : ceux du fichier --departments, sinon la fusion des communes.
\echo '  départements…'
-- Départements du fichier (s'il est donné) qui ont des communes, puis ceux qui manquent encore,
-- obtenus par fusion des communes.
CREATE TEMP TABLE new_department AS
SELECT code, coalesce(max(name), pg_temp.department_name(code)) AS name,
       pg_temp.clean_multi(ST_Union(pg_temp.clean_multi(geom))) AS geom
FROM src_department
WHERE code IN (SELECT department_code FROM new_commune)
GROUP BY code;
INSERT INTO new_department
SELECT department_code, pg_temp.department_name(department_code), pg_temp.clean_multi(ST_Union(geom))
FROM new_commune
WHERE department_code NOT IN (SELECT code FROM new_department)
GROUP BY department_code;

DO $$
DECLARE
    bad text[];
BEGIN
    SELECT array_agg(code ORDER BY code) INTO bad
    FROM new_department WHERE geom IS NULL OR ST_IsEmpty(geom) OR NOT ST_IsValid(geom);
    IF bad IS NOT NULL THEN
        RAISE EXCEPTION 'Départements dont la géométrie est vide ou irréparable : %', pg_temp.code_list(bad);
    END IF;
END $$;

INSERT INTO department (code, name, geom)
SELECT code, name, geom FROM new_department
ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, geom = EXCLUDED.geom;

