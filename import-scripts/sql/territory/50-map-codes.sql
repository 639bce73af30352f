-- Chaque code de la géométrie (COG 2018) vers sa commune actuelle, par les mouvements INSEE.
\echo '  correspondance des codes anciens → actuels…'
-- Arêtes « ancienne commune → commune qui l'absorbe ou nouveau code » : fusions simples (31),
-- communes nouvelles (32), fusions-associations (33), changements de code (41, 50). Les
-- rétablissements (21) et les communes déléguées ou associées (COMD, COMA) ne sont pas suivis.
CREATE TEMP TABLE mvt_edge AS
    SELECT DISTINCT com_av, com_ap, CAST(date_eff AS date) AS d
    FROM mvt
    WHERE mod IN ('31', '32', '33', '41', '50')
      AND typecom_av = 'COM' AND typecom_ap = 'COM'
      AND com_av IS NOT NULL AND com_ap IS NOT NULL AND com_av <> com_ap;

-- Chaque code de la géométrie suit les arêtes par dates croissantes jusqu'au code actuel.
CREATE TEMP TABLE code_map AS
WITH RECURSIVE walk (origin, code, d, depth) AS (
    SELECT DISTINCT code, code, CAST('-infinity' AS date), 0 FROM src_commune
    UNION ALL
    SELECT w.origin, e.com_ap, e.d, w.depth + 1
    FROM walk w JOIN mvt_edge e ON e.com_av = w.code AND e.d > w.d
    WHERE w.depth < 50
)
SELECT DISTINCT origin, code
FROM walk w
WHERE NOT EXISTS (SELECT 1 FROM mvt_edge e WHERE e.com_av = w.code AND e.d > w.d);

DO $$
DECLARE
    bad text[];
    missing_pop text[];
    missing_geom text[];
    msg text := '';
BEGIN
    SELECT array_agg(origin || ' → ' || codes ORDER BY origin) INTO bad
    FROM (SELECT origin, string_agg(code, '/' ORDER BY code) AS codes
          FROM code_map GROUP BY origin HAVING count(*) > 1) a;
    IF bad IS NOT NULL THEN
        RAISE EXCEPTION 'Mouvements : code ancien rattaché à plusieurs communes actuelles : %', pg_temp.code_list(bad);
    END IF;

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

