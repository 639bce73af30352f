-- Programme: phases, tranches, contractors, contracts, deployment zones (NRO areas) and PM areas.
CREATE TABLE contractor (
    id    serial PRIMARY KEY,
    name  text NOT NULL UNIQUE CHECK (name <> '')
);

CREATE TABLE contract (
    id            serial PRIMARY KEY,
    reference     text NOT NULL UNIQUE,
    kind          text NOT NULL CHECK (kind IN ('STUDY', 'WORKS', 'DESIGN_BUILD', 'OPERATION')),
    contractor_id integer NOT NULL REFERENCES contractor (id),
    lot           text,
    signed_on     date NOT NULL
);
CREATE INDEX contract_contractor_idx ON contract (contractor_id);

CREATE TABLE phase (
    id              smallint PRIMARY KEY,
    code            text NOT NULL UNIQUE CHECK (code ~ '^P[0-9]+$'),
    name            text NOT NULL,
    target_end_date date NOT NULL
);

CREATE TABLE tranche (
    id              smallint PRIMARY KEY,
    phase_id        smallint NOT NULL REFERENCES phase (id),
    code            text NOT NULL UNIQUE,
    name            text NOT NULL,
    start_date      date NOT NULL,
    target_end_date date NOT NULL CHECK (target_end_date > start_date)
);
CREATE INDEX tranche_phase_idx ON tranche (phase_id);

-- GraceTHD l_statut: PRE, DIA, AVP, PRO, ACT, EXE, TVX, REC, MCO.
CREATE TABLE deployment_zone (
    id                 serial PRIMARY KEY,
    code               text NOT NULL UNIQUE,
    name               text NOT NULL,
    tranche_id         smallint NOT NULL REFERENCES tranche (id),
    contract_id        integer REFERENCES contract (id),
    nro_code           text NOT NULL,
    study_status       text NOT NULL CHECK (study_status IN ('PRE','DIA','AVP','PRO','ACT','EXE','TVX','REC','MCO')),
    planned_start_date date,
    planned_end_date   date,
    actual_start_date  date,
    actual_end_date    date,
    geom               geometry(MultiPolygon, 2154),
    CHECK (planned_end_date IS NULL OR planned_start_date IS NULL OR planned_end_date >= planned_start_date),
    CHECK (actual_end_date IS NULL OR (actual_start_date IS NOT NULL AND actual_end_date >= actual_start_date))
);
CREATE INDEX deployment_zone_geom_idx ON deployment_zone USING gist (geom);
CREATE INDEX deployment_zone_tranche_idx ON deployment_zone (tranche_id);
CREATE INDEX deployment_zone_contract_idx ON deployment_zone (contract_id);

-- PM area (zone arrière de point de mutualisation); state with the Interop l_sro_etat codes.
CREATE TABLE pm_zone (
    id                  serial PRIMARY KEY,
    code                text NOT NULL UNIQUE,
    zone_id             integer NOT NULL REFERENCES deployment_zone (id),
    pm_state            text NOT NULL CHECK (pm_state IN ('PL', 'EC', 'DP', 'AB')),
    planned_date        date,
    made_available_date date,
    pm_point            geometry(Point, 2154) NOT NULL,
    geom                geometry(MultiPolygon, 2154),
    CHECK ((pm_state = 'DP') = (made_available_date IS NOT NULL))
);
CREATE INDEX pm_zone_geom_idx ON pm_zone USING gist (geom);
CREATE INDEX pm_zone_zone_idx ON pm_zone (zone_id);
