package fr.thdtracker.perimeter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.thdtracker.DemoDatabaseTest;
import fr.thdtracker.security.Role;

/**
 * The perimeter and observatory routes over real HTTP on the demo database, whose synthetic
 * territory has no observatory: first as it is (the perimeter from commune_perimeter, the figures
 * said to be absent), then with a small observatory written for two of its communes — one of them
 * a commune nouvelle of two rows — and removed afterwards; and the ADMIN's dated change (roles,
 * audit, conflicts, bad input, nothing half-written). The real 2018 T1 figures are checked by
 * ArcepImportScriptTest.
 */
class PerimeterApiTest extends DemoDatabaseTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    /** Two communes with premises in one EPCI: A gets two observatory rows, B one and a private perimeter. */
    private String a;
    private String b;
    private String epci;
    private String department;
    /** A code no commune has, standing for a 2018 commune merged into A since. */
    private String merged;

    @BeforeEach
    void pickCommunes() {
        List<String> two = jdbc.sql("""
                SELECT c.insee FROM commune c
                WHERE c.epci_siren = (SELECT c2.epci_siren FROM commune c2
                                      WHERE c2.epci_siren IS NOT NULL AND EXISTS (SELECT 1 FROM building p WHERE p.insee = c2.insee)
                                      GROUP BY c2.epci_siren HAVING count(*) >= 2
                                         -- an EPCI of public communes only (the demo's own private towns aside)
                                         AND NOT bool_or(EXISTS (SELECT 1 FROM commune_perimeter cp WHERE cp.insee = c2.insee))
                                      ORDER BY c2.epci_siren LIMIT 1)
                  AND EXISTS (SELECT 1 FROM building p WHERE p.insee = c.insee)
                ORDER BY c.insee LIMIT 2""").query(String.class).list();
        assertThat(two).hasSize(2);
        a = two.get(0);
        b = two.get(1);
        epci = jdbc.sql("SELECT epci_siren FROM commune WHERE insee = :a").param("a", a).query(String.class).single();
        department = jdbc.sql("SELECT department_code FROM commune WHERE insee = :a").param("a", a).query(String.class).single();
        merged = jdbc.sql("SELECT min(x) FROM (SELECT :d || lpad(n::text, 3, '0') AS x FROM generate_series(999, 900, -1) n) s"
                        + " WHERE NOT EXISTS (SELECT 1 FROM commune c WHERE c.insee = s.x)")
                .param("d", department).query(String.class).single();
    }

    @AfterEach
    void removeTheObservatoryAndThePerimeterRows() {
        owner.jdbc().sql("DELETE FROM arcep_deployment WHERE code IN (:codes)")
                .param("codes", List.of(a, b, merged, epci, department)).update();
        owner.jdbc().sql("DELETE FROM arcep_commune WHERE insee IN (:a, :b)").param("a", a).param("b", b).update();
        owner.jdbc().sql("DELETE FROM arcep_epci WHERE siren = :e").param("e", epci).update();
        owner.jdbc().sql("DELETE FROM commune_perimeter WHERE insee IN (:a, :b)").param("a", a).param("b", b).update();
        owner.jdbc().sql("DELETE FROM dataset_info WHERE key = 'arcep.source'").update();
    }

    /** A small observatory: A = its own row + the merged one, B one row; B is an Orange engagement from 2011-01-31. */
    private void writeObservatory() {
        var sql = owner.jdbc();
        String insert = """
                INSERT INTO arcep_commune (arcep_code, insee, vintage, name, department_code, epci_siren, logements,
                    etablissements, very_dense, l3313_operator, private_intention, rural, mountain, building_operator)
                VALUES (:code, :insee, '2018T1', :name, :dep, :epci, :log, :etab, false, :l3313, NULL, true, false, :oi)""";
        sql.sql(insert).param("code", a).param("insee", a).param("name", "Partie A").param("dep", department)
                .param("epci", epci).param("log", 600).param("etab", 40).param("l3313", null).param("oi", "THDB").update();
        sql.sql(insert).param("code", merged).param("insee", a).param("name", "Ancienne commune").param("dep", department)
                .param("epci", epci).param("log", 300).param("etab", 60).param("l3313", null).param("oi", null).update();
        sql.sql(insert).param("code", b).param("insee", b).param("name", "Partie B").param("dep", department)
                .param("epci", epci).param("log", 1000).param("etab", 0).param("l3313", "FRTE").param("oi", "FRTE").update();
        String deployment = "INSERT INTO arcep_deployment (level, code, quarter, connectable, coverage_class)"
                + " VALUES (:level, :code, :q, :n, :cls)";
        Object[][] rows = {
                // A's own row: 100 then 300 of 640; the merged row: 0 then 200 of 360 — A: 500 of 1,000 in 2018T1
                {"COMMUNE", a, "2017T4", 100, 10}, {"COMMUNE", a, "2018T1", 300, 25},
                {"COMMUNE", merged, "2017T4", 0, 0}, {"COMMUNE", merged, "2018T1", 200, 50},
                // B publishes class 10 where the rule would say 25: a single row keeps what Arcep published
                {"COMMUNE", b, "2017T4", 0, 0}, {"COMMUNE", b, "2018T1", 250, 10},
                {"EPCI", epci, "2017T4", 111, 5}, {"EPCI", epci, "2018T1", 777, 25},
                {"DEPARTMENT", department, "2017T4", 1234, 5}, {"DEPARTMENT", department, "2018T1", 5678, 10}};
        for (Object[] r : rows) {
            sql.sql(deployment).param("level", r[0]).param("code", r[1]).param("q", r[2]).param("n", r[3])
                    .param("cls", r[4]).update();
        }
        sql.sql("INSERT INTO arcep_epci (siren, vintage, name, logements, etablissements) VALUES (:e, '2018T1', 'EPCI', 2000, 150)")
                .param("e", epci).update();
        sql.sql("INSERT INTO commune_perimeter (insee, kind, operator_code, valid_from, source)"
                + " VALUES (:b, 'PRIVATE_L3313', 'FRTE', '2011-01-31', 'ARCEP')").param("b", b).update();
        sql.sql("INSERT INTO dataset_info (key, value) VALUES ('arcep.source', 'Arcep – test, T1 2018 (Arcep, Licence Ouverte)')")
                .update();
    }

    private HttpResponse<String> send(String method, String path, Role role, String body) {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Cookie", "XSRF-TOKEN=perimeter-test").header("X-XSRF-TOKEN", "perimeter-test");
        if (body != null) {
            r.header("Content-Type", "application/json");
        }
        if (role != null) {
            String user = "t-" + role.name().toLowerCase() + ":" + PASSWORD;
            r.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8)));
        }
        try {
            return CLIENT.send(r.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonNode json(HttpResponse<String> r, int status) throws IOException {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        return JSON.readTree(r.body());
    }

    private JsonNode get(String path) throws IOException {
        return json(send("GET", path, null, null), 200);
    }

    @Test
    void withoutTheObservatoryThePerimeterIsAnsweredAndTheFiguresSaidAbsent() throws IOException {
        JsonNode commune = get("/api/perimeter/communes/" + a);
        assertThat(commune.path("perimeter").path("kind").asText()).isEqualTo("PUBLIC");
        assertThat(commune.path("perimeter").path("label").asText()).isEqualTo("réseau d'initiative publique");
        assertThat(commune.path("perimeter").path("source").isNull()).isTrue();
        assertThat(commune.path("publicProgramme").asBoolean()).isTrue();
        assertThat(commune.has("observatory")).isFalse();
        assertThat(commune.path("notice").asText()).contains("n'est pas importé");

        JsonNode group = get("/api/perimeter/epci/" + epci);
        assertThat(group.has("summed")).isFalse();
        assertThat(group.path("notice").asText()).contains("n'est pas importé");
        long communes = count("SELECT count(*) FROM commune WHERE epci_siren = '" + epci + "'");
        assertThat(group.path("perimeters")).hasSize(1);
        assertThat(group.path("perimeters").get(0).path("communes").asLong()).isEqualTo(communes);
        assertThat(group.path("perimeters").get(0).path("premises").isNull()).isTrue();
    }

    @Test
    void theFiguresAreSummedPerCommuneEpciAndDepartmentBesideWhatArcepPublished() throws IOException {
        writeObservatory();
        JsonNode commune = get("/api/perimeter/communes/" + a);
        JsonNode obs = commune.path("observatory");
        assertThat(obs.path("logements").asInt()).isEqualTo(900);
        assertThat(obs.path("etablissements").asInt()).isEqualTo(100);
        assertThat(obs.path("parts")).hasSize(2);
        // 500 connectable of 1,000 logements + établissements: class 50 by Arcep's rule, computed (two rows)
        assertThat(obs.path("latest").path("quarter").asText()).isEqualTo("2018T1");
        assertThat(obs.path("latest").path("connectable").asLong()).isEqualTo(500);
        assertThat(obs.path("latest").path("coverageClass").asInt()).isEqualTo(50);
        assertThat(obs.path("latest").path("coverageClassPublished").asBoolean()).isFalse();
        assertThat(obs.path("quarters").get(0).path("connectable").asLong()).isEqualTo(100);
        assertThat(commune.path("credit").asText()).contains("Arcep").contains("Licence Ouverte");
        assertThat(commune.has("notice")).isFalse();

        JsonNode other = get("/api/perimeter/communes/" + b);
        assertThat(other.path("perimeter").path("label").asText()).isEqualTo("zone d'initiative privée — Orange");
        assertThat(other.path("perimeter").path("operatorName").asText()).isEqualTo("Orange");
        assertThat(other.path("publicProgramme").asBoolean()).isFalse();
        assertThat(other.path("perimeterHistory")).hasSize(1);
        assertThat(other.path("perimeterHistory").get(0).has("username")).isFalse();
        // one row: the class Arcep published, even where the rule would give another
        assertThat(other.path("observatory").path("latest").path("coverageClass").asInt()).isEqualTo(10);
        assertThat(other.path("observatory").path("latest").path("coverageClassPublished").asBoolean()).isTrue();
        // before the perimeter's date, the commune was public
        JsonNode before = get("/api/perimeter/communes/" + b + "?asOf=2010-06-01");
        assertThat(before.path("perimeter").path("kind").asText()).isEqualTo("PUBLIC");

        JsonNode group = get("/api/perimeter/epci/" + epci);
        // summed over the three rows: 1,900 logements, 100 établissements, 750 connectable of 2,000 → 25
        assertThat(group.path("summed").path("logements").asLong()).isEqualTo(1900);
        assertThat(group.path("summed").path("etablissements").asLong()).isEqualTo(100);
        JsonNode last = group.path("summed").path("quarters").get(1);
        assertThat(last.path("quarter").asText()).isEqualTo("2018T1");
        assertThat(last.path("connectable").asLong()).isEqualTo(750);
        assertThat(last.path("coverageClass").asInt()).isEqualTo(25);
        assertThat(group.path("published").path("logements").asLong()).isEqualTo(2000);
        assertThat(group.path("published").path("quarters").get(1).path("connectable").asLong()).isEqualTo(777);
        JsonNode privateShare = null;
        for (JsonNode share : group.path("perimeters")) {
            if (share.path("kind").asText().equals("PRIVATE_L3313")) {
                privateShare = share;
            }
        }
        assertThat(privateShare).isNotNull();
        assertThat(privateShare.path("communes").asLong()).isEqualTo(1);
        assertThat(privateShare.path("premises").asLong()).isEqualTo(1000);

        JsonNode dep = get("/api/perimeter/departments/" + department);
        assertThat(dep.path("published").path("logements").isNull()).isTrue();
        assertThat(dep.path("published").path("quarters").get(1).path("connectable").asLong()).isEqualTo(5678);
        assertThat(dep.path("summed").path("quarters").get(1).path("connectable").asLong()).isEqualTo(750);
    }

    @Test
    void theLookupAndTheCommuneAreasSayWhenACommuneIsOutsideThePublicProgramme() throws IOException {
        writeObservatory();
        long premise = count("SELECT min(id) FROM building WHERE insee = '" + b + "'");
        JsonNode answer = get("/api/eligibility/buildings/" + premise);
        JsonNode perimeter = answer.path("commune").path("perimeter");
        assertThat(perimeter.path("kind").asText()).isEqualTo("PRIVATE_L3313");
        assertThat(perimeter.path("label").asText()).isEqualTo("zone d'initiative privée — Orange");
        assertThat(perimeter.path("publicProgramme").asBoolean()).isFalse();
        long elsewhere = count("SELECT min(id) FROM building WHERE insee = '" + a + "'");
        assertThat(get("/api/eligibility/buildings/" + elsewhere).path("commune").path("perimeter")
                .path("publicProgramme").asBoolean()).isTrue();

        JsonNode areas = get("/api/eligibility/areas?level=commune");
        boolean seen = false;
        for (JsonNode area : areas.path("areas")) {
            if (area.path("code").asText().equals(b)) {
                assertThat(area.path("perimeter").path("publicProgramme").asBoolean()).isFalse();
                assertThat(area.path("perimeter").path("operatorName").asText()).isEqualTo("Orange");
                seen = true;
            } else {
                // every other commune as the demo marked it (its own private towns), public otherwise
                assertThat(area.path("perimeter").path("kind").asText()).as(area.path("code").asText())
                        .isEqualTo(jdbc.sql("SELECT kind FROM thd_commune_perimeter(current_date) WHERE insee = :i")
                                .param("i", area.path("code").asText()).query(String.class).single());
            }
        }
        assertThat(seen).isTrue();
        // other levels carry no perimeter
        assertThat(get("/api/eligibility/areas?level=department").path("areas").get(0).has("perimeter")).isFalse();

        // the OGC API communes collection: the perimeter and the observatory's figures
        JsonNode feature = get("/ogc/collections/communes/items/" + b);
        assertThat(feature.path("properties").path("perimeter").asText()).isEqualTo("PRIVATE_L3313");
        assertThat(feature.path("properties").path("perimeterLabel").asText()).isEqualTo("zone d'initiative privée — Orange");
        assertThat(feature.path("properties").path("logements").asInt()).isEqualTo(1000);
        assertThat(feature.path("properties").path("connectable").asInt()).isEqualTo(250);
        assertThat(feature.path("properties").path("connectableByQuarter").path("2017T4").asInt()).isZero();
        assertThat(get("/ogc/collections/communes/items/" + a).path("properties").path("coverageClass").asInt())
                .isEqualTo(50);
    }

    @Test
    void anAdministratorChangesAPerimeterFromADateAuditedAndOnlyThere() throws IOException {
        String path = "/api/admin/perimeter/communes/" + a;
        String orange = "{\"kind\":\"PRIVATE_L3313\",\"operatorCode\":\"FRTE\",\"validFrom\":\"2024-01-01\","
                + "\"reason\":\"engagement L. 33-13 repris\"}";
        assertThat(send("POST", path, null, orange).statusCode()).isEqualTo(401);
        assertThat(send("POST", path, Role.OPERATOR, orange).statusCode()).isEqualTo(403);
        assertThat(send("GET", path, Role.ENGINEER, null).statusCode()).isEqualTo(403);
        long audited = count("SELECT count(*) FROM audit_event WHERE action = 'perimetre.modification'");

        JsonNode created = json(send("POST", path, Role.ADMIN, orange), 201);
        assertThat(created.path("periods")).hasSize(1);
        JsonNode row = created.path("periods").get(0);
        assertThat(row.path("source").asText()).isEqualTo("ADMIN");
        assertThat(row.path("username").asText()).isEqualTo("t-admin");
        assertThat(row.path("validFrom").asText()).isEqualTo("2024-01-01");
        assertThat(row.path("validTo").isNull()).isTrue();
        assertThat(count("SELECT count(*) FROM audit_event WHERE action = 'perimetre.modification' AND actor = 't-admin'"
                + " AND target = '" + a + "' AND details LIKE 'PRIVATE_L3313 FRTE depuis le 2024-01-01%repris'"))
                .isEqualTo(1);
        assertThat(get("/api/perimeter/communes/" + a + "?asOf=2024-06-01").path("perimeter").path("label").asText())
                .isEqualTo("zone d'initiative privée — Orange");
        assertThat(get("/api/perimeter/communes/" + a + "?asOf=2023-12-31").path("perimeter").path("kind").asText())
                .isEqualTo("PUBLIC");

        // refused, and nothing written: overlaps, no change, bad input
        String before = jdbc.sql("SELECT string_agg(p::text, ';' ORDER BY id) FROM commune_perimeter p WHERE insee = :a")
                .param("a", a).query(String.class).single();
        String[][] refused = {
                {"{\"kind\":\"PUBLIC\",\"validFrom\":\"2023-06-01\"}", "409", "doit être datée après"},
                {"{\"kind\":\"PUBLIC\",\"validFrom\":\"2024-01-01\"}", "409", "doit être datée après"},
                {"{\"kind\":\"PRIVATE_L3313\",\"operatorCode\":\"FRTE\",\"validFrom\":\"2025-01-01\"}", "409", "rien à changer"},
                {"{\"kind\":\"PUBLIC\",\"operatorCode\":\"FRTE\",\"validFrom\":\"2025-01-01\"}", "400", "pas d'opérateur"},
                {"{\"kind\":\"PRIVATE_L3313\",\"validFrom\":\"2025-01-01\"}", "400", "obligatoire"},
                {"{\"kind\":\"PRIVATE_L3313\",\"operatorCode\":\"orange\",\"validFrom\":\"2025-01-01\"}", "400", "operatorCode"},
                {"{\"kind\":\"PRIVE\",\"validFrom\":\"2025-01-01\"}", "400", "kind doit valoir"},
                {"{\"kind\":\"PUBLIC\",\"validFrom\":\"2025-13-01\"}", "400", "AAAA-MM-JJ"},
                {"{\"kind\":\"PUBLIC\",\"validFrom\":\"2050-01-01\"}", "400", "comprise entre"},
                {"{\"kind\":\"PUBLIC\"}", "400", "validFrom"},
                {"{\"kind\":\"PUBLIC\",\"validFrom\":\"2025-01-01\",\"reason\":\"" + "x".repeat(501) + "\"}", "400", "reason"},
                {"{\"kind\":", "400", "illisible"}};
        for (String[] r : refused) {
            HttpResponse<String> answer = send("POST", path, Role.ADMIN, r[0]);
            assertThat(answer.statusCode()).as(r[0] + " → " + answer.body()).isEqualTo(Integer.parseInt(r[1]));
            assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(JSON.readTree(answer.body()).path("detail").asText()).as(r[0]).contains(r[2]);
        }
        assertThat(send("POST", "/api/admin/perimeter/communes/99999", Role.ADMIN, orange).statusCode()).isEqualTo(404);
        assertThat(send("POST", "/api/admin/perimeter/communes/1", Role.ADMIN, orange).statusCode()).isEqualTo(400);
        assertThat(jdbc.sql("SELECT string_agg(p::text, ';' ORDER BY id) FROM commune_perimeter p WHERE insee = :a")
                .param("a", a).query(String.class).single()).isEqualTo(before);
        assertThat(count("SELECT count(*) FROM audit_event WHERE action = 'perimetre.modification'")).isEqualTo(audited + 1);

        // handed back to the public network from 2025: the private period closes that day
        JsonNode back = json(send("POST", path, Role.ADMIN, "{\"kind\":\"PUBLIC\",\"validFrom\":\"2025-01-01\"}"), 201);
        assertThat(back.path("periods")).hasSize(2);
        assertThat(back.path("periods").get(0).path("validTo").asText()).isEqualTo("2025-01-01");
        assertThat(back.path("periods").get(1).path("kind").asText()).isEqualTo("PUBLIC");
        JsonNode history = json(send("GET", path, Role.ADMIN, null), 200);
        assertThat(history.path("periods")).hasSize(2);
        assertThat(get("/api/perimeter/communes/" + a + "?asOf=2024-12-31").path("perimeter").path("kind").asText())
                .isEqualTo("PRIVATE_L3313");
        assertThat(get("/api/perimeter/communes/" + a).path("perimeterHistory").get(0).has("username")).isFalse();
    }

    @Test
    void badCodesAndUnknownPlacesGetProblems() {
        for (String[] r : new String[][]{{"/api/perimeter/communes/1", "400"}, {"/api/perimeter/communes/99999", "404"},
                {"/api/perimeter/epci/12", "400"}, {"/api/perimeter/epci/999999999", "404"},
                {"/api/perimeter/departments/7", "400"}, {"/api/perimeter/departments/2A", "404"},
                {"/api/perimeter/communes/" + "22001" + "?asOf=2011-02-30", "400"}}) {
            HttpResponse<String> answer = send("GET", r[0], null, null);
            assertThat(answer.statusCode()).as(r[0] + " " + answer.body()).isEqualTo(Integer.parseInt(r[1]));
            assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        }
    }
}
