-- A fixed list of tiles covering Brittany from z6 to z18: every tile over the territory's extent
-- up to z9, then at each zoom the tiles of buildings taken at a fixed stride (dense towns and
-- countryside alike), for every layer that draws at that zoom. Deterministic for a given data set.
WITH ext AS (
    SELECT ST_Transform(ST_SetSRID(ST_Extent(geom), 2154), 3857) AS e FROM department
), world AS (SELECT 20037508.342789244 AS w),
low AS (
    SELECT z, x, y FROM generate_series(6, 9) z, ext, world,
    LATERAL generate_series(floor((ST_XMin(e) + w) / (2 * w) * 2 ^ z)::int, floor((ST_XMax(e) + w) / (2 * w) * 2 ^ z)::int) x,
    LATERAL generate_series(floor((w - ST_YMax(e)) / (2 * w) * 2 ^ z)::int, floor((w - ST_YMin(e)) / (2 * w) * 2 ^ z)::int) y
),
sampled AS (
    SELECT ST_Transform(geom, 3857) AS g FROM building WHERE id % 9973 = 1
),
high AS (
    SELECT DISTINCT z, floor((ST_X(g) + w) / (2 * w) * 2 ^ z)::int AS x, floor((w - ST_Y(g)) / (2 * w) * 2 ^ z)::int AS y
    FROM sampled, world, generate_series(10, 18) z
),
tiles AS (SELECT * FROM low UNION SELECT * FROM high)
SELECT l || '/' || z || '/' || x || '/' || y
FROM tiles, unnest(ARRAY['buildings', 'communes', 'zones', 'exchanges', 'ruhd', 'departments']) l
WHERE NOT (l IN ('departments') AND z > 12)
ORDER BY z, l, x, y;
