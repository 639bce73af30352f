-- Chaque code de la géométrie (COG 2018) vers sa commune actuelle, par les mouvements INSEE.
\echo '  correspondance des codes anciens → actuels…'
CREATE TEMP TABLE code_origin AS SELECT DISTINCT code FROM src_commune;
-- code_map(origin, code, movement), refused when a code would go to several communes
\ir ../common/code-map.sql

DO $$
DECLARE
    missing_pop text[];
    missing_geom text[];
    msg text := '';
BEGIN
    -- Toute commune doit avoir une population, et toute population une géométrie.
    SELECT array_agg(CASE WHEN origin = code THEN origin ELSE origin || ' → ' || code END ORDER BY origin)
    INTO missing_pop
    FROM code_map m WHERE NOT EXISTS (SELECT 1 FROM pop p WHERE p.insee = m.code);
    SELECT array_agg(insee ORDER BY insee) INTO missing_geom
    FROM pop p WHERE NOT EXISTS (SELECT 1 FROM code_map m WHERE m.code = p.insee);
    IF missing_pop IS NOT NULL THEN
        msg := format('%s commune(s) de la géométrie sans population (après correspondance des codes) : %s',
                      cardinality(missing_pop), pg_temp.code_list(missing_pop));
        IF NOT EXISTS (SELECT 1 FROM mvt) THEN
            msg := msg || ' (--movements permet de rattacher les codes des communes fusionnées)';
        END IF;
    END IF;
    IF missing_geom IS NOT NULL THEN
        msg := msg || CASE WHEN msg = '' THEN '' ELSE ' ; ' END
            || format('%s commune(s) du fichier de population sans géométrie : %s',
                      cardinality(missing_geom), pg_temp.code_list(missing_geom));
    END IF;
    IF msg <> '' THEN
        RAISE EXCEPTION '%', msg;
    END IF;
END $$;

