package fr.thdtracker.eligibility;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Finding a building: streets by trigram similarity (address_index), a number on a street, or a point. */
@Repository
class PremiseSearchRepository {

    private final JdbcClient jdbc;

    PremiseSearchRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record StreetMatch(String insee, String streetName, String commune, double score) {
    }

    /** Streets nearest the text (street and commune words), over the whole territory. */
    List<StreetMatch> streets(String normalizedText, int limit) {
        return jdbc.sql("""
                        SELECT a.insee, a.street_name, c.name AS commune, similarity(a.search_key, :t) AS score
                        FROM address_index a JOIN commune c USING (insee)
                        ORDER BY a.search_key <-> :t, a.insee, a.street_name
                        LIMIT :limit
                        """).param("t", normalizedText).param("limit", limit)
                .query((rs, i) -> new StreetMatch(rs.getString("insee"), rs.getString("street_name"),
                        rs.getString("commune"), rs.getDouble("score")))
                .list();
    }

    /** Streets of one commune nearest the street words of the query. */
    List<StreetMatch> streetsInCommune(String normalizedStreet, String insee, int limit) {
        return jdbc.sql("""
                        SELECT a.insee, a.street_name, c.name AS commune, similarity(a.street_key, :t) AS score
                        FROM address_index a JOIN commune c USING (insee)
                        WHERE a.insee = :insee
                        ORDER BY a.street_key <-> :t, a.street_name
                        LIMIT :limit
                        """).param("t", normalizedStreet).param("insee", insee).param("limit", limit)
                .query((rs, i) -> new StreetMatch(rs.getString("insee"), rs.getString("street_name"),
                        rs.getString("commune"), rs.getDouble("score")))
                .list();
    }

    /** The building at that number of the street (nearest number when absent). */
    Optional<Long> buildingOnStreet(String insee, String street, Integer number, String suffix) {
        return jdbc.sql("""
                        SELECT id FROM building WHERE insee = :insee AND street_name = :street
                        ORDER BY abs(coalesce(street_number, 0) - :n), (street_suffix IS DISTINCT FROM :suffix), id
                        LIMIT 1
                        """).param("insee", insee).param("street", street)
                .param("n", number == null ? 0 : number).param("suffix", suffix)
                .query(Long.class).optional();
    }

    /** A number of a street: its suffix, the commune's name and the building at that address. */
    record StreetNumber(int number, String suffix, String commune, long buildingId) {
    }

    /** The numbers of one street, in the order of the street (12, 12 bis, 12 ter, 14…). */
    List<StreetNumber> numbersOnStreet(String insee, String street, int limit) {
        return jdbc.sql("""
                        SELECT b.street_number, b.street_suffix, c.name AS commune, min(b.id) AS building_id
                        FROM building b JOIN commune c USING (insee)
                        WHERE b.insee = :insee AND b.street_name = :street AND b.street_number IS NOT NULL
                        GROUP BY b.street_number, b.street_suffix, c.name
                        ORDER BY b.street_number, array_position(ARRAY['bis', 'ter', 'quater'], b.street_suffix) NULLS FIRST
                        LIMIT :limit
                        """).param("insee", insee).param("street", street).param("limit", limit)
                .query((rs, i) -> new StreetNumber(rs.getInt("street_number"), rs.getString("street_suffix"),
                        rs.getString("commune"), rs.getLong("building_id")))
                .list();
    }

    boolean streetExists(String insee, String street) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM address_index WHERE insee = :insee AND street_name = :street)")
                .param("insee", insee).param("street", street).query(Boolean.class).single();
    }

    Optional<Long> nearestBuilding(double lon, double lat, double maxMetres) {
        return jdbc.sql("""
                        WITH q AS (SELECT ST_Transform(ST_SetSRID(ST_MakePoint(:lon, :lat), 4326), 2154) AS g)
                        SELECT b.id FROM building b, q WHERE ST_DWithin(b.geom, q.g, :max)
                        ORDER BY b.geom <-> q.g, b.id LIMIT 1
                        """).param("lon", lon).param("lat", lat).param("max", maxMetres)
                .query(Long.class).optional();
    }

    /** Communes by normalised name (homonyms: the first by INSEE code). */
    Map<String, String[]> communesByName() {
        // normalised the same way as the queries they are looked for in; value {insee, name}
        Map<String, String[]> byName = new HashMap<>();
        jdbc.sql("SELECT insee, name FROM commune ORDER BY insee").query(rs -> {
            byName.putIfAbsent(AddressNormalizer.normalize(rs.getString(2)), new String[]{rs.getString(1), rs.getString(2)});
        });
        return byName;
    }
}
