-- The reference for the eligibility benchmark: the same classification, done set-based in one SQL
-- statement in PostGIS with straight-line distances (no road network), with the default
-- coefficients of EligibilityProperties: attenuation by gauge sections + 1.5 dB, the arrêté's
-- brackets, VDSL2 where allowed (its brackets end below 22 dB), copper-fed equipment capped at
-- 2 Mbit/s, classes by the midpoint of each bracket's range (the typical speed); fibre windows from
-- the buildings' histories; one row per building, as the recompute writes. Written to a table like the real thing. It computes today's offers only,
-- not the earlier ones (before VDSL2, while fed by copper) that the recompute also writes.
DROP TABLE IF EXISTS eligibility_floor;
CREATE TABLE eligibility_floor AS
WITH windows AS (
    SELECT building_id,
           min(effective_on) FILTER (WHERE new_value IN ('DEPLOYE', 'RACCORDABLE_DEMANDE')) AS first_in,
           max(effective_on) FILTER (WHERE new_value IN ('DEPLOYE', 'RACCORDABLE_DEMANDE')) AS last_in,
           max(effective_on) FILTER (WHERE old_value IN ('DEPLOYE', 'RACCORDABLE_DEMANDE')
                                     AND new_value NOT IN ('DEPLOYE', 'RACCORDABLE_DEMANDE')) AS last_out
    FROM building_event
    WHERE field = 'state' AND (new_value IN ('DEPLOYE', 'RACCORDABLE_DEMANDE') OR old_value IN ('DEPLOYE', 'RACCORDABLE_DEMANDE'))
    GROUP BY building_id
), cabinet AS (
    SELECT DISTINCT ON (o.sub_distributor_id) o.sub_distributor_id, o.id, cab.geom, cab.vdsl2, cab.backhaul
    FROM upgrade_operation o JOIN exchange cab ON cab.id = o.cabinet_id
    WHERE o.kind = 'MED' AND o.status <> 'ABANDONED'
    ORDER BY o.sub_distributor_id, (o.status = 'IN_SERVICE') DESC, o.id DESC
), lines AS (
    SELECT p.id, p.commercial_opening_date, w.first_in, w.last_in, w.last_out,
           ex.id AS exchange_id, ST_Distance(p.geom, ex.geom) * 1.4 AS ex_m, ex.vdsl2 AS ex_vdsl2,
           ex.backhaul = 'COPPER' AS ex_copper,
           c.id AS op_id, ST_Distance(p.geom, c.geom) * 1.4 AS cab_m, c.vdsl2 AS cab_vdsl2, c.backhaul = 'COPPER' AS cab_copper
    FROM building p
    JOIN sub_distributor sr ON sr.id = p.sub_distributor_id
    JOIN exchange ex ON ex.id = sr.exchange_id
    LEFT JOIN cabinet c ON c.sub_distributor_id = sr.id
    LEFT JOIN windows w ON w.building_id = p.id
), att AS (
    SELECT l.*,
           1.5 + least(ex_m / 1000, 1) * 15 + greatest(least(ex_m / 1000, 3) - 1, 0) * 12.4 + greatest(ex_m / 1000 - 3, 0) * 10.3 AS ex_db,
           1.5 + least(cab_m / 1000, 1) * 15 + greatest(least(cab_m / 1000, 3) - 1, 0) * 12.4 + greatest(cab_m / 1000 - 3, 0) * 10.3 AS cab_db
    FROM lines l
), speed AS (
    -- the midpoint of each bracket's range (arrêté du 3 décembre 2013, annexe C)
    SELECT a.*,
           CASE WHEN ex_db > 78 THEN 0
                WHEN ex_copper THEN CASE WHEN ex_db <= 43 THEN 2 WHEN ex_db <= 65 THEN 1.125 ELSE 1 END
                WHEN ex_db <= 8 THEN CASE WHEN ex_vdsl2 THEN 45 ELSE 16 END
                WHEN ex_db <= 14 THEN CASE WHEN ex_vdsl2 THEN 27.5 ELSE 12.5 END
                WHEN ex_db <= 21 THEN 10 WHEN ex_db <= 30 THEN 8 WHEN ex_db <= 43 THEN 5
                WHEN ex_db <= 65 THEN 2.625 ELSE 1 END AS ex_typical,
           CASE WHEN op_id IS NULL THEN NULL
                WHEN cab_db > 78 THEN 0
                WHEN cab_copper THEN CASE WHEN cab_db <= 43 THEN 2 WHEN cab_db <= 65 THEN 1.125 ELSE 1 END
                WHEN cab_db <= 8 THEN CASE WHEN cab_vdsl2 THEN 45 ELSE 16 END
                WHEN cab_db <= 14 THEN CASE WHEN cab_vdsl2 THEN 27.5 ELSE 12.5 END
                WHEN cab_db <= 21 THEN 10 WHEN cab_db <= 30 THEN 8 WHEN cab_db <= 43 THEN 5
                WHEN cab_db <= 65 THEN 2.625 ELSE 1 END AS cab_typical
    FROM att a
)
SELECT id AS building_id,
       CASE WHEN commercial_opening_date IS NOT NULL AND first_in IS NOT NULL
            THEN greatest(CASE WHEN last_out IS NULL THEN first_in ELSE last_in END, commercial_opening_date) END AS fibre_from,
       CASE WHEN last_out > last_in THEN last_out END AS fibre_until,
       exchange_id, ex_m AS exchange_length_m, ex_db AS exchange_attenuation_db, ex_typical AS exchange_typical_mbps,
       CASE WHEN ex_db > 78 THEN 0 WHEN ex_typical < 3 THEN 1 WHEN ex_typical < 8 THEN 2 WHEN ex_typical < 30 THEN 3
            WHEN ex_typical < 100 THEN 4 WHEN ex_typical < 1000 THEN 5 ELSE 6 END AS exchange_class,
       op_id AS cabinet_operation_id, cab_m AS cabinet_length_m, cab_db AS cabinet_attenuation_db, cab_typical AS cabinet_typical_mbps,
       CASE WHEN op_id IS NULL THEN NULL WHEN cab_db > 78 THEN 0 WHEN cab_typical < 3 THEN 1 WHEN cab_typical < 8 THEN 2
            WHEN cab_typical < 30 THEN 3 WHEN cab_typical < 100 THEN 4 WHEN cab_typical < 1000 THEN 5 ELSE 6 END AS cabinet_class
FROM speed;
