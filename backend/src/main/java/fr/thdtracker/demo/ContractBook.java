package fr.thdtracker.demo;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Contractors and contracts of the demo: works contracts per department for Phase 1, the Phase 2
 * design-build contract (Axione + Bouygues Energies & Services), two design-build lots for Phase 3.
 */
final class ContractBook {

    private final JdbcClient jdbc;
    private final Map<String, Integer> contractors = new HashMap<>();
    private final Map<String, Integer> contracts = new HashMap<>();

    ContractBook(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    int contractFor(TrancheSpec tranche, String department) {
        return switch (tranche) {
            case P1T1 -> contract("BTHD-P1T1-" + department, "WORKS", department,
                    switch (department) {
                        case "22" -> "Sogetrel";
                        case "29" -> "Axians";
                        case "35" -> "Spie CityNetworks";
                        default -> "Eiffage Énergie Systèmes";
                    }, LocalDate.of(2014, 6, 1));
            case P1T2 -> contract("BTHD-P1T2-" + department, "WORKS", department,
                    switch (department) {
                        case "22" -> "Scopelec";
                        case "29" -> "Circet";
                        case "35" -> "Sogetrel";
                        default -> "Engie Ineo";
                    }, LocalDate.of(2016, 11, 1));
            case P2 -> contract("BTHD-P2-CR", "DESIGN_BUILD", "unique",
                    "Groupement Axione – Bouygues Energies & Services", LocalDate.of(2019, 3, 1));
            case P3 -> department.equals("22") || department.equals("29")
                    ? contract("BTHD-P3-L1", "DESIGN_BUILD", "1 (22, 29)", "Groupement Axione – Bouygues Energies & Services",
                    LocalDate.of(2020, 10, 1))
                    : contract("BTHD-P3-L2", "DESIGN_BUILD", "2 (35, 56)", "Groupement Sogetrel – Circet",
                    LocalDate.of(2020, 10, 1));
        };
    }

    private int contract(String reference, String kind, String lot, String contractor, LocalDate signedOn) {
        Integer existing = contracts.get(reference);
        if (existing != null) {
            return existing;
        }
        int contractorId = contractors.computeIfAbsent(contractor, name -> jdbc.sql(
                        "INSERT INTO contractor (name) VALUES (:n) RETURNING id").param("n", name)
                .query(Integer.class).single());
        int id = jdbc.sql("""
                        INSERT INTO contract (reference, kind, contractor_id, lot, signed_on)
                        VALUES (:r, :k, :c, :l, :s) RETURNING id
                        """)
                .param("r", reference).param("k", kind).param("c", contractorId).param("l", lot).param("s", signedOn)
                .query(Integer.class).single();
        contracts.put(reference, id);
        return id;
    }
}
