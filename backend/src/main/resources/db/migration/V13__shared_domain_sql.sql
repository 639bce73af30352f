-- The programme's domain rules that several features query, defined once. Every query uses these
-- instead of spelling the states or the joins again. The functions are SQL functions with a single
-- expression and the views plain views: the planner inlines both, so they cost nothing at run time
-- (a function in a FILTER or WHERE clause becomes the same IN list it replaces).

-- IPE states (EtatImmeuble) in which a line can be ordered by an operator: "raccordable".
CREATE FUNCTION thd_connectable(state text) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN state IN ('DEPLOYE', 'RACCORDABLE_DEMANDE');

-- IPE states reached once works have started on a line (in works, built, or connectable on demand).
CREATE FUNCTION thd_works_started(state text) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN state IN ('EN_COURS', 'DEPLOYE', 'RACCORDABLE_DEMANDE');

-- A line is open for sale on day d when d falls in its fibre window [fibre_from, fibre_until)
-- (eligibility.fibre_from / fibre_until, computed from the history by the eligibility recompute).
CREATE FUNCTION thd_fibre_open(fibre_from date, fibre_until date, d date) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN fibre_from <= d AND (fibre_until IS NULL OR fibre_until > d);

-- A deployment zone with its place in the programme: tranche, phase, and contractor (NULL while no
-- contract is awarded).
CREATE VIEW zone_programme AS
SELECT z.id AS zone_id, z.code AS zone_code, z.name AS zone_name,
       t.id AS tranche_id, t.code AS tranche_code,
       ph.id AS phase_id, ph.code AS phase_code,
       z.contract_id, ct.name AS contractor
FROM deployment_zone z
JOIN tranche t ON t.id = z.tranche_id
JOIN phase ph ON ph.id = t.phase_id
LEFT JOIN contract k ON k.id = z.contract_id
LEFT JOIN contractor ct ON ct.id = k.contractor_id;

-- The premise -> PM area -> zone -> tranche -> phase -> contractor chain, keyed by PM area: a
-- premise joins it on premise.pm_zone_id = pm_zone_programme.pm_zone_id.
CREATE VIEW pm_zone_programme AS
SELECT pm.id AS pm_zone_id, zp.*
FROM pm_zone pm
JOIN zone_programme zp ON zp.zone_id = pm.zone_id;
