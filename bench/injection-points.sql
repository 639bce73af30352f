-- The injection points of the copper network: every exchange (NRA, NRA-HD) and every cabinet
-- (NRA-MED, NRA-ZO) of a non-abandoned operation, as the eligibility recompute grows trees from.
SELECT e.id, ST_X(ST_Transform(e.geom, 4326)) AS lon, ST_Y(ST_Transform(e.geom, 4326)) AS lat, e.geom
FROM exchange e
WHERE e.type IN ('NRA', 'NRA_HD')
   OR e.id IN (SELECT cabinet_id FROM upgrade_operation WHERE status <> 'ABANDONED')
ORDER BY e.id
