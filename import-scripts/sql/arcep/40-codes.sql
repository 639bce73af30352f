-- The rows' codes: outside the territory's departments a row is left aside (a national file can
-- be given as it is), inside it every commune row joins exactly one current commune — the same
-- code, or the commune nouvelle it merged into by the INSEE movements — and every EPCI and
-- deployment row its information row; duplicates and unknown codes are problems.
-- Variables in: staging, has_movements, movements_file.
\echo '  codes des communes, EPCI et départements…'
LOCK TABLE commune IN SHARE MODE;
LOCK TABLE arcep_commune, arcep_epci, arcep_deployment, commune_perimeter IN SHARE ROW EXCLUSIVE MODE;

CREATE TEMP TABLE territory_department AS SELECT DISTINCT department_code AS code FROM commune;

-- Commune rows kept: those of the territory's departments (the others are counted, 80-trace.sql).
CREATE TEMP TABLE kept_info AS
SELECT * FROM src_info
WHERE code IS NOT NULL AND pg_temp.department_of(code) IN (SELECT code FROM territory_department);

INSERT INTO problem
SELECT 'communes_info', line_no, 'Code commune', code, 'commune en double (déjà ligne ' || first_line || ')'
FROM (SELECT line_no, code, min(line_no) OVER (PARTITION BY code) AS first_line FROM kept_info) d
WHERE line_no <> first_line;

-- The 2018 codes to the current communes (sql/common: the same rules as the territory import).
\ir ../common/movements.sql
CREATE TEMP TABLE code_origin AS SELECT DISTINCT code FROM kept_info;
\ir ../common/code-map.sql

CREATE TEMP TABLE info_commune AS
SELECT DISTINCT ON (i.code) i.*, c.insee, c.name AS current_name, c.department_code AS current_department,
       m.movement
FROM kept_info i
LEFT JOIN code_map m ON m.origin = i.code
LEFT JOIN commune c ON c.insee = m.code
ORDER BY i.code, i.line_no;

INSERT INTO problem
SELECT 'communes_info', line_no, 'Code commune', code,
       CASE WHEN EXISTS (SELECT 1 FROM mvt) THEN 'commune inconnue du territoire (ni commune actuelle, ni commune fusionnée depuis)'
            ELSE 'commune inconnue du territoire (--movements rattache les communes fusionnées depuis)' END
FROM info_commune WHERE insee IS NULL;

INSERT INTO problem
SELECT 'communes_info', line_no, 'Code département', department,
       format('département différent de celui de la commune actuelle %s (%s)', insee, current_department)
FROM info_commune WHERE insee IS NOT NULL AND department IS DISTINCT FROM current_department;

-- EPCI: those with at least one commune row kept (an EPCI that straddles the border keeps its
-- published figures, summed here over its communes of the territory only).
CREATE TEMP TABLE kept_epci AS
SELECT * FROM src_epci e WHERE e.code IN (SELECT epci FROM kept_info);

INSERT INTO problem
SELECT 'epci_info', line_no, 'Siren EPCI', code, 'EPCI en double (déjà ligne ' || first_line || ')'
FROM (SELECT line_no, code, min(line_no) OVER (PARTITION BY code) AS first_line FROM kept_epci) d
WHERE line_no <> first_line;

INSERT INTO problem
SELECT 'communes_info', i.line_no, 'Siren EPCI', i.epci, 'EPCI absent du fichier des EPCI (--epci-info)'
FROM kept_info i WHERE i.epci IS NOT NULL AND NOT EXISTS (SELECT 1 FROM kept_epci e WHERE e.code = i.epci);

-- Deployment rows kept: communes and departments of the territory, EPCI kept above.
CREATE TEMP TABLE kept_deployment AS
SELECT d.* FROM src_deployment d
WHERE d.code IS NOT NULL AND d.field IS NOT NULL
  AND CASE d.level
          WHEN 'COMMUNE' THEN pg_temp.department_of(d.code) IN (SELECT code FROM territory_department)
          WHEN 'DEPARTMENT' THEN d.code IN (SELECT code FROM territory_department)
          ELSE d.code IN (SELECT epci FROM kept_info) OR d.code IN (SELECT code FROM kept_epci)
      END;

INSERT INTO problem
SELECT DISTINCT d.file_key, d.line_no, 'Code commune', d.code,
       'commune absente du fichier d''informations (--communes-info)'
FROM kept_deployment d
WHERE d.level = 'COMMUNE' AND NOT EXISTS (SELECT 1 FROM kept_info i WHERE i.code = d.code);

INSERT INTO problem
SELECT DISTINCT d.file_key, d.line_no, 'Siren EPCI', d.code, 'EPCI absent du fichier des EPCI (--epci-info)'
FROM kept_deployment d
WHERE d.level = 'EPCI' AND NOT EXISTS (SELECT 1 FROM kept_epci e WHERE e.code = d.code);

-- one « Locaux Raccordables » and one « Catégorie » line per code
INSERT INTO problem
SELECT DISTINCT d.file_key, d.line_no, 'Champ', d.field_raw,
       'ligne en double pour ce code (déjà ligne ' || f.first_line || ')'
FROM kept_deployment d
JOIN (SELECT level, code, field, min(line_no) AS first_line FROM kept_deployment GROUP BY 1, 2, 3) f
  USING (level, code, field)
WHERE d.line_no <> f.first_line;

INSERT INTO problem
SELECT DISTINCT d.file_key, d.line_no, 'Champ', d.field_raw,
       CASE d.field WHEN 'connectable' THEN 'ligne « Catégorie » absente pour ce code'
                    ELSE 'ligne « Locaux Raccordables » absente pour ce code' END
FROM kept_deployment d
WHERE NOT EXISTS (SELECT 1 FROM kept_deployment o
                  WHERE o.level = d.level AND o.code = d.code AND o.field <> d.field);

-- Current communes without any observatory row: reported, not refused (their perimeter stays
-- what it was, public by default).
CREATE TEMP TABLE commune_without_arcep AS
SELECT insee, name FROM commune c WHERE NOT EXISTS (SELECT 1 FROM info_commune i WHERE i.insee = c.insee);
