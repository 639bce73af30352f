-- Copper network: exchanges (NRA, NRA-HD, NRA-MED cabinets, NRA-ZO), sub-distributors (SR)
-- and the montée-en-débit operations that put a cabinet beside an SR.
CREATE TABLE exchange (
    id                 serial PRIMARY KEY,
    code               text NOT NULL UNIQUE CHECK (code ~ '^([0-9]{2}|2A|2B)[0-9]{3} ?[A-Z0-9]{3}$'),
    name               text NOT NULL,
    type               text NOT NULL CHECK (type IN ('NRA', 'NRA_HD', 'NRA_MED', 'NRA_ZO')),
    insee              text REFERENCES commune (insee),
    vdsl2              boolean NOT NULL,
    backhaul           text NOT NULL CHECK (backhaul IN ('FIBRE', 'COPPER')),
    parent_exchange_id integer REFERENCES exchange (id),
    geom               geometry(Point, 2154) NOT NULL,
    -- a cabinet (MED, ZO) is fed from a parent exchange; an NRA is not
    CHECK ((type IN ('NRA_MED', 'NRA_ZO')) = (parent_exchange_id IS NOT NULL))
);
CREATE INDEX exchange_geom_idx ON exchange USING gist (geom);
CREATE INDEX exchange_parent_idx ON exchange (parent_exchange_id);

CREATE TABLE sub_distributor (
    id          serial PRIMARY KEY,
    code        text NOT NULL UNIQUE,
    level       text NOT NULL DEFAULT 'SRP' CHECK (level IN ('SRP', 'SRS', 'SRT')),
    exchange_id integer NOT NULL REFERENCES exchange (id),
    geom        geometry(Point, 2154) NOT NULL
);
CREATE INDEX sub_distributor_geom_idx ON sub_distributor USING gist (geom);
CREATE INDEX sub_distributor_exchange_idx ON sub_distributor (exchange_id);

ALTER TABLE premise ADD CONSTRAINT premise_sub_distributor_fk
    FOREIGN KEY (sub_distributor_id) REFERENCES sub_distributor (id);

-- A montée-en-débit (MED) or zone-d'ombre (ZO) operation: a cabinet placed at an SR, its lot,
-- status and commissioning date. The copper of the SR's premises is re-routed into the cabinet
-- once it is in service.
CREATE TABLE upgrade_operation (
    id                 serial PRIMARY KEY,
    code               text NOT NULL UNIQUE,
    kind               text NOT NULL CHECK (kind IN ('MED', 'ZO')),
    programme          text NOT NULL CHECK (programme IN ('EARLY', 'CURRENT')),
    lot                smallint CHECK (lot BETWEEN 1 AND 3),
    sub_distributor_id integer NOT NULL REFERENCES sub_distributor (id),
    cabinet_id         integer NOT NULL UNIQUE REFERENCES exchange (id),
    status             text NOT NULL CHECK (status IN ('PLANNED', 'STUDY', 'WORKS', 'IN_SERVICE', 'ABANDONED')),
    planned_on         date,
    commissioned_on    date,
    lines_concerned    integer NOT NULL CHECK (lines_concerned >= 0),
    CHECK ((status = 'IN_SERVICE') = (commissioned_on IS NOT NULL))
);
CREATE INDEX upgrade_operation_sr_idx ON upgrade_operation (sub_distributor_id);

-- Regional ultra-high-speed backbone (RUHD): sites, links (OFDS span statuses), leases.
CREATE TABLE ruhd_site (
    id    serial PRIMARY KEY,
    code  text NOT NULL UNIQUE,
    name  text NOT NULL,
    kind  text NOT NULL CHECK (kind IN ('UNIVERSITY', 'RESEARCH', 'POP', 'PUBLIC_BODY')),
    insee text REFERENCES commune (insee),
    geom  geometry(Point, 2154) NOT NULL
);
CREATE INDEX ruhd_site_geom_idx ON ruhd_site USING gist (geom);

CREATE TABLE ruhd_link (
    id              serial PRIMARY KEY,
    code            text NOT NULL UNIQUE,
    site_a_id       integer NOT NULL REFERENCES ruhd_site (id),
    site_b_id       integer NOT NULL REFERENCES ruhd_site (id),
    capacity_gbps   integer NOT NULL CHECK (capacity_gbps > 0),
    status          text NOT NULL CHECK (status IN ('proposed', 'planned', 'underConstruction', 'inactive', 'operational', 'decommissioned')),
    contract_type   text NOT NULL CHECK (contract_type IN ('ppp', 'private', 'public')),
    commissioned_on date,
    geom            geometry(LineString, 2154) NOT NULL,
    CHECK (site_a_id <> site_b_id)
);
CREATE INDEX ruhd_link_geom_idx ON ruhd_link USING gist (geom);

CREATE TABLE ruhd_lease (
    id               serial PRIMARY KEY,
    link_id          integer NOT NULL REFERENCES ruhd_link (id),
    lessee           text NOT NULL CHECK (lessee <> ''),
    operator_id      smallint REFERENCES operator (id),
    start_on         date NOT NULL,
    end_on           date NOT NULL CHECK (end_on > start_on),
    capacity_gbps    integer NOT NULL CHECK (capacity_gbps > 0),
    yearly_price_eur numeric(12, 2) NOT NULL CHECK (yearly_price_eur >= 0)
);
CREATE INDEX ruhd_lease_link_idx ON ruhd_lease (link_id);

-- Road network the routing (line lengths, backbone routes) is built from.
CREATE TABLE road (
    id    bigserial PRIMARY KEY,
    class text NOT NULL CHECK (class IN ('MAJOR', 'LOCAL')),
    name  text,
    insee text REFERENCES commune (insee),
    geom  geometry(LineString, 2154) NOT NULL
);
CREATE INDEX road_geom_idx ON road USING gist (geom);
