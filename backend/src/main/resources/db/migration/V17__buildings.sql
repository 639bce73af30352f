-- Buildings hold their lines. A building (IPE IdentifiantImmeuble, one row of an IPE file, of the
-- Arcep building open data, of GraceTHD t_adresse) has the address, the point, the IPE state and
-- its dates, the PM area and the copper SR; its lines (premise, one row per local: a dwelling or a
-- business premise) keep only what is their own: their complement ("Appt 12") and subscription.
-- The history follows: building-level fields in building_event, subscriptions in premise_event.
-- An existing database is upgraded here: its premises at one address point become one building.

CREATE TABLE building (
    id                      bigint PRIMARY KEY,
    -- IPE IdentifiantImmeuble, Arcep imb_id
    code                    text NOT NULL UNIQUE CHECK (code ~ '^IMB/([0-9]{2}|2A|2B)[0-9]{3}/[A-Z]/[A-Za-z0-9]+$'),
    insee                   text NOT NULL REFERENCES commune (insee),
    pm_zone_id              integer REFERENCES pm_zone (id),
    sub_distributor_id      integer REFERENCES sub_distributor (id),
    street_number           integer CHECK (street_number > 0),
    street_suffix           text CHECK (street_suffix IN ('bis', 'ter', 'quater')),
    street_name             text NOT NULL CHECK (street_name <> ''),
    building_type           text NOT NULL CHECK (building_type IN ('PAVILLON', 'IMMEUBLE')),
    -- its lines of each kind (IPE NombreLogementsAdresseIPE, GraceTHD ad_nblhab / ad_nblpro);
    -- kept equal to its premise rows of each kind by every writer
    dwellings               integer NOT NULL CHECK (dwellings >= 0),
    business_premises       integer NOT NULL DEFAULT 0 CHECK (business_premises >= 0),
    -- the weight every figure counts a building with: defined once, here
    lines                   integer GENERATED ALWAYS AS (dwellings + business_premises) STORED CHECK (lines >= 1),
    state                   text NOT NULL CHECK (state IN ('CIBLE', 'SIGNE', 'EN_COURS', 'DEPLOYE', 'RACCORDABLE_DEMANDE', 'ABANDONNE')),
    planned_cabling_date    date,
    cabling_date            date,
    commercial_opening_date date,
    geom                    geometry(Point, 2154) NOT NULL,
    CHECK (cabling_date IS NULL OR state IN ('DEPLOYE', 'RACCORDABLE_DEMANDE', 'ABANDONNE')),
    CHECK (commercial_opening_date IS NULL OR cabling_date IS NOT NULL)
);

-- Building-level history, as premise_event was: append-only, the truth for any past date.
CREATE TABLE building_event (
    id            bigserial PRIMARY KEY,
    building_id   bigint NOT NULL REFERENCES building (id),
    field         text NOT NULL CHECK (field IN ('state', 'cabling_date', 'commercial_opening_date', 'pm_zone')),
    old_value     text,
    new_value     text,
    effective_on  date NOT NULL,
    recorded_at   timestamptz NOT NULL DEFAULT now(),
    source        text NOT NULL CHECK (source IN ('DEMO', 'IMPORT', 'EDIT')),
    batch_id      bigint REFERENCES import_batch (id),
    username      text,
    CHECK (batch_id IS NOT NULL OR username IS NOT NULL),
    CHECK (old_value IS DISTINCT FROM new_value)
);

CREATE FUNCTION history_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER building_event_append_only
    BEFORE UPDATE OR DELETE ON building_event
    FOR EACH ROW EXECUTE FUNCTION history_is_append_only();
CREATE TRIGGER building_event_no_truncate
    BEFORE TRUNCATE ON building_event
    FOR EACH STATEMENT EXECUTE FUNCTION history_is_append_only();

-- The existing premises, grouped by address point: each group is one building, which takes the id,
-- the code (already IMB/<INSEE>/X/…), the state, dates and history of its first line. Lines of one
-- address always share them in an IPE file; where an older load let them differ, the first wins.
CREATE TEMPORARY TABLE premise_building ON COMMIT DROP AS
SELECT id AS premise_id, first_value(id) OVER w AS building_id, row_number() OVER w AS k
FROM premise
WINDOW w AS (PARTITION BY insee, street_name, street_number, street_suffix, ST_X(geom), ST_Y(geom) ORDER BY id);
CREATE INDEX ON premise_building (premise_id);

INSERT INTO building (id, code, insee, pm_zone_id, sub_distributor_id, street_number, street_suffix, street_name,
                      building_type, dwellings, business_premises, state, planned_cabling_date, cabling_date,
                      commercial_opening_date, geom)
SELECT p.id, p.code, p.insee, p.pm_zone_id, p.sub_distributor_id, p.street_number, p.street_suffix, p.street_name,
       CASE WHEN n.lines > 1 THEN 'IMMEUBLE' ELSE p.building_type END, n.lines, 0, p.state, p.planned_cabling_date,
       p.cabling_date, p.commercial_opening_date, p.geom
FROM premise p
JOIN (SELECT building_id, count(*) AS lines FROM premise_building GROUP BY building_id) n ON n.building_id = p.id;

INSERT INTO building_event (building_id, field, old_value, new_value, effective_on, recorded_at, source, batch_id, username)
SELECT e.premise_id, e.field, e.old_value, e.new_value, e.effective_on, e.recorded_at, e.source, e.batch_id, e.username
FROM premise_event e JOIN premise_building pb ON pb.premise_id = e.premise_id AND pb.k = 1
WHERE e.field <> 'subscription'
ORDER BY e.id;

-- Moving the building-level rows out of the line history is the one rewrite it ever gets: by this
-- migration, as the owner, every row copied above before it leaves.
ALTER TABLE premise_event DISABLE TRIGGER premise_event_append_only;
DELETE FROM premise_event WHERE field <> 'subscription';
ALTER TABLE premise_event ENABLE TRIGGER premise_event_append_only;
ALTER TABLE premise_event DROP CONSTRAINT premise_event_field_check;
ALTER TABLE premise_event ADD CONSTRAINT premise_event_field_check CHECK (field IN ('subscription'));

-- One function guards every append-only history: the line history's (V4) and the audit trail's
-- (V14) triggers call it too, with the same message, and their own copies go.
DROP TRIGGER premise_event_append_only ON premise_event;
DROP TRIGGER premise_event_no_truncate ON premise_event;
CREATE TRIGGER premise_event_append_only
    BEFORE UPDATE OR DELETE ON premise_event
    FOR EACH ROW EXECUTE FUNCTION history_is_append_only();
CREATE TRIGGER premise_event_no_truncate
    BEFORE TRUNCATE ON premise_event
    FOR EACH STATEMENT EXECUTE FUNCTION history_is_append_only();
DROP FUNCTION premise_event_is_append_only();
DROP TRIGGER audit_event_append_only ON audit_event;
DROP TRIGGER audit_event_no_truncate ON audit_event;
CREATE TRIGGER audit_event_append_only
    BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION history_is_append_only();
CREATE TRIGGER audit_event_no_truncate
    BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION history_is_append_only();
DROP FUNCTION audit_event_is_append_only();

-- The derived tables are emptied (the server refills them at start-up) and keyed on buildings
-- where a building is what they describe.
TRUNCATE eligibility, premise_milestone, premise_cell, address_index;
ALTER TABLE eligibility DROP CONSTRAINT eligibility_premise_id_fkey;
ALTER TABLE eligibility RENAME COLUMN premise_id TO building_id;
ALTER TABLE eligibility ADD CONSTRAINT eligibility_building_id_fkey FOREIGN KEY (building_id) REFERENCES building (id);
ALTER TABLE premise_milestone ADD COLUMN building_id bigint NOT NULL;

-- The line keeps what is its own.
ALTER TABLE premise ADD COLUMN building_id bigint;
ALTER TABLE premise ADD COLUMN kind text NOT NULL DEFAULT 'DWELLING' CHECK (kind IN ('DWELLING', 'BUSINESS'));
UPDATE premise p SET building_id = pb.building_id FROM premise_building pb WHERE pb.premise_id = p.id;
ALTER TABLE premise ALTER COLUMN building_id SET NOT NULL;
ALTER TABLE premise ALTER COLUMN kind DROP DEFAULT;
ALTER TABLE premise ADD CONSTRAINT premise_building_fk FOREIGN KEY (building_id) REFERENCES building (id);
-- (their indexes and the checks that named them go with the columns)
ALTER TABLE premise DROP COLUMN insee, DROP COLUMN pm_zone_id, DROP COLUMN sub_distributor_id,
    DROP COLUMN street_number, DROP COLUMN street_suffix, DROP COLUMN street_name, DROP COLUMN building_type,
    DROP COLUMN dwellings, DROP COLUMN state, DROP COLUMN planned_cabling_date, DROP COLUMN cabling_date,
    DROP COLUMN commercial_opening_date, DROP COLUMN geom;

-- Kept apart like V6's, so that the bulk loader can drop and recreate them around a COPY.
CREATE INDEX building_geom_idx ON building USING gist (geom);
CREATE INDEX building_insee_idx ON building (insee);
CREATE INDEX building_pm_zone_idx ON building (pm_zone_id);
CREATE INDEX building_sub_distributor_idx ON building (sub_distributor_id);
CREATE INDEX building_state_idx ON building (state);
CREATE INDEX building_street_idx ON building (insee, street_name, street_number);
CREATE INDEX building_event_building_idx ON building_event (building_id, field, effective_on);
CREATE INDEX building_event_batch_idx ON building_event (batch_id);
CREATE INDEX premise_building_idx ON premise (building_id);

-- V15's rules for the new tables: the history appended to, never rewritten; buildings edited,
-- never deleted; the derived tables' owner may reference buildings around its refills.
DO $$
DECLARE
    app   text := '${app_role}';
BEGIN
    IF app = 'none' OR app = current_user OR NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = app) THEN
        RETURN;
    END IF;
    EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON building_event FROM %I', app);
    EXECUTE format('REVOKE DELETE, TRUNCATE ON building FROM %I', app);
    EXECUTE format('GRANT REFERENCES ON building TO %I', app);
END $$;
