-- Every value read and checked: one typed table per file, and a problem (file, line, column,
-- value, what was expected) for each value that is not what the observatory writes.
\echo '  valeurs…'
CREATE TEMP TABLE src_info AS
SELECT line_no,
       f[pg_temp.pos('communes_info', 'code')] AS code_raw,
       pg_temp.norm_code(f[pg_temp.pos('communes_info', 'code')], 5) AS code,
       pg_temp.clean(f[pg_temp.pos('communes_info', 'name')]) AS name,
       f[pg_temp.pos('communes_info', 'department')] AS department_raw,
       pg_temp.norm_code(f[pg_temp.pos('communes_info', 'department')], 2) AS department,
       f[pg_temp.pos('communes_info', 'epci')] AS epci_raw,
       pg_temp.norm_code(f[pg_temp.pos('communes_info', 'epci')], 9) AS epci,
       f[pg_temp.pos('communes_info', 'logements')] AS logements_raw,
       pg_temp.arcep_count(f[pg_temp.pos('communes_info', 'logements')]) AS logements,
       f[pg_temp.pos('communes_info', 'etablissements')] AS etablissements_raw,
       pg_temp.arcep_count(f[pg_temp.pos('communes_info', 'etablissements')]) AS etablissements,
       f[pg_temp.pos('communes_info', 'very_dense')] AS very_dense_raw,
       pg_temp.arcep_flag(f[pg_temp.pos('communes_info', 'very_dense')]) AS very_dense,
       nullif(upper(pg_temp.clean(f[pg_temp.pos('communes_info', 'l3313')])), '-') AS l3313,
       f[pg_temp.pos('communes_info', 'intention')] AS intention_raw,
       pg_temp.arcep_flag(f[pg_temp.pos('communes_info', 'intention')]) AS intention,
       f[pg_temp.pos('communes_info', 'rural')] AS rural_raw,
       pg_temp.arcep_flag(f[pg_temp.pos('communes_info', 'rural')]) AS rural,
       f[pg_temp.pos('communes_info', 'mountain')] AS mountain_raw,
       pg_temp.arcep_flag(f[pg_temp.pos('communes_info', 'mountain')]) AS mountain,
       nullif(upper(pg_temp.clean(f[pg_temp.pos('communes_info', 'oi')])), '-') AS oi
FROM data_line WHERE file_key = 'communes_info';

CREATE TEMP TABLE src_epci AS
SELECT line_no,
       f[pg_temp.pos('epci_info', 'code')] AS code_raw,
       pg_temp.norm_code(f[pg_temp.pos('epci_info', 'code')], 9) AS code,
       pg_temp.clean(f[pg_temp.pos('epci_info', 'name')]) AS name,
       f[pg_temp.pos('epci_info', 'logements')] AS logements_raw,
       pg_temp.arcep_count(f[pg_temp.pos('epci_info', 'logements')]) AS logements,
       f[pg_temp.pos('epci_info', 'etablissements')] AS etablissements_raw,
       pg_temp.arcep_count(f[pg_temp.pos('epci_info', 'etablissements')]) AS etablissements
FROM data_line WHERE file_key = 'epci_info';

-- The three deployment files, one row per line and quarter column.
CREATE TEMP TABLE src_deployment AS
SELECT d.file_key, s.level, d.line_no, d.f[pg_temp.pos(d.file_key, 'code')] AS code_raw,
       pg_temp.norm_code(d.f[pg_temp.pos(d.file_key, 'code')],
                         CASE s.level WHEN 'COMMUNE' THEN 5 WHEN 'EPCI' THEN 9 ELSE 2 END) AS code,
       d.f[pg_temp.pos(d.file_key, 'field')] AS field_raw,
       CASE pg_temp.norm_name(d.f[pg_temp.pos(d.file_key, 'field')])
           WHEN 'locaux raccordables' THEN 'connectable' WHEN 'catégorie' THEN 'class' END AS field,
       h.quarter, h.label AS quarter_label, d.f[h.pos] AS value_raw, pg_temp.arcep_count(d.f[h.pos]) AS value
FROM data_line d
JOIN src_file s USING (file_key)
JOIN header_column h ON h.file_key = d.file_key AND h.quarter IS NOT NULL
WHERE s.level IS NOT NULL;

-- Value checks: (column, value as written, what is wrong or NULL).
INSERT INTO problem (file_key, line_no, column_label, value, message)
SELECT 'communes_info', i.line_no, c.label, c.raw, c.message
FROM src_info i
CROSS JOIN LATERAL (VALUES
    ('Code commune', i.code_raw,
     CASE WHEN coalesce(i.code !~ '^([0-9]{2}|2A|2B)[0-9]{3}$', true) THEN 'code commune INSEE attendu (5 caractères)' END),
    ('Nom commune', NULL, CASE WHEN i.name IS NULL THEN 'nom absent' END),
    ('Code département', i.department_raw,
     CASE WHEN i.department IS NULL OR i.department <> pg_temp.department_of(i.code)
          THEN 'code département absent ou différent de celui du code commune' END),
    ('Siren EPCI', i.epci_raw,
     CASE WHEN i.epci IS NOT NULL AND i.epci !~ '^[0-9]{9}$' THEN 'SIREN de 9 chiffres attendu (ou vide)' END),
    ('Logements', i.logements_raw, CASE WHEN i.logements IS NULL THEN 'nombre entier attendu' END),
    ('Établissements', i.etablissements_raw, CASE WHEN i.etablissements IS NULL THEN 'nombre entier attendu' END),
    ('Zones très denses', i.very_dense_raw, CASE WHEN i.very_dense IS NULL THEN '1 ou - attendu' END),
    ('Engagements L. 33-13', i.l3313,
     CASE WHEN i.l3313 !~ '^[A-Z0-9]{4}$' THEN 'code opérateur Arcep de 4 caractères attendu (ou -)' END),
    ('Intentions privées hors engagement L. 33-13', i.intention_raw,
     CASE WHEN i.intention IS NULL THEN '1 ou - attendu' END),
    ('Commune rurale', i.rural_raw, CASE WHEN i.rural IS NULL THEN '1 ou - attendu' END),
    ('Commune de montagne', i.mountain_raw, CASE WHEN i.mountain IS NULL THEN '1 ou - attendu' END),
    ('OI (opérateur d''immeuble)', i.oi,
     CASE WHEN i.oi !~ '^[A-Z0-9]{4}(-[A-Z0-9]{4})*$' THEN 'codes opérateur Arcep attendus (FRTE, FREE-FRTE-SFR0…)' END)
) AS c(label, raw, message)
WHERE c.message IS NOT NULL;

INSERT INTO problem (file_key, line_no, column_label, value, message)
SELECT 'epci_info', e.line_no, c.label, c.raw, c.message
FROM src_epci e
CROSS JOIN LATERAL (VALUES
    ('Siren EPCI', e.code_raw, CASE WHEN coalesce(e.code !~ '^[0-9]{9}$', true) THEN 'SIREN de 9 chiffres attendu' END),
    ('Nom EPCI', NULL, CASE WHEN e.name IS NULL THEN 'nom absent' END),
    ('Logements', e.logements_raw, CASE WHEN e.logements IS NULL THEN 'nombre entier attendu' END),
    ('Établissements', e.etablissements_raw, CASE WHEN e.etablissements IS NULL THEN 'nombre entier attendu' END)
) AS c(label, raw, message)
WHERE c.message IS NOT NULL;

-- deployment: the key and the field once per line, the values once per quarter column
INSERT INTO problem (file_key, line_no, column_label, value, message)
SELECT DISTINCT d.file_key, d.line_no, c.label, c.raw, c.message
FROM src_deployment d
CROSS JOIN LATERAL (VALUES
    (CASE d.level WHEN 'COMMUNE' THEN 'Code commune' WHEN 'EPCI' THEN 'Siren EPCI' ELSE 'Code département' END,
     d.code_raw,
     CASE WHEN coalesce(d.code !~ CASE d.level WHEN 'COMMUNE' THEN '^([0-9]{2}|2A|2B)[0-9]{3}$'
                                               WHEN 'EPCI' THEN '^[0-9]{9}$'
                                               ELSE '^([0-9]{2}|2A|2B|97[1-6])$' END, true)
          THEN 'code invalide' END),
    ('Champ', d.field_raw, CASE WHEN d.field IS NULL THEN '« Locaux Raccordables » ou « Catégorie » attendu' END)
) AS c(label, raw, message)
WHERE c.message IS NOT NULL;

INSERT INTO problem (file_key, line_no, column_label, value, message)
SELECT file_key, line_no, quarter_label, value_raw,
       CASE WHEN value IS NULL THEN 'nombre entier attendu'
            ELSE 'catégorie de couverture attendue : 0, 5, 10, 25, 50 ou 80' END
FROM src_deployment
WHERE value IS NULL OR field = 'class' AND value NOT IN (0, 5, 10, 25, 50, 80);
