package fr.thdtracker.demo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.apache.commons.csv.CSVRecord;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;

import fr.thdtracker.common.GeometryCodec;

/**
 * A plausible four-department Brittany for when no real communes were imported: Voronoi communes
 * inside a coarse outline, the main towns at their real places with their real populations, the
 * other communes with Breton-sounding names and a log-normal population.
 */
final class SyntheticTerritory {

    static final String SOURCE = "Territoire synthétique de démonstration (généré)";
    private static final int COMMUNES = 1200;
    private static final int EPCI_PER_DEPARTMENT = 15;
    /** Dwellings per inhabitant in Brittany (Arcep 2018 "Logements" 1,859,807 / INSEE population). */
    static final double DWELLINGS_PER_INHABITANT = 0.54;
    private static final Map<String, String> DEPARTMENTS = new LinkedHashMap<>();
    /** The private towns: this many largest towns and their agglomerations, up to this share of inhabitants. */
    static final int PRIVATE_TOWNS = 8;
    static final double PRIVATE_SHARE = 0.40;
    /** The private operators' intentions to invest (AMII), 2011: the perimeter holds from then. */
    static final java.time.LocalDate PRIVATE_SINCE = java.time.LocalDate.of(2011, 4, 27);

    static {
        DEPARTMENTS.put("22", "Côtes-d'Armor");
        DEPARTMENTS.put("29", "Finistère");
        DEPARTMENTS.put("35", "Ille-et-Vilaine");
        DEPARTMENTS.put("56", "Morbihan");
    }

    private final JdbcClient jdbc;
    private final GeometryFactory wgs84 = new GeometryFactory(new PrecisionModel(), 4326);

    SyntheticTerritory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void create(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed ^ 0x5EED7E44L);
        Polygon outline = outline();
        List<Site> sites = sites(outline, rnd);
        Map<Coordinate, Site> byCoord = new HashMap<>();
        List<Coordinate> coords = new ArrayList<>();
        for (Site s : sites) {
            byCoord.put(s.at, s);
            coords.add(s.at);
        }
        VoronoiDiagramBuilder voronoi = new VoronoiDiagramBuilder();
        voronoi.setSites(coords);
        Envelope clip = new Envelope(outline.getEnvelopeInternal());
        clip.expandBy(0.5);
        voronoi.setClipEnvelope(clip);
        Geometry cells = voronoi.getDiagram(wgs84);

        for (Map.Entry<String, String> d : DEPARTMENTS.entrySet()) {
            jdbc.sql("INSERT INTO department (code, name, geom) VALUES (:c, :n, 'SRID=2154;MULTIPOLYGON EMPTY')")
                    .param("c", d.getKey()).param("n", d.getValue()).update();
        }
        List<Site> kept = new ArrayList<>();
        for (int i = 0; i < cells.getNumGeometries(); i++) {
            Geometry cell = cells.getGeometryN(i);
            Site site = byCoord.get((Coordinate) cell.getUserData());
            Geometry clipped = cell.intersection(outline);
            if (site != null && !clipped.isEmpty() && clipped.getArea() > 0) {
                site.cell = clipped;
                kept.add(site);
            }
        }
        kept.sort((a, b) -> a.insee.compareTo(b.insee));
        insertEpci(kept);
        for (Site s : kept) {
            jdbc.sql("""
                            INSERT INTO commune (insee, name, department_code, epci_siren, population, dwellings, geom)
                            VALUES (:insee, :name, :dep, :epci, :pop, :dw,
                                    ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_Transform(:ewkb::geometry, 2154)), 3)))
                            """)
                    .param("insee", s.insee).param("name", s.name).param("dep", s.department)
                    .param("epci", s.epci).param("pop", s.population)
                    .param("dw", (int) Math.round(s.population * DWELLINGS_PER_INHABITANT))
                    .param("ewkb", lonLat(s.cell)).update();
        }
        markPrivateTowns(kept);
        jdbc.sql("""
                UPDATE department d SET geom = u.geom
                FROM (SELECT department_code, ST_Multi(ST_Union(geom)) AS geom FROM commune GROUP BY department_code) u
                WHERE u.department_code = d.code
                """).update();
        jdbc.sql("""
                UPDATE epci e SET geom = u.geom
                FROM (SELECT epci_siren, ST_Multi(ST_Union(geom)) AS geom FROM commune GROUP BY epci_siren) u
                WHERE u.epci_siren = e.siren
                """).update();
        jdbc.sql("INSERT INTO dataset_info (key, value) VALUES ('territory.source', :s) "
                + "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value").param("s", SOURCE).update();
    }

    /**
     * Marks the private operators' towns, as the Arcep file would (source SYNTHETIC): the largest
     * towns and then their nearest communes (their agglomerations) until they hold about 40 % of the
     * territory's inhabitants, as Brittany's private towns hold 41 % of its premises (Arcep 2018 T1:
     * 794,481 of 1,949,859). The largest town is a very dense zone with several operators, its
     * agglomeration SFR's, the others Orange's (FRTE), as in Rennes, Brest, Quimper, Lorient…
     */
    private void markPrivateTowns(List<Site> sites) {
        List<Site> towns = sites.stream()
                .sorted(java.util.Comparator.comparingInt((Site s) -> -s.population).thenComparing(s -> s.insee))
                .limit(PRIVATE_TOWNS).toList();
        long inhabitants = sites.stream().mapToLong(s -> s.population).sum();
        Map<Site, Site> townOf = new HashMap<>();
        Map<Site, Double> distance = new HashMap<>();
        for (Site s : sites) {
            for (Site t : towns) {
                // degrees of longitude are shorter than degrees of latitude at 48° N
                double d = Math.hypot((s.at.x - t.at.x) * Math.cos(Math.toRadians(48)), s.at.y - t.at.y);
                if (!distance.containsKey(s) || d < distance.get(s)) {
                    distance.put(s, d);
                    townOf.put(s, t);
                }
            }
        }
        List<Site> nearestFirst = new ArrayList<>(sites);
        nearestFirst.sort(java.util.Comparator.comparingDouble((Site s) -> distance.get(s)).thenComparing(s -> s.insee));
        long marked = 0;
        for (Site s : nearestFirst) {
            if (marked >= PRIVATE_SHARE * inhabitants) {
                break;
            }
            marked += s.population;
            boolean veryDense = s == towns.get(0);
            String operator = veryDense ? "FREE-FRTE-SFR0" : townOf.get(s) == towns.get(0) ? "SFR0" : "FRTE";
            jdbc.sql("""
                            INSERT INTO commune_perimeter (insee, kind, operator_code, valid_from, source)
                            VALUES (:insee, :kind, :operator, :from, 'SYNTHETIC')
                            """)
                    .param("insee", s.insee).param("kind", veryDense ? "VERY_DENSE" : "PRIVATE_L3313")
                    .param("operator", operator).param("from", PRIVATE_SINCE).update();
        }
    }

    private void insertEpci(List<Site> sites) {
        for (String dep : DEPARTMENTS.keySet()) {
            List<Site> inDep = sites.stream().filter(s -> s.department.equals(dep)).toList();
            double[] x = inDep.stream().mapToDouble(s -> s.at.x).toArray();
            double[] y = inDep.stream().mapToDouble(s -> s.at.y).toArray();
            double[] w = new double[x.length];
            java.util.Arrays.fill(w, 1);
            int[] group = KdPartition.split(x, y, w, EPCI_PER_DEPARTMENT);
            Map<Integer, Site> largest = new HashMap<>();
            for (int i = 0; i < inDep.size(); i++) {
                largest.merge(group[i], inDep.get(i), (a, b) -> a.population >= b.population ? a : b);
            }
            for (Map.Entry<Integer, Site> g : largest.entrySet()) {
                String siren = "200" + dep + String.format("%04d", g.getKey() + 1);
                int population = 0;
                for (int i = 0; i < inDep.size(); i++) {
                    if (group[i] == g.getKey()) {
                        inDep.get(i).epci = siren;
                        population += inDep.get(i).population;
                    }
                }
                String name = (population > 100_000 ? "Communauté d'agglomération " : "Communauté de communes de ")
                        + g.getValue().name;
                jdbc.sql("INSERT INTO epci (siren, name) VALUES (:s, :n)").param("s", siren).param("n", name).update();
            }
        }
    }

    private List<Site> sites(Polygon outline, SplittableRandom rnd) {
        List<Site> sites = new ArrayList<>();
        Set<String> usedCodes = new HashSet<>();
        Set<String> usedNames = new HashSet<>();
        for (CSVRecord t : DemoResources.csv("towns.csv")) {
            Site s = new Site(new Coordinate(Double.parseDouble(t.get("lon")), Double.parseDouble(t.get("lat"))));
            s.insee = t.get("insee");
            s.name = t.get("name");
            s.department = t.get("department");
            s.population = Integer.parseInt(t.get("population"));
            sites.add(s);
            usedCodes.add(s.insee);
            usedNames.add(s.name);
        }
        Map<String, List<String>> parts = DemoResources.sections("commune-name-parts.txt");
        Envelope env = outline.getEnvelopeInternal();
        Map<String, Integer> nextCode = new HashMap<>();
        int guard = 0;
        while (sites.size() < COMMUNES && guard++ < 1_000_000) {
            Coordinate c = new Coordinate(env.getMinX() + rnd.nextDouble() * env.getWidth(),
                    env.getMinY() + rnd.nextDouble() * env.getHeight());
            if (!outline.contains(wgs84.createPoint(c)) || tooClose(sites, c, 0.035)) {
                continue;
            }
            Site s = new Site(c);
            s.department = departmentAt(c);
            do {
                int n = nextCode.merge(s.department, 1, Integer::sum);
                s.insee = s.department + String.format("%03d", n);
            } while (usedCodes.contains(s.insee));
            usedCodes.add(s.insee);
            s.name = uniqueName(parts, rnd, usedNames);
            // log-normal around 1,100 inhabitants: many villages, few small towns
            s.population = (int) Math.round(Math.exp(Math.log(1100) + 0.95 * gaussian(rnd)));
            sites.add(s);
        }
        return sites;
    }

    private static boolean tooClose(List<Site> sites, Coordinate c, double min) {
        for (Site s : sites) {
            if (s.at.distance(c) < min) {
                return true;
            }
        }
        return false;
    }

    /** Rough department borders of Brittany, in degrees. */
    static String departmentAt(Coordinate c) {
        if (c.x < -3.62) {
            return "29";
        }
        if (c.x > -2.15 && !(c.y > 48.45 && c.x < -2.05)) {
            return "35";
        }
        return c.y > 48.17 ? "22" : "56";
    }

    private static String uniqueName(Map<String, List<String>> parts, SplittableRandom rnd, Set<String> used) {
        List<String> prefixes = parts.get("prefix");
        List<String> roots = parts.get("root");
        for (int attempt = 0; ; attempt++) {
            String p = prefixes.get(rnd.nextInt(prefixes.size()));
            String r = roots.get(rnd.nextInt(roots.size()));
            String name = p.endsWith("-") || p.equals("Le") || p.equals("La")
                    ? (p.endsWith("-") ? p : p + " ") + Character.toUpperCase(r.charAt(0)) + r.substring(1)
                    : p + r;
            if (attempt > 20) {
                name = name + "-" + roots.get(rnd.nextInt(roots.size()));
            }
            if (used.add(name)) {
                return name;
            }
        }
    }

    static double gaussian(SplittableRandom rnd) {
        // Box-Muller: SplittableRandom has no nextGaussian on Java 17
        double u = 1 - rnd.nextDouble();
        double v = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    private Polygon outline() {
        List<String> lines = DemoResources.lines("brittany-outline.txt");
        Coordinate[] ring = new Coordinate[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            String[] lonLat = lines.get(i).split("\\s+");
            ring[i] = new Coordinate(Double.parseDouble(lonLat[0]), Double.parseDouble(lonLat[1]));
        }
        return wgs84.createPolygon(ring);
    }

    private static final class Site {
        final Coordinate at;
        String insee;
        String name;
        String department;
        String epci;
        int population;
        Geometry cell;

        Site(Coordinate at) {
            this.at = at;
        }
    }

    /** The cells are computed in WGS84: sent as EWKB carrying that SRID, reprojected by PostGIS. */
    private static String lonLat(Geometry cell) {
        cell.setSRID(GeometryCodec.WGS84);
        return GeometryCodec.toHexEwkb(cell);
    }
}
