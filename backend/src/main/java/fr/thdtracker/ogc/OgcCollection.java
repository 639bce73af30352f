package fr.thdtracker.ogc;

import java.util.Arrays;
import java.util.Optional;

/**
 * The feature collections of the OGC API, in one place: each is a SELECT giving {@code id},
 * {@code geom} (Lambert-93), {@code props} (jsonb) and {@code dt} (the date a {@code datetime}
 * filter applies to, or NULL where no date means anything).
 */
enum OgcCollection {
    ZONES("zones", "Zones de déploiement", "Zones de déploiement (zones arrière de NRO) par phase et tranche", """
            SELECT z.id::text AS id, z.id AS sort_key, z.geom,
                   jsonb_build_object('code', z.code, 'name', z.name, 'tranche', t.code, 'phase', p.code,
                       'studyStatus', z.study_status, 'contractor', ct.name, 'plannedStart', z.planned_start_date,
                       'plannedEnd', z.planned_end_date, 'actualStart', z.actual_start_date,
                       'actualEnd', z.actual_end_date) AS props,
                   z.planned_end_date AS dt
            FROM deployment_zone z JOIN tranche t ON t.id = z.tranche_id JOIN phase p ON p.id = t.phase_id
            LEFT JOIN contract c ON c.id = z.contract_id LEFT JOIN contractor ct ON ct.id = c.contractor_id
            """, "planned end of works"),
    COMMUNES("communes", "Communes", "Communes du territoire (population, logements)", """
            SELECT c.insee AS id, c.insee AS sort_key, c.geom,
                   jsonb_build_object('insee', c.insee, 'name', c.name, 'department', c.department_code,
                       'epci', c.epci_siren, 'population', c.population, 'dwellings', c.dwellings) AS props,
                   NULL::date AS dt
            FROM commune c
            """, null),
    EXCHANGES("exchanges", "Centraux téléphoniques (NRA)", "NRA et NRA-HD du réseau cuivre", """
            SELECT e.id::text AS id, e.id AS sort_key, e.geom,
                   jsonb_build_object('code', e.code, 'name', e.name, 'type', e.type, 'insee', e.insee,
                       'vdsl2', e.vdsl2, 'backhaul', e.backhaul) AS props,
                   NULL::date AS dt
            FROM exchange e WHERE e.type IN ('NRA', 'NRA_HD')
            """, null),
    CABINETS("cabinets", "Armoires de montée en débit (NRA-MED, NRA-ZO)",
            "Armoires placées aux sous-répartiteurs, avec leur opération (lot, statut, mise en service)", """
            SELECT e.id::text AS id, e.id AS sort_key, e.geom,
                   jsonb_build_object('code', e.code, 'name', e.name, 'type', e.type, 'insee', e.insee,
                       'vdsl2', e.vdsl2, 'backhaul', e.backhaul, 'operation', o.code, 'programme', o.programme,
                       'lot', o.lot, 'status', o.status, 'commissionedOn', o.commissioned_on,
                       'linesConcerned', o.lines_concerned, 'subDistributor', sr.code) AS props,
                   o.commissioned_on AS dt
            FROM exchange e JOIN upgrade_operation o ON o.cabinet_id = e.id
            JOIN sub_distributor sr ON sr.id = o.sub_distributor_id
            """, "commissioning date"),
    RUHD_SITES("ruhd-sites", "Sites du réseau RUHD", "Sites universitaires et de recherche, points de présence", """
            SELECT s.id::text AS id, s.id AS sort_key, s.geom,
                   jsonb_build_object('code', s.code, 'name', s.name, 'kind', s.kind, 'insee', s.insee) AS props,
                   NULL::date AS dt
            FROM ruhd_site s
            """, null),
    RUHD_LINKS("ruhd-links", "Liens du réseau RUHD", "Liens du réseau régional ultra haut débit et leurs baux", """
            SELECT l.id::text AS id, l.id AS sort_key, l.geom,
                   jsonb_build_object('code', l.code, 'status', l.status, 'capacityGbps', l.capacity_gbps,
                       'contractType', l.contract_type, 'commissionedOn', l.commissioned_on,
                       'siteA', a.code, 'siteB', b.code,
                       'leases', (SELECT count(*) FROM ruhd_lease r WHERE r.link_id = l.id)) AS props,
                   l.commissioned_on AS dt
            FROM ruhd_link l JOIN ruhd_site a ON a.id = l.site_a_id JOIN ruhd_site b ON b.id = l.site_b_id
            """, "commissioning date"),
    PREMISES("premises", "Locaux (lignes)", "Locaux raccordables du programme avec leur état IPE (paginé)", """
            SELECT p.id::text AS id, p.id AS sort_key, p.geom,
                   jsonb_build_object('code', p.code, 'insee', p.insee, 'streetNumber', p.street_number,
                       'streetSuffix', p.street_suffix, 'streetName', p.street_name, 'complement', p.complement,
                       'buildingType', p.building_type, 'dwellings', p.dwellings, 'state', p.state,
                       'cablingDate', p.cabling_date, 'commercialOpeningDate', p.commercial_opening_date) AS props,
                   p.cabling_date AS dt
            FROM premise p
            """, "cabling date");

    final String id;
    final String title;
    final String description;
    final String select;
    /** What datetime filters on, or null when the collection has no meaningful date. */
    final String datetimeMeaning;

    OgcCollection(String id, String title, String description, String select, String datetimeMeaning) {
        this.id = id;
        this.title = title;
        this.description = description;
        this.select = select;
        this.datetimeMeaning = datetimeMeaning;
    }

    static Optional<OgcCollection> byId(String id) {
        return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst();
    }
}
