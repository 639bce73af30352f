-- The public perimeter and the Arcep observatory figures (issue 8).
--
-- A commune is in the public initiative network's perimeter (RIP) or not: in the private operators'
-- L. 33-13 engagement zone (AMII, with the operator's Arcep code: FRTE = Orange, SFR0 = SFR), in a
-- private intention outside the engagements, or in a very dense zone (ZTD). The perimeter is dated:
-- a commune can move (an AMII commune handed back to the RIP), so each row holds from valid_from
-- (inclusive) to valid_to (exclusive, NULL = still in force); the rows of one commune never overlap.
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE commune_perimeter (
    id            serial PRIMARY KEY,
    insee         text NOT NULL REFERENCES commune (insee),
    kind          text NOT NULL CHECK (kind IN ('PUBLIC', 'PRIVATE_L3313', 'PRIVATE_INTENTION', 'VERY_DENSE')),
    -- the private operator(s), Arcep codes as the observatory writes them (FRTE, SFR0, FREE-FRTE-SFR0)
    operator_code text CHECK (operator_code ~ '^[A-Z0-9]{4}(-[A-Z0-9]{4})*$'),
    valid_from    date NOT NULL,
    valid_to      date CHECK (valid_to > valid_from),
    source        text NOT NULL CHECK (source IN ('ARCEP', 'ADMIN', 'SYNTHETIC')),
    username      text,
    recorded_at   timestamptz NOT NULL DEFAULT now(),
    CHECK (kind <> 'PUBLIC' OR operator_code IS NULL),
    CHECK (kind <> 'PRIVATE_L3313' OR operator_code IS NOT NULL),
    CHECK (source <> 'ADMIN' OR username IS NOT NULL),
    EXCLUDE USING gist (insee WITH =, daterange(valid_from, valid_to) WITH &&)
);
CREATE INDEX commune_perimeter_insee_idx ON commune_perimeter (insee, valid_from);

-- The perimeter of every commune on a day: a commune without a row is public (the programme's
-- default, and the only answer before any Arcep import or synthetic marking).
CREATE FUNCTION thd_commune_perimeter(on_day date)
    RETURNS TABLE (insee text, kind text, operator_code text, valid_from date, source text)
    LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT c.insee, coalesce(p.kind, 'PUBLIC'), p.operator_code, p.valid_from, p.source
    FROM commune c
    LEFT JOIN commune_perimeter p ON p.insee = c.insee
        AND p.valid_from <= on_day AND (p.valid_to IS NULL OR p.valid_to > on_day)
$$;

-- The Arcep observatory ("Le marché du haut et très haut débit fixe (déploiements)"), as imported by
-- import-scripts/import-arcep.sh. Arcep publishes on the COG of its vintage: a row whose code has
-- since merged into a commune nouvelle is kept under its own code (arcep_code) and joined to the
-- current commune (insee), so that the published rows can be summed again exactly.
CREATE TABLE arcep_commune (
    arcep_code        text PRIMARY KEY CHECK (arcep_code ~ '^([0-9]{2}|2A|2B)[0-9]{3}$'),
    insee             text NOT NULL REFERENCES commune (insee),
    vintage           text NOT NULL CHECK (vintage ~ '^20[0-9]{2}T[1-4]$'),
    name              text NOT NULL,
    department_code   text NOT NULL,
    epci_siren        text CHECK (epci_siren ~ '^[0-9]{9}$'),
    logements         integer NOT NULL CHECK (logements >= 0),
    etablissements    integer NOT NULL CHECK (etablissements >= 0),
    very_dense        boolean NOT NULL,
    l3313_operator    text CHECK (l3313_operator ~ '^[A-Z0-9]{4}$'),
    private_intention text,
    rural             boolean NOT NULL,
    mountain          boolean NOT NULL,
    building_operator text  -- "OI": THDB is the public network (Mégalis Bretagne Très Haut Débit)
);
CREATE INDEX arcep_commune_insee_idx ON arcep_commune (insee);

CREATE TABLE arcep_epci (
    siren          text PRIMARY KEY CHECK (siren ~ '^[0-9]{9}$'),
    vintage        text NOT NULL,
    name           text NOT NULL,
    logements      integer NOT NULL CHECK (logements >= 0),
    etablissements integer NOT NULL CHECK (etablissements >= 0)
);

-- Connectable premises ("locaux raccordables") and coverage class per quarter, at the three levels
-- Arcep publishes (commune: its arcep_code; EPCI: SIREN; department: code).
CREATE TABLE arcep_deployment (
    level          text NOT NULL CHECK (level IN ('COMMUNE', 'EPCI', 'DEPARTMENT')),
    code           text NOT NULL,
    quarter        text NOT NULL CHECK (quarter ~ '^20[0-9]{2}T[1-4]$'),
    connectable    integer NOT NULL CHECK (connectable >= 0),
    coverage_class smallint CHECK (coverage_class IN (0, 5, 10, 25, 50, 80)),
    PRIMARY KEY (level, code, quarter)
);
