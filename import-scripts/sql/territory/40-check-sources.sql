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

-- Each check names every offending value (the first 40) in one French message, or passes.
DO $$
BEGIN
    PERFORM pg_temp.refuse('Communes (géométrie) : code INSEE invalide',
        (SELECT array_agg(coalesce(code, '(vide)') || ' (entité ' || fid || ')' ORDER BY fid) FROM src_commune WHERE code IS NULL OR code !~ '^([0-9]{2}|2A|2B)[0-9]{3}$'));

    PERFORM pg_temp.refuse('Communes (géométrie) : géométrie absente ou vide',
        (SELECT array_agg(code ORDER BY code) FROM src_commune WHERE geom IS NULL OR ST_IsEmpty(geom)));

    PERFORM pg_temp.refuse('Populations : code INSEE invalide',
        (SELECT array_agg(coalesce(insee, '(vide)') ORDER BY insee) FROM pop WHERE insee IS NULL OR insee !~ '^([0-9]{2}|2A|2B)[0-9]{3}$'));

    PERFORM pg_temp.refuse('Populations : code INSEE en double',
        (SELECT array_agg(insee ORDER BY insee) FROM (SELECT insee FROM pop GROUP BY insee HAVING count(*) > 1) d));

    PERFORM pg_temp.refuse('Populations : population municipale absente ou non entière',
        (SELECT array_agg(insee || ' (« ' || pmun || ' »)' ORDER BY insee) FROM pop WHERE pmun !~ '^[0-9]{1,9}$'));

    PERFORM pg_temp.refuse('Populations : code département invalide ou incohérent avec le code commune',
        (SELECT array_agg(insee || ' (' || dep || ')' ORDER BY insee) FROM pop WHERE dep IS NOT NULL AND (dep !~ '^([0-9]{2}|2A|2B|97[1-6])$' OR left(insee, length(dep)) <> dep)));

    PERFORM pg_temp.refuse('EPCI : SIREN invalide',
        (SELECT array_agg(coalesce(siren, '(vide)') ORDER BY siren) FROM src_epci WHERE siren IS NULL OR siren !~ '^[0-9]{9}$'));

    PERFORM pg_temp.refuse('EPCI : nom absent',
        (SELECT array_agg(siren ORDER BY siren) FROM src_epci WHERE name IS NULL));

    PERFORM pg_temp.refuse('Départements : code invalide',
        (SELECT array_agg(coalesce(code, '(vide)') ORDER BY code) FROM src_department WHERE code IS NULL OR code !~ '^([0-9]{2}|2A|2B|97[1-6])$'));
END $$;
