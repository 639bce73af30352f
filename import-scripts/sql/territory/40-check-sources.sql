-- Contrôles des données normalisées, sous verrou : personne n'ajoute de local pendant l'import.
\echo '  contrôle des données…'
-- Aucun local ne doit exister (verrou : personne n'en ajoute pendant l'import).
LOCK TABLE premise IN SHARE MODE;
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM premise) THEN
        RAISE EXCEPTION 'Import refusé : la base contient déjà des locaux (table premise) ; remplacer les communes sous des locaux existants les casserait.';
    END IF;
END $$;
LOCK TABLE department, epci, commune IN SHARE ROW EXCLUSIVE MODE;

DO $$
DECLARE
    bad text[];
BEGIN
    SELECT array_agg(coalesce(code, '(vide)') || ' (entité ' || fid || ')' ORDER BY fid) INTO bad
    FROM src_commune WHERE code IS NULL OR code !~ '^([0-9]{2}|2A|2B)[0-9]{3}$';
    IF bad IS NOT NULL THEN
        RAISE EXCEPTION 'Communes (géométrie) : code INSEE invalide : %', pg_temp.code_list(bad);
    END IF;
    SELECT array_agg(code ORDER BY code) INTO bad
    FROM src_commune WHERE geom IS NULL OR ST_IsEmpty(geom);
    IF bad IS NOT NULL THEN
        RAISE EXCEPTION 'Communes (géométrie) : géométrie absente ou vide : %', pg_temp.code_list(bad);
    END IF;

    SELECT array_agg(coalesce(insee, '(vide)') ORDER BY insee) INTO bad
    FROM pop WHERE insee IS NULL OR insee !~ '^([0-9]{2}|2A|2B)[0-9]{3}$';
    IF bad IS NOT NULL THEN
        RAISE EXCEPTION 'Populations : code INSEE invalide : %', pg_temp.code_list(bad);
    END IF;
    SELECT array_agg(insee ORDER BY insee) INTO bad
    FROM (SELECT insee FROM pop GROUP BY insee HAVING count(*) > 1) d;
    IF bad IS NOT NULL THEN
        RAISE EXCEPTION 'Populations : code INSEE en double : %', pg_temp.code_list(bad);
    END IF;
    SELECT array_agg(insee || ' (« ' || pmun || ' »)' ORDER BY insee) INTO bad
    FROM pop WHERE pmun !~ '^[0-9]{1,9}$';
    IF bad IS NOT NULL THEN
        RAISE EXCEPTION 'Populations : population municipale absente ou non entière : %', pg_temp.code_list(bad);
    END IF;
    SELECT array_agg(insee || ' (' || dep || ')' ORDER BY insee) INTO bad
    FROM pop WHERE dep IS NOT NULL AND (dep !~ '^([0-9]{2}|2A|2B|97[1-6])$' OR left(insee, length(dep)) <> dep);
    IF bad IS NOT NULL THEN
        RAISE EXCEPTION 'Populations : code département invalide ou incohérent avec le code commune : %', pg_temp.code_list(bad);
    END IF;

    SELECT array_agg(DISTINCT date_eff) INTO bad
    FROM mvt WHERE date_eff !~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$';
    IF bad IS NOT NULL THEN
        RAISE EXCEPTION 'Mouvements : date d''effet illisible (attendu AAAA-MM-JJ) : %', pg_temp.code_list(bad);
    END IF;

    SELECT array_agg(coalesce(siren, '(vide)') ORDER BY siren) INTO bad
    FROM src_epci WHERE siren IS NULL OR siren !~ '^[0-9]{9}$';
    IF bad IS NOT NULL THEN
        RAISE EXCEPTION 'EPCI : SIREN invalide : %', pg_temp.code_list(bad);
    END IF;
    SELECT array_agg(siren ORDER BY siren) INTO bad FROM src_epci WHERE name IS NULL;
    IF bad IS NOT NULL THEN
        RAISE EXCEPTION 'EPCI : nom absent : %', pg_temp.code_list(bad);
    END IF;

    SELECT array_agg(coalesce(code, '(vide)') ORDER BY code) INTO bad
    FROM src_department WHERE code IS NULL OR code !~ '^([0-9]{2}|2A|2B|97[1-6])$';
    IF bad IS NOT NULL THEN
        RAISE EXCEPTION 'Départements : code invalide : %', pg_temp.code_list(bad);
    END IF;
END $$;

