-- Premises aggregated on square grids of Web Mercator (EPSG:3857) cells, one grid per level, for
-- the low zooms of the premises tiles: counts per IPE state at the centroid of each cell's premises.
-- Derived data (rebuilt after each full eligibility recompute), hence unlogged.
CREATE UNLOGGED TABLE premise_cell (
    level               smallint NOT NULL,
    geom                geometry(Point, 3857) NOT NULL,
    count               integer NOT NULL CHECK (count > 0),
    cible               integer NOT NULL,
    signe               integer NOT NULL,
    en_cours            integer NOT NULL,
    deploye             integer NOT NULL,
    raccordable_demande integer NOT NULL,
    abandonne           integer NOT NULL
);
CREATE INDEX premise_cell_geom_idx ON premise_cell USING gist (geom);
CREATE INDEX premise_cell_level_idx ON premise_cell (level);
