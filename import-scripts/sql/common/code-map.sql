-- Each code of an older COG (the temp table code_origin(code)) to its current commune, by the
-- INSEE movements of the temp table mvt (sql/common/movements.sql): the temp table
-- code_map(origin, code, movement). Shared by the territory import (the codes of the 2018
-- geometry) and the Arcep import (the codes of the observatory's rows).
--
-- Edges « ancienne commune → commune qui l'absorbe ou nouveau code » : fusions simples (31),
-- communes nouvelles (32), fusions-associations (33), changements de code (41, 50). Les
-- rétablissements (21) et les communes déléguées ou associées (COMD, COMA) ne sont pas suivis.
CREATE TEMP TABLE mvt_edge AS
    SELECT com_av, com_ap, CAST(date_eff AS date) AS d, min(mod) AS mod
    FROM mvt
    WHERE mod IN ('31', '32', '33', '41', '50')
      AND typecom_av = 'COM' AND typecom_ap = 'COM'
      AND com_av IS NOT NULL AND com_ap IS NOT NULL AND com_av <> com_ap
    GROUP BY com_av, com_ap, CAST(date_eff AS date);

-- Chaque code suit les arêtes par dates croissantes jusqu'au code actuel ; movement : le code MOD
-- de la dernière arête suivie (NULL : le code est resté le même).
CREATE TEMP TABLE code_map AS
WITH RECURSIVE walk (origin, code, d, depth, mod) AS (
    SELECT DISTINCT code, code, CAST('-infinity' AS date), 0, CAST(NULL AS text) FROM code_origin
    UNION ALL
    SELECT w.origin, e.com_ap, e.d, w.depth + 1, e.mod
    FROM walk w JOIN mvt_edge e ON e.com_av = w.code AND e.d > w.d
    WHERE w.depth < 50
)
SELECT origin, code, min(mod) AS movement
FROM walk w
WHERE NOT EXISTS (SELECT 1 FROM mvt_edge e WHERE e.com_av = w.code AND e.d > w.d)
GROUP BY origin, code;

DO $$
BEGIN
    PERFORM pg_temp.refuse('Mouvements : code ancien rattaché à plusieurs communes actuelles',
        (SELECT array_agg(origin || ' → ' || codes ORDER BY origin)
         FROM (SELECT origin, string_agg(code, '/' ORDER BY code) AS codes
               FROM code_map GROUP BY origin HAVING count(*) > 1) a));
END $$;
