-- Eligibility of every premise, recomputed from the network (full job or incrementally after a
-- change). Copper is kept for both injection points a premise can have, its exchange and the
-- cabinet of its sub-distributor, so any date is answered by choosing between stored rows:
-- fibre if open on that date, else the cabinet if in service on that date, else the exchange.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE eligibility (
    premise_id              bigint PRIMARY KEY REFERENCES premise (id),
    -- the premise is open to fibre on D when fibre_from <= D and (fibre_until IS NULL OR D < fibre_until)
    fibre_from              date,
    fibre_until             date CHECK (fibre_until IS NULL OR fibre_until > fibre_from),
    exchange_id             integer NOT NULL REFERENCES exchange (id),
    exchange_length_m       real NOT NULL CHECK (exchange_length_m >= 0),
    exchange_routed         boolean NOT NULL,
    exchange_attenuation_db real NOT NULL,
    exchange_technology     text NOT NULL CHECK (exchange_technology IN ('VDSL2', 'ADSL2PLUS', 'NONE')),
    exchange_min_mbps       real NOT NULL,
    exchange_max_mbps       real NOT NULL,
    exchange_class          smallint NOT NULL,
    cabinet_operation_id    integer REFERENCES upgrade_operation (id),
    cabinet_length_m        real CHECK (cabinet_length_m >= 0),
    cabinet_routed          boolean,
    cabinet_attenuation_db  real,
    cabinet_technology      text CHECK (cabinet_technology IN ('VDSL2', 'ADSL2PLUS', 'NONE')),
    cabinet_min_mbps        real,
    cabinet_max_mbps        real,
    cabinet_class           smallint,
    computed_at             timestamptz NOT NULL DEFAULT now(),
    CHECK ((cabinet_operation_id IS NULL) = (cabinet_class IS NULL))
);
CREATE INDEX eligibility_cabinet_idx ON eligibility (cabinet_operation_id);

-- One row per street of a commune, with a normalised key (lower case, no accents, street types
-- spelt out) for tolerant address search.
CREATE TABLE address_index (
    insee       text NOT NULL REFERENCES commune (insee),
    street_name text NOT NULL,
    search_key  text NOT NULL,
    PRIMARY KEY (insee, street_name)
);
CREATE INDEX address_index_key_idx ON address_index USING gist (search_key gist_trgm_ops);
CREATE INDEX premise_street_idx ON premise (insee, street_name, street_number);
