-- Commercial operators present on the network.
CREATE TABLE operator (
    id          smallserial PRIMARY KEY,
    name        text NOT NULL UNIQUE,
    arcep_code  text NOT NULL UNIQUE CHECK (arcep_code ~ '^[A-Z0-9]{4}$'),
    kind        text NOT NULL CHECK (kind IN ('RETAIL', 'BUSINESS')),
    arrived_on  date NOT NULL
);

-- One import (spreadsheet, IPE file, demo load): every history row names its batch.
CREATE TABLE import_batch (
    id          bigserial PRIMARY KEY,
    kind        text NOT NULL CHECK (kind IN ('DEMO', 'IPE', 'GRACETHD', 'SPREADSHEET', 'TERRITORY')),
    source_name text NOT NULL,
    username    text,
    started_at  timestamptz NOT NULL DEFAULT now(),
    finished_at timestamptz,
    row_count   integer CHECK (row_count >= 0),
    status      text NOT NULL DEFAULT 'RUNNING' CHECK (status IN ('RUNNING', 'DONE', 'FAILED'))
);

-- A premise is one line (local raccordable): its point, its address and its IPE state.
-- IPE EtatImmeuble: CIBLE, SIGNE, EN_COURS, DEPLOYE, RACCORDABLE_DEMANDE, ABANDONNE.
CREATE TABLE premise (
    id                      bigint PRIMARY KEY,
    code                    text NOT NULL UNIQUE,
    insee                   text NOT NULL REFERENCES commune (insee),
    pm_zone_id              integer REFERENCES pm_zone (id),
    sub_distributor_id      integer,
    street_number           integer CHECK (street_number > 0),
    street_suffix           text CHECK (street_suffix IN ('bis', 'ter', 'quater')),
    street_name             text NOT NULL CHECK (street_name <> ''),
    complement              text,
    building_type           text NOT NULL CHECK (building_type IN ('PAVILLON', 'IMMEUBLE')),
    dwellings               integer NOT NULL CHECK (dwellings >= 1),
    state                   text NOT NULL CHECK (state IN ('CIBLE', 'SIGNE', 'EN_COURS', 'DEPLOYE', 'RACCORDABLE_DEMANDE', 'ABANDONNE')),
    planned_cabling_date    date,
    cabling_date            date,
    commercial_opening_date date,
    operator_id             smallint REFERENCES operator (id),
    subscribed_on           date,
    geom                    geometry(Point, 2154) NOT NULL,
    CHECK ((operator_id IS NULL) = (subscribed_on IS NULL)),
    CHECK (operator_id IS NULL OR state IN ('DEPLOYE', 'RACCORDABLE_DEMANDE')),
    CHECK (cabling_date IS NULL OR state IN ('DEPLOYE', 'RACCORDABLE_DEMANDE', 'ABANDONNE')),
    CHECK (commercial_opening_date IS NULL OR cabling_date IS NOT NULL),
    CHECK (subscribed_on IS NULL OR (commercial_opening_date IS NOT NULL AND subscribed_on >= commercial_opening_date))
);
-- Indexes are in V6; the bulk loader drops and recreates them around a COPY.

-- Append-only history of every change to a premise: which field, old -> new, when it took
-- effect and when it was recorded, and who or which import did it. Figures "as of" a date
-- are computed from here.
CREATE TABLE premise_event (
    id            bigserial PRIMARY KEY,
    premise_id    bigint NOT NULL REFERENCES premise (id),
    field         text NOT NULL CHECK (field IN ('state', 'cabling_date', 'commercial_opening_date', 'subscription', 'pm_zone')),
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

CREATE FUNCTION premise_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'premise_event is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER premise_event_append_only
    BEFORE UPDATE OR DELETE ON premise_event
    FOR EACH ROW EXECUTE FUNCTION premise_event_is_append_only();
CREATE TRIGGER premise_event_no_truncate
    BEFORE TRUNCATE ON premise_event
    FOR EACH STATEMENT EXECUTE FUNCTION premise_event_is_append_only();
