-- Écriture des communes, suppression de celles qui disparaissent, trace de l'import.
-- Variables in: has_epci, staging. Last file of the transaction: it drops the staging schema.
\echo '  communes…'
INSERT INTO commune (insee, name, department_code, epci_siren, population, dwellings, geom)
SELECT insee, name, department_code, epci_siren, population, dwellings, geom FROM new_commune
ON CONFLICT (insee) DO UPDATE SET
    name = EXCLUDED.name,
    department_code = EXCLUDED.department_code,
    epci_siren = EXCLUDED.epci_siren,
    population = EXCLUDED.population,
    dwellings = EXCLUDED.dwellings,
    geom = EXCLUDED.geom;

-- Les communes qui ne sont plus dans le référentiel disparaissent, sauf si quelque chose
-- (NRA, route, site RUHD…) les référence encore : alors l'import est refusé.
DO $$
DECLARE
    stale text[];
BEGIN
    SELECT array_agg(insee ORDER BY insee) INTO stale
    FROM commune c WHERE NOT EXISTS (SELECT 1 FROM new_commune n WHERE n.insee = c.insee);
    IF stale IS NOT NULL THEN
        BEGIN
            DELETE FROM commune WHERE insee = ANY (stale);
        EXCEPTION WHEN foreign_key_violation THEN
            RAISE EXCEPTION 'Import refusé : des communes absentes du nouveau référentiel sont encore référencées (%) ; communes concernées : %',
                SQLERRM, pg_temp.code_list(stale);
        END;
    END IF;
END $$;

DELETE FROM department d WHERE NOT EXISTS (SELECT 1 FROM new_department n WHERE n.code = d.code);
\if :has_epci
DELETE FROM epci e WHERE NOT EXISTS (SELECT 1 FROM commune c WHERE c.epci_siren = e.siren);
\endif

INSERT INTO dataset_info (key, value)
SELECT 'territory.source', source FROM import_param
ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value;

INSERT INTO import_batch (kind, source_name, username, finished_at, row_count, status)
SELECT 'TERRITORY', communes_file, current_user, now(), (SELECT count(*) FROM new_commune), 'DONE'
FROM import_param;

DROP SCHEMA :"staging" CASCADE;
