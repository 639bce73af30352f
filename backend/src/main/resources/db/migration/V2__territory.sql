-- Territory: departments, EPCI, communes. Stored in Lambert-93 (EPSG:2154).
CREATE TABLE department (
    code  text PRIMARY KEY CHECK (code ~ '^([0-9]{2}|2A|2B|97[1-6])$'),
    name  text NOT NULL CHECK (name <> ''),
    geom  geometry(MultiPolygon, 2154) NOT NULL
);
CREATE INDEX department_geom_idx ON department USING gist (geom);

CREATE TABLE epci (
    siren text PRIMARY KEY CHECK (siren ~ '^[0-9]{9}$'),
    name  text NOT NULL CHECK (name <> ''),
    geom  geometry(MultiPolygon, 2154)
);
CREATE INDEX epci_geom_idx ON epci USING gist (geom);

CREATE TABLE commune (
    insee           text PRIMARY KEY CHECK (insee ~ '^([0-9]{2}|2A|2B)[0-9]{3}$'),
    name            text NOT NULL CHECK (name <> ''),
    department_code text NOT NULL REFERENCES department (code),
    epci_siren      text REFERENCES epci (siren),
    population      integer NOT NULL CHECK (population >= 0),
    dwellings       integer NOT NULL CHECK (dwellings >= 0),
    geom            geometry(MultiPolygon, 2154) NOT NULL
);
CREATE INDEX commune_geom_idx ON commune USING gist (geom);
CREATE INDEX commune_department_idx ON commune (department_code);
CREATE INDEX commune_epci_idx ON commune (epci_siren);
CREATE INDEX commune_name_idx ON commune (lower(name));

-- Where the data set comes from and how fresh it is (shown on every public page).
CREATE TABLE dataset_info (
    key   text PRIMARY KEY,
    value text NOT NULL
);
