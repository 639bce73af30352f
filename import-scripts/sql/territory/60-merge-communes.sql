-- Une géométrie par commune actuelle : fusion (ST_Union) des polygones de ses anciens codes.
\echo '  fusion des polygones par commune actuelle…'
CREATE TEMP TABLE new_commune AS
SELECT p.insee,
       coalesce(p.name, (SELECT s.name FROM src_commune s WHERE s.code = p.insee AND s.name IS NOT NULL LIMIT 1)) AS name,
       coalesce(p.dep, pg_temp.department_of(p.insee)) AS department_code,
       CAST(p.pmun AS integer) AS population,
       CAST(round(CAST(p.pmun AS integer) * (SELECT dwellings_ratio FROM import_param)) AS integer) AS dwellings,
       g.geom,
       g.parts,
       CAST(NULL AS text) AS epci_siren
FROM pop p
JOIN (SELECT m.code,
             pg_temp.clean_multi(CASE WHEN count(*) = 1 THEN (array_agg(s.geom))[1]  -- pas d'union inutile
                                      ELSE ST_Union(pg_temp.clean_multi(s.geom)) END) AS geom,
             count(*) AS parts
      FROM src_commune s JOIN code_map m ON m.origin = s.code
      GROUP BY m.code) g ON g.code = p.insee;
CREATE UNIQUE INDEX ON new_commune (insee);
CREATE INDEX ON new_commune USING gist (geom);

DO $$
DECLARE
    bad text[];
BEGIN
    SELECT array_agg(insee ORDER BY insee) INTO bad FROM new_commune WHERE name IS NULL;
    IF bad IS NOT NULL THEN
        RAISE EXCEPTION 'Communes sans nom (ni dans le fichier de population ni dans la géométrie) : %', pg_temp.code_list(bad);
    END IF;
    SELECT array_agg(insee ORDER BY insee) INTO bad
    FROM new_commune WHERE geom IS NULL OR ST_IsEmpty(geom) OR NOT ST_IsValid(geom);
    IF bad IS NOT NULL THEN
        RAISE EXCEPTION 'Communes dont la géométrie est vide ou irréparable : %', pg_temp.code_list(bad);
    END IF;
END $$;

