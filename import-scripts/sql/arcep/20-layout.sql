-- The layout of each file: its lines split into fields, its header line (the observatory writes
-- four title lines first), the columns the import reads, found by their names. A file whose
-- layout cannot be read stops the import here, every such problem named.
\echo '  en-têtes et colonnes…'
CREATE TEMP TABLE src_line AS
SELECT file_key, line_no, line,
       pg_temp.csv_fields(CASE WHEN line_no = 1 THEN regexp_replace(line, '^\uFEFF+', '') ELSE line END) AS f
FROM :"staging".line;
CREATE UNIQUE INDEX ON src_line (file_key, line_no);

INSERT INTO problem
SELECT file_key, line_no, NULL, left(line, 60), 'guillemets mal appariés : ligne illisible en CSV'
FROM src_line WHERE f IS NULL;

-- The header: the first of the first ten lines whose first field is the file's key column.
CREATE TEMP TABLE src_header AS
SELECT s.file_key, min(l.line_no) AS line_no
FROM src_file s JOIN src_line l ON l.file_key = s.file_key AND l.line_no <= 10
                               AND pg_temp.norm_name(l.f[1]) = s.key_column
GROUP BY s.file_key;
INSERT INTO problem
SELECT s.file_key, NULL, NULL, NULL,
       format('en-tête introuvable : aucune des dix premières lignes ne commence par « %s »', s.key_column)
FROM src_file s WHERE NOT EXISTS (SELECT 1 FROM src_header h WHERE h.file_key = s.file_key);

CREATE TEMP TABLE header_column AS
SELECT h.file_key, h.line_no AS header_line, c.pos, pg_temp.norm_name(c.name) AS name, pg_temp.clean(c.name) AS label,
       pg_temp.quarter_of(c.name) AS quarter
FROM src_header h JOIN src_line l USING (file_key, line_no)
CROSS JOIN LATERAL unnest(l.f) WITH ORDINALITY AS c(name, pos);

-- The columns read, per file: var is how the statements below ask for them.
CREATE TEMP TABLE expected_column (file_key text, var text, name text, label text);
INSERT INTO expected_column VALUES
    ('communes_info', 'code', 'code commune', 'Code commune'),
    ('communes_info', 'name', 'nom commune', 'Nom commune'),
    ('communes_info', 'department', 'code département', 'Code département'),
    ('communes_info', 'epci', 'siren epci', 'Siren EPCI'),
    ('communes_info', 'logements', 'logements', 'Logements'),
    ('communes_info', 'etablissements', 'établissements', 'Établissements'),
    ('communes_info', 'very_dense', 'zones très denses', 'Zones très denses'),
    ('communes_info', 'l3313', 'engagements l. 33-13', 'Engagements L. 33-13'),
    ('communes_info', 'intention', 'intentions privées hors engagement l. 33-13',
     'Intentions privées hors engagement L. 33-13'),
    ('communes_info', 'rural', 'commune rurale', 'Commune rurale'),
    ('communes_info', 'mountain', 'commune de montagne', 'Commune de montagne'),
    ('communes_info', 'oi', 'oi', 'OI (opérateur d''immeuble)'),
    ('communes_deployment', 'code', 'code commune', 'Code commune'),
    ('communes_deployment', 'field', 'champ', 'Champ'),
    ('epci_info', 'code', 'siren epci', 'Siren EPCI'),
    ('epci_info', 'name', 'nom epci', 'Nom EPCI'),
    ('epci_info', 'logements', 'logements', 'Logements'),
    ('epci_info', 'etablissements', 'établissements', 'Établissements'),
    ('epci_deployment', 'code', 'siren epci', 'Siren EPCI'),
    ('epci_deployment', 'field', 'champ', 'Champ'),
    ('departments_deployment', 'code', 'code département', 'Code département'),
    ('departments_deployment', 'field', 'champ', 'Champ');

-- Position of each column read; the OI column is named after its quarter ("OI 2018 T1").
CREATE TEMP TABLE src_column AS
SELECT e.file_key, e.var, e.label,
       (SELECT min(h.pos) FROM header_column h
        WHERE h.file_key = e.file_key AND (h.name = e.name OR e.var = 'oi' AND h.name ~ '^oi( |$)')) AS pos
FROM expected_column e
WHERE EXISTS (SELECT 1 FROM src_header h WHERE h.file_key = e.file_key);

INSERT INTO problem
SELECT c.file_key, h.line_no, c.label, NULL, 'colonne absente de l''en-tête'
FROM src_column c JOIN src_header h USING (file_key) WHERE c.pos IS NULL;

INSERT INTO problem
SELECT s.file_key, h.line_no, NULL, NULL, 'aucune colonne de trimestre (« T1 2018 »…) dans l''en-tête'
FROM src_file s JOIN src_header h USING (file_key)
WHERE s.level IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM header_column c WHERE c.file_key = s.file_key AND c.quarter IS NOT NULL);

INSERT INTO problem
SELECT file_key, min(header_line), max(label), NULL, 'colonne en double dans l''en-tête'
FROM header_column WHERE name <> '' GROUP BY file_key, name HAVING count(*) > 1;

SELECT pg_temp.refuse_problems('Fichiers de l''observatoire illisibles') \g /dev/null

-- The position of a column read (the checks above guarantee there is one).
CREATE FUNCTION pg_temp.pos(p_file text, p_var text) RETURNS integer
LANGUAGE sql STABLE AS $f$
    SELECT c.pos FROM src_column c WHERE c.file_key = p_file AND c.var = p_var
$f$;

-- The data: every line after the header that is not empty; a line with another number of fields
-- than its header is reported.
CREATE TEMP TABLE data_line AS
SELECT l.file_key, l.line_no, l.f
FROM src_line l JOIN src_header h ON h.file_key = l.file_key AND l.line_no > h.line_no
WHERE l.f IS NOT NULL AND EXISTS (SELECT 1 FROM unnest(l.f) v WHERE pg_temp.clean(v) IS NOT NULL);
CREATE UNIQUE INDEX ON data_line (file_key, line_no);

INSERT INTO problem
SELECT d.file_key, d.line_no, NULL, NULL,
       format('%s champs au lieu des %s de l''en-tête', cardinality(d.f), n.fields)
FROM data_line d
JOIN (SELECT file_key, count(*) AS fields FROM header_column GROUP BY file_key) n USING (file_key)
WHERE cardinality(d.f) <> n.fields;
