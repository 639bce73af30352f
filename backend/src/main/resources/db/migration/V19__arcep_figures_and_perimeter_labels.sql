-- What the Arcep import and the readers of the perimeter share beyond V16 (issue 8): the import's
-- trace, the names of the Arcep operator codes, the perimeter's French label, Arcep's coverage
-- classes, and the observatory's figures per current commune (tiles, OGC API, the perimeter API).

-- The Arcep import (import-scripts/import-arcep.sh) records its batch like the territory import.
ALTER TABLE import_batch DROP CONSTRAINT import_batch_kind_check;
ALTER TABLE import_batch ADD CONSTRAINT import_batch_kind_check
    CHECK (kind IN ('DEMO', 'IPE', 'GRACETHD', 'SPREADSHEET', 'TERRITORY', 'ARCEP'));

-- The name of an Arcep operator code as the observatory writes it, one code or several joined by
-- '-' (FREE-FRTE-SFR0 → "Free, Orange, SFR"): the operator table's name when it knows the code,
-- else the usual national operators, else the code itself.
CREATE FUNCTION thd_operator_name(code text) RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT string_agg(coalesce(
               (SELECT o.name FROM operator o WHERE o.arcep_code = part),
               CASE part
                   WHEN 'FRTE' THEN 'Orange'
                   WHEN 'SFR0' THEN 'SFR'
                   WHEN 'FREE' THEN 'Free'
                   WHEN 'BOUY' THEN 'Bouygues Telecom'
                   WHEN 'THDB' THEN 'Bretagne Très Haut Débit'
               END,
               part), ', ' ORDER BY n)
    FROM unnest(string_to_array(code, '-')) WITH ORDINALITY AS p(part, n)
$$;

-- The perimeter in words, as the public pages say it ("zone d'initiative privée — Orange").
CREATE FUNCTION thd_perimeter_label(kind text, operator_code text) RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT CASE kind
        WHEN 'PUBLIC' THEN 'réseau d''initiative publique'
        WHEN 'PRIVATE_L3313' THEN 'zone d''initiative privée' || coalesce(' — ' || thd_operator_name(operator_code), '')
        WHEN 'PRIVATE_INTENTION' THEN 'intention d''investissement privé' || coalesce(' — ' || thd_operator_name(operator_code), '')
        WHEN 'VERY_DENSE' THEN 'zone très dense'
    END
$$;

-- Arcep's coverage class of connectable premises over logements + établissements: 0 when none is
-- connectable, else the lower bound of the class (5 stands for "more than 0, less than 10 %").
-- Checked against every class the 2018 T1 observatory publishes per commune (ArcepImportScriptTest).
CREATE FUNCTION thd_arcep_coverage_class(connectable bigint, premises bigint) RETURNS smallint
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CAST(CASE
        WHEN connectable = 0 THEN 0
        WHEN premises IS NULL OR premises <= 0 THEN NULL
        WHEN connectable >= 0.80 * premises THEN 80
        WHEN connectable >= 0.50 * premises THEN 50
        WHEN connectable >= 0.25 * premises THEN 25
        WHEN connectable >= 0.10 * premises THEN 10
        ELSE 5
    END AS smallint)
$$;

-- Connectable premises of a current commune per quarter: the sum of its observatory rows (a
-- commune nouvelle has one per 2018 commune); the class is the published one for a commune of
-- one row, else computed from the sums by Arcep's rule (coverage_class_published false).
CREATE VIEW arcep_commune_quarter AS
SELECT a.insee, d.quarter, CAST(sum(d.connectable) AS integer) AS connectable,
       CASE WHEN count(*) = 1 THEN min(d.coverage_class)
            ELSE thd_arcep_coverage_class(sum(d.connectable), sum(a.logements + a.etablissements)) END AS coverage_class,
       count(*) = 1 AS coverage_class_published
FROM arcep_commune a
JOIN arcep_deployment d ON d.level = 'COMMUNE' AND d.code = a.arcep_code
GROUP BY a.insee, d.quarter;

-- The observatory per current commune: its 2018 codes, logements, établissements, and the latest
-- quarter (connectable, class) with every quarter as a JSON object {"2018T1": 123, …}.
CREATE VIEW arcep_commune_figures AS
SELECT f.insee, f.vintage, f.arcep_codes, f.logements, f.etablissements,
       q.quarter AS latest_quarter, q.connectable, q.coverage_class, q.coverage_class_published,
       (SELECT jsonb_object_agg(a.quarter, a.connectable ORDER BY a.quarter)
        FROM arcep_commune_quarter a WHERE a.insee = f.insee) AS connectable_by_quarter
FROM (SELECT insee, min(vintage) AS vintage, array_agg(arcep_code ORDER BY arcep_code) AS arcep_codes,
             CAST(sum(logements) AS integer) AS logements, CAST(sum(etablissements) AS integer) AS etablissements
      FROM arcep_commune GROUP BY insee) f
LEFT JOIN LATERAL (SELECT * FROM arcep_commune_quarter x WHERE x.insee = f.insee
                   ORDER BY x.quarter DESC LIMIT 1) q ON true;
