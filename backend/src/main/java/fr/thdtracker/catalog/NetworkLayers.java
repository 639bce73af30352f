package fr.thdtracker.catalog;

import static fr.thdtracker.catalog.Attribute.everywhere;
import static fr.thdtracker.catalog.Attribute.in;
import static fr.thdtracker.catalog.Output.OGC;
import static fr.thdtracker.catalog.Output.TILES;

/** The copper network (exchanges, upgrade cabinets) and the RUHD research network. */
final class NetworkLayers {

    private NetworkLayers() {
    }

    /**
     * Every exchange in tiles, with its upgrade operation if any (the map colours cabinets by it);
     * the OGC collection is the exchanges that serve SRs (NRA, NRA-HD, NRA-ZO), MED cabinets being
     * their own collection.
     */
    static final Layer EXCHANGES = Layer.named("exchanges")
            .titles("Centraux téléphoniques (NRA)", "Telephone exchanges")
            .description("NRA, NRA-HD et NRA-ZO du réseau cuivre, avec l'ouverture du VDSL2 et de la collecte en fibre")
            .from("exchange t")
            .attributes(
                    everywhere("code", "t.code"),
                    everywhere("name", "t.name"),
                    everywhere("type", "t.type"),
                    in("operationStatus", "o.status", TILES).joining("LEFT JOIN upgrade_operation o ON o.cabinet_id = t.id"),
                    in("lot", "o.lot::int", TILES).joining("LEFT JOIN upgrade_operation o ON o.cabinet_id = t.id"),
                    everywhere("vdsl2", "t.vdsl2"),
                    everywhere("vdsl2From", "t.vdsl2_from"),
                    in("insee", "t.insee", OGC),
                    in("backhaul", "t.backhaul", OGC),
                    everywhere("fibreBackhaulFrom", "t.fibre_backhaul_from"))
            .filter(RowFilter.in("t.type IN ('NRA', 'NRA_HD', 'NRA_ZO')", OGC))
            .tiles(ZoomRules.points())
            .only(TILES, OGC)
            .build();

    static final Layer CABINETS = Layer.named("cabinets")
            .titles("Opérations cuivre : armoires NRA-MED, NRA-ZO opticalisés", "Copper upgrades: MED cabinets, NRA-ZO given fibre")
            .description("Armoires de montée en débit placées aux sous-répartiteurs et NRA-ZO raccordés en fibre, "
                    + "avec leur opération (lot, statut, mise en service)")
            .from("""
                    exchange t JOIN upgrade_operation o ON o.cabinet_id = t.id
                    JOIN sub_distributor sr ON sr.id = o.sub_distributor_id""")
            .attributes(
                    everywhere("code", "t.code"), everywhere("name", "t.name"), everywhere("type", "t.type"),
                    everywhere("insee", "t.insee"), everywhere("vdsl2", "t.vdsl2"), everywhere("vdsl2From", "t.vdsl2_from"),
                    everywhere("backhaul", "t.backhaul"), everywhere("fibreBackhaulFrom", "t.fibre_backhaul_from"),
                    everywhere("operation", "o.code"), everywhere("programme", "o.programme"), everywhere("lot", "o.lot"),
                    everywhere("status", "o.status"), everywhere("commissionedOn", "o.commissioned_on"),
                    everywhere("linesConcerned", "o.lines_concerned"), everywhere("subDistributor", "sr.code"))
            .datetime("o.commissioned_on", "commissioning date")
            .only(OGC)
            .build();

    /**
     * Links and sites in one tile layer, told apart by {@code kind}: a union in the source, whose
     * branches each keep their own spatial index (the planner pushes the envelope into both).
     */
    static final Layer RUHD = Layer.named("ruhd")
            .titles("Réseau RUHD", "RUHD network")
            .description("Liens et sites du réseau régional ultra haut débit")
            .from("""
                    (SELECT 'link' AS kind, l.code, NULL AS name, l.status, l.capacity_gbps, NULL AS site_kind, l.geom
                     FROM ruhd_link l
                     UNION ALL
                     SELECT 'site', s.code, s.name, NULL, NULL, s.kind, s.geom
                     FROM ruhd_site s) t""")
            .featureId("t.kind || '-' || t.code", "t.kind, t.code")
            .attributes(
                    everywhere("kind", "t.kind"),
                    everywhere("code", "t.code"),
                    everywhere("name", "t.name"),
                    everywhere("status", "t.status"),
                    everywhere("capacityGbps", "t.capacity_gbps"),
                    everywhere("siteKind", "t.site_kind"))
            .tiles(ZoomRules.points())
            .only(TILES)
            .build();

    static final Layer RUHD_SITES = Layer.named("ruhd-sites")
            .titles("Sites du réseau RUHD", "RUHD sites")
            .description("Sites universitaires et de recherche, points de présence")
            .from("ruhd_site t")
            .attributes(
                    everywhere("code", "t.code"), everywhere("name", "t.name"), everywhere("kind", "t.kind"),
                    everywhere("insee", "t.insee"))
            .only(OGC)
            .build();

    static final Layer RUHD_LINKS = Layer.named("ruhd-links")
            .titles("Liens du réseau RUHD", "RUHD links")
            .description("Liens du réseau régional ultra haut débit et leurs baux")
            .from("ruhd_link t JOIN ruhd_site sa ON sa.id = t.site_a_id JOIN ruhd_site sb ON sb.id = t.site_b_id")
            .attributes(
                    everywhere("code", "t.code"), everywhere("status", "t.status"),
                    everywhere("capacityGbps", "t.capacity_gbps"), everywhere("contractType", "t.contract_type"),
                    everywhere("commissionedOn", "t.commissioned_on"),
                    everywhere("siteA", "sa.code"), everywhere("siteB", "sb.code"),
                    everywhere("leases", "(SELECT count(*) FROM ruhd_lease r WHERE r.link_id = t.id)"))
            .datetime("t.commissioned_on", "commissioning date")
            .only(OGC)
            .build();
}
