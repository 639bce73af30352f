-- Copper equipment is dated (issue 8): VDSL2 opens at an exchange or cabinet on a date (Arcep's
-- authorisations of 2013 and 2014, then each operator's DSLAM), and an NRA-ZO fed by copper got its
-- fibre backhaul on a date (Mégalis, 2020). A NULL date means no earlier state is recorded: VDSL2
-- (when vdsl2) or the fibre backhaul (when backhaul = 'FIBRE') on any date asked.
ALTER TABLE exchange
    ADD COLUMN vdsl2_from date,
    ADD COLUMN fibre_backhaul_from date,
    ADD CONSTRAINT exchange_vdsl2_from_check CHECK (vdsl2_from IS NULL OR vdsl2),
    ADD CONSTRAINT exchange_fibre_backhaul_from_check CHECK (fibre_backhaul_from IS NULL OR backhaul = 'FIBRE');

-- Besides the offer of each injection point as equipped today (exchange_* and cabinet_*), the
-- recompute keeps the offers the line had before: before VDSL2 opened there (*_adsl_*, an ADSL2+
-- offer, set when today's is VDSL2) and while the equipment was fed by copper (*_copper_fed_*, ADSL
-- capped, set when the equipment has a fibre_backhaul_from). A date chooses between them with
-- thd_copper_offer_on, set-based, like the fibre window and the cabinet's commissioning.
ALTER TABLE eligibility
    ADD COLUMN exchange_adsl_min_mbps       real,
    ADD COLUMN exchange_adsl_max_mbps       real,
    ADD COLUMN exchange_adsl_class          smallint,
    ADD COLUMN exchange_copper_fed_min_mbps real,
    ADD COLUMN exchange_copper_fed_max_mbps real,
    ADD COLUMN exchange_copper_fed_class    smallint,
    ADD COLUMN cabinet_adsl_min_mbps        real,
    ADD COLUMN cabinet_adsl_max_mbps        real,
    ADD COLUMN cabinet_adsl_class           smallint,
    ADD COLUMN cabinet_copper_fed_min_mbps  real,
    ADD COLUMN cabinet_copper_fed_max_mbps  real,
    ADD COLUMN cabinet_copper_fed_class     smallint;

-- The offer of one injection point on day d, from its equipment's dates and the line's stored
-- offers (one column at a time: class, min, max or technology): while fed by copper, before VDSL2
-- opened, or as equipped. A stage without a stored offer falls back to the next one (the line got
-- the same there). One expression, inlined by the planner.
CREATE FUNCTION thd_copper_offer_on(fibre_backhaul_from date, vdsl2_from date, d date,
                                    while_copper_fed anyelement, before_vdsl2 anyelement, as_equipped anyelement)
    RETURNS anyelement
    -- a quoted body: PostgreSQL takes polymorphic arguments only there; still inlined
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN d < fibre_backhaul_from THEN coalesce(while_copper_fed, before_vdsl2, as_equipped)
                WHEN d < vdsl2_from THEN coalesce(before_vdsl2, as_equipped)
                ELSE as_equipped END
$$;
