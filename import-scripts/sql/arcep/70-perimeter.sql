-- The public perimeter derived from the observatory (source ARCEP), from the date given by
-- --perimeter-from (import_param.perimeter_from) on, open-ended:
--   Zones très denses = 1                          → VERY_DENSE (operators: the OI, e.g. FREE-FRTE-SFR0)
--   Engagements L. 33-13 = an operator code        → PRIVATE_L3313 with that operator (FRTE, SFR0)
--   Intentions privées hors engagement L. 33-13 = 1 → PRIVATE_INTENTION
--   otherwise                                      → PUBLIC (the RIP's perimeter)
-- A current commune made of 2018 communes of different perimeters takes the perimeter of the
-- largest share of their logements + établissements (ties: PUBLIC first), and is reported.
-- A commune an administrator has edited (any row of source ADMIN) is never touched; the rows of
-- the others are rewritten only when they differ from what the files give (changed_perimeter).
\echo '  périmètre public…'
CREATE TEMP TABLE arcep_part AS
SELECT insee, arcep_code, name, logements + etablissements AS weight,
       CASE WHEN very_dense THEN 'VERY_DENSE' WHEN l3313_operator IS NOT NULL THEN 'PRIVATE_L3313'
            WHEN private_intention IS NOT NULL THEN 'PRIVATE_INTENTION' ELSE 'PUBLIC' END AS kind,
       CASE WHEN very_dense THEN building_operator WHEN l3313_operator IS NOT NULL THEN l3313_operator END
           AS operator_code
FROM new_arcep_commune;

CREATE TEMP TABLE kind_weight AS
SELECT insee, kind, sum(weight) AS weight,
       (array_agg(operator_code ORDER BY weight DESC, arcep_code))[1] AS operator_code
FROM arcep_part GROUP BY insee, kind;

CREATE TEMP TABLE derived_perimeter AS
SELECT DISTINCT ON (insee) insee, kind, operator_code
FROM kind_weight
ORDER BY insee, weight DESC,
         array_position(ARRAY['PUBLIC', 'PRIVATE_INTENTION', 'PRIVATE_L3313', 'VERY_DENSE'], kind);

-- communes made of parts of different perimeters (or operators): reported by 80-trace.sql
CREATE TEMP TABLE mixed_perimeter AS
SELECT d.insee, d.kind, d.operator_code,
       string_agg(p.arcep_code || ' ' || p.name || ' ' || p.kind || coalesce(' ' || p.operator_code, '')
                  || ' (' || p.weight || ' locaux)', ', ' ORDER BY p.arcep_code) AS parts
FROM derived_perimeter d JOIN arcep_part p USING (insee)
GROUP BY d.insee, d.kind, d.operator_code
HAVING count(DISTINCT (p.kind, coalesce(p.operator_code, ''))) > 1;

CREATE TEMP TABLE admin_edited AS
SELECT DISTINCT insee FROM commune_perimeter WHERE source = 'ADMIN';

-- Communes whose rows differ from the one row wanted (or that no longer have observatory rows
-- but still carry rows of source ARCEP): their rows other than ADMIN are replaced.
CREATE TEMP TABLE perimeter_to_write AS
SELECT d.insee, d.kind, d.operator_code
FROM derived_perimeter d
WHERE d.insee NOT IN (SELECT insee FROM admin_edited)
  AND NOT (EXISTS (SELECT 1 FROM commune_perimeter p, import_param ip
                   WHERE p.insee = d.insee AND p.source = 'ARCEP' AND p.kind = d.kind
                     AND p.operator_code IS NOT DISTINCT FROM d.operator_code
                     AND p.valid_from = ip.perimeter_from AND p.valid_to IS NULL)
           AND (SELECT count(*) FROM commune_perimeter p WHERE p.insee = d.insee) = 1);

WITH d AS (
    DELETE FROM commune_perimeter p
    WHERE p.source <> 'ADMIN'
      AND (p.insee IN (SELECT insee FROM perimeter_to_write)
           OR p.source = 'ARCEP' AND p.insee NOT IN (SELECT insee FROM derived_perimeter)
              AND p.insee NOT IN (SELECT insee FROM admin_edited))
    RETURNING 1)
SELECT count(*) AS changed_perimeter_deleted FROM d \gset

WITH i AS (
    INSERT INTO commune_perimeter (insee, kind, operator_code, valid_from, valid_to, source)
    SELECT w.insee, w.kind, w.operator_code, ip.perimeter_from, NULL, 'ARCEP'
    FROM perimeter_to_write w CROSS JOIN import_param ip
    RETURNING 1)
SELECT count(*) AS changed_perimeter FROM i \gset

-- communes an administrator edited whose observatory perimeter says otherwise today: reported
CREATE TEMP TABLE admin_differs AS
SELECT d.insee, c.name, d.kind AS arcep_kind, d.operator_code AS arcep_operator, cur.kind AS current_kind,
       cur.operator_code AS current_operator
FROM derived_perimeter d JOIN admin_edited a USING (insee) JOIN commune c USING (insee)
JOIN thd_commune_perimeter(current_date) cur USING (insee)
WHERE (cur.kind, coalesce(cur.operator_code, '')) IS DISTINCT FROM (d.kind, coalesce(d.operator_code, ''));
