-- Last file of the transaction: the source's credit in dataset_info, the import's trace
-- (import_batch ARCEP, only when something changed: a re-run of the same files writes nothing),
-- the report of what was joined, left aside or kept, and the staging schema dropped.
-- Variables in: staging, and the changed_* counts of 60- and 70-.
SELECT :changed_communes + :changed_communes_deleted + :changed_epci + :changed_epci_deleted
       + :changed_deployment + :changed_deployment_deleted + :changed_perimeter + :changed_perimeter_deleted
       AS changed_rows \gset

CREATE TEMP TABLE new_info (key text, value text);
INSERT INTO new_info
SELECT 'arcep.source', ip.source || ', ' || substr(v.vintage, 6, 2) || ' ' || left(v.vintage, 4)
       || ' (Arcep, Licence Ouverte)'
FROM import_param ip CROSS JOIN vintage v
UNION ALL SELECT 'arcep.vintage', vintage FROM vintage
UNION ALL SELECT 'arcep.perimeter_from', CAST(perimeter_from AS text) FROM import_param;
WITH u AS (
    INSERT INTO dataset_info AS d (key, value) SELECT key, value FROM new_info
    ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value WHERE d.value IS DISTINCT FROM EXCLUDED.value
    RETURNING 1)
SELECT count(*) AS changed_info FROM u \gset

SELECT :changed_rows + :changed_info > 0 AS changed \gset
\if :changed
INSERT INTO import_batch (kind, source_name, username, finished_at, row_count, status)
SELECT 'ARCEP', batch_name, current_user, now(), (SELECT count(*) FROM new_arcep_commune), 'DONE'
FROM import_param;
\endif

\echo 'Rapport :'
SELECT format('  observatoire %s : %s lignes de communes, rattachées à %s communes actuelles ; %s EPCI ; %s lignes de déploiement',
              v.vintage, (SELECT count(*) FROM new_arcep_commune),
              (SELECT count(DISTINCT insee) FROM new_arcep_commune), (SELECT count(*) FROM kept_epci),
              (SELECT count(*) FROM kept_deployment WHERE field = 'connectable'))
FROM vintage v;

SELECT format('  %s ligne(s) hors des départements du territoire laissées de côté (communes : %s, EPCI : %s, déploiement : %s)',
              a + b + c, a, b, c)
FROM (SELECT (SELECT count(*) FROM src_info) - (SELECT count(*) FROM kept_info) AS a,
             (SELECT count(*) FROM src_epci) - (SELECT count(*) FROM kept_epci) AS b,
             (SELECT count(DISTINCT (file_key, line_no)) FROM src_deployment)
             - (SELECT count(DISTINCT (file_key, line_no)) FROM kept_deployment) AS c) n
WHERE a + b + c > 0;

-- the 2018 communes merged since, each under the commune it joined
SELECT format('  %s communes de 2018 rattachées à %s communes actuelles (fusion ou commune nouvelle) :',
              count(*), count(DISTINCT insee))
FROM info_commune WHERE code <> insee HAVING count(*) > 0;
SELECT format('    %s %s ← %s', insee, current_name,
              string_agg(code || ' ' || name || CASE WHEN code = insee THEN ''
                                                     WHEN movement = '32' THEN ' (commune nouvelle)'
                                                     WHEN movement IN ('41', '50') THEN ' (changement de code)'
                                                     ELSE ' (fusion)' END, ', ' ORDER BY code))
FROM info_commune WHERE insee IN (SELECT insee FROM info_commune WHERE code <> insee)
GROUP BY insee, current_name ORDER BY insee;

SELECT format('  %s commune(s) du territoire sans ligne dans l''observatoire (périmètre inchangé) : %s',
              count(*), pg_temp.code_list(array_agg(insee || ' ' || name ORDER BY insee)))
FROM commune_without_arcep HAVING count(*) > 0;

SELECT format('  périmètre au %s : %s', perimeter_from,
              (SELECT string_agg(kind || ' ' || n, ', ' ORDER BY kind)
               FROM (SELECT kind, count(*) AS n FROM derived_perimeter GROUP BY kind) k))
FROM import_param;
SELECT format('  %s : parties de périmètres différents (%s) → %s%s, celui de la plus grande part des logements + établissements',
              m.insee || ' ' || c.name, m.parts, m.kind, coalesce(' ' || m.operator_code, ''))
FROM mixed_perimeter m JOIN commune c USING (insee) ORDER BY m.insee;
SELECT format('  %s commune(s) au périmètre saisi par un administrateur, laissé tel quel : %s',
              count(*), pg_temp.code_list(array_agg(insee ORDER BY insee)))
FROM admin_edited HAVING count(*) > 0;
SELECT format('    %s %s : %s%s selon l''observatoire, %s%s aujourd''hui (saisie ADMIN)', insee, name, arcep_kind,
              coalesce(' ' || arcep_operator, ''), current_kind, coalesce(' ' || current_operator, ''))
FROM admin_differs ORDER BY insee;

SELECT CASE WHEN :'changed' = 't' THEN format('  %s ligne(s) écrite(s) ou supprimée(s)', :changed_rows + :changed_info)
            ELSE '  aucun changement : la base contient déjà ces fichiers' END;

DROP SCHEMA :"staging" CASCADE;
