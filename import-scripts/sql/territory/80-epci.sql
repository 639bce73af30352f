-- EPCI (fichier --epci, sinon ceux déjà en base) et rattachement de chaque commune.
-- Variable in: has_epci.
\echo '  EPCI et rattachement des communes…'
-- EPCI candidats : ceux du fichier --epci, sinon ceux déjà en base.
CREATE TEMP TABLE epci_candidate AS
SELECT siren, max(name) AS name, pg_temp.clean_multi(ST_Union(pg_temp.clean_multi(geom))) AS geom
FROM src_epci
GROUP BY siren;
INSERT INTO epci_candidate
SELECT siren, name, geom FROM epci
WHERE geom IS NOT NULL AND NOT EXISTS (SELECT 1 FROM src_epci);
CREATE INDEX ON epci_candidate USING gist (geom);

-- La commune appartient à l'EPCI dont le polygone contient son point intérieur
-- (ST_PointOnSurface) ; si plusieurs le contiennent, celui qui la recouvre le plus.
UPDATE new_commune c
SET epci_siren = (
    SELECT e.siren FROM epci_candidate e
    WHERE ST_Contains(e.geom, ST_PointOnSurface(c.geom))
    ORDER BY ST_Area(ST_Intersection(e.geom, c.geom)) DESC, e.siren
    LIMIT 1);

-- Avec --epci, le fichier fait foi : tous ses EPCI qui regroupent au moins une commune.
\if :has_epci
INSERT INTO epci (siren, name, geom)
SELECT siren, name, geom FROM epci_candidate e
WHERE EXISTS (SELECT 1 FROM new_commune c WHERE c.epci_siren = e.siren)
ON CONFLICT (siren) DO UPDATE SET name = EXCLUDED.name, geom = EXCLUDED.geom;
\endif

