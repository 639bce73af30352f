package fr.thdtracker.demo;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineString;

import fr.thdtracker.territory.CommuneShape;
import fr.thdtracker.common.GeometryCodec;

/**
 * Lays out streets in a commune as a tree grown from its centre, and places the commune's premises
 * along them (odd numbers on the left, even on the right), so every premise has an address a
 * person could type and sits beside a road the routing can use.
 */
final class StreetPlanner {

    private static final int MAX_FAILED_STREETS = 60;

    private final List<String[]> streetTypes = new ArrayList<>();
    private final List<String> streetNames;
    private final List<String> lieuDitRoots;

    StreetPlanner() {
        Map<String, List<String>> s = DemoResources.sections("street-names.txt");
        for (String t : s.get("type")) {
            streetTypes.add(t.split(";"));
        }
        streetNames = s.get("name");
        lieuDitRoots = DemoResources.sections("commune-name-parts.txt").get("root");
    }

    /** Places exactly {@code share.total()} premises in the commune; appends its streets to {@code roads}. */
    void plan(CommuneShape c, int communeIdx, CommuneLines share, double scale, SplittableRandom rnd, PremiseTable out,
              List<Road> roads) {
        int lines = share.total();
        if (lines == 0) {
            return;
        }
        double immeubleShare = c.population() > 8000 ? 0.35 : c.population() > 2000 ? 0.15 : 0.03;
        // a smaller demo is a sparser sample of the full one: wider spacing keeps towns their extent
        double spacing = Math.min(150, (c.population() > 8000 ? 14 : c.population() > 2000 ? 24 : 38) / Math.sqrt(scale));
        Set<String> usedNames = new HashSet<>();
        List<Coordinate[]> streets = new ArrayList<>();
        int remaining = lines;
        int failures = 0;
        Coordinate centre = c.centre().getCoordinate();
        while (remaining > 0 && failures < MAX_FAILED_STREETS) {
            Coordinate start = streets.isEmpty() ? centre : branchPoint(streets, rnd);
            Coordinate[] line = walk(c, start, spacing, rnd);
            if (line == null) {
                failures++;
                continue;
            }
            String name = streetName(usedNames, rnd, c.population() <= 2000);
            int streetIdx = out.streetNames.size();
            out.streetNames.add(name);
            streets.add(line);
            LineString ls = GeometryCodec.FACTORY.createLineString(line);
            roads.add(new Road("LOCAL", name, c.insee(), ls));
            remaining = placeAlong(c, communeIdx, ls, spacing, immeubleShare, remaining, streetIdx, rnd, out);
        }
        if (remaining > 0) {
            // a commune too small or too jagged for streets: scatter the rest as lieux-dits
            String name;
            do {
                name = "Lieu-dit " + lieuDit(rnd);
            } while (!usedNames.add(name));
            int streetIdx = out.streetNames.size();
            out.streetNames.add(name);
            placeScattered(c, communeIdx, remaining, streetIdx, rnd, out);
        }
    }

    private static Coordinate branchPoint(List<Coordinate[]> streets, SplittableRandom rnd) {
        // favour the older streets, nearer the centre: towns grow outwards
        double u = rnd.nextDouble();
        Coordinate[] s = streets.get((int) (streets.size() * u * u));
        return s[rnd.nextInt(s.length)];
    }

    private static Coordinate[] walk(CommuneShape c, Coordinate start, double spacing, SplittableRandom rnd) {
        double length = spacing * (12 + rnd.nextInt(40));
        int segments = 2 + rnd.nextInt(5);
        double heading = rnd.nextDouble() * 2 * Math.PI;
        List<Coordinate> pts = new ArrayList<>();
        pts.add(start);
        Coordinate prev = start;
        for (int i = 0; i < segments; i++) {
            heading += 0.35 * SyntheticTerritory.gaussian(rnd);
            Coordinate next = new Coordinate(prev.x + Math.cos(heading) * length / segments,
                    prev.y + Math.sin(heading) * length / segments);
            if (!c.contains(next.x, next.y)) {
                break;
            }
            pts.add(next);
            prev = next;
        }
        return pts.size() < 2 ? null : pts.toArray(new Coordinate[0]);
    }

    private int placeAlong(CommuneShape c, int communeIdx, LineString street, double spacing, double immeubleShare,
                           int remaining, int streetIdx, SplittableRandom rnd, PremiseTable out) {
        Coordinate[] pts = street.getCoordinates();
        int odd = 1;
        int even = 2;
        boolean left = true;
        double carry = spacing / 2;
        for (int seg = 0; seg + 1 < pts.length && remaining > 0; seg++) {
            Coordinate a = pts[seg];
            Coordinate b = pts[seg + 1];
            double len = a.distance(b);
            double ux = (b.x - a.x) / len;
            double uy = (b.y - a.y) / len;
            for (double d = carry; d < len && remaining > 0; d += spacing / 2) {
                double offset = (8 + rnd.nextDouble() * 10) * (left ? 1 : -1);
                double px = a.x + ux * d - uy * offset;
                double py = a.y + uy * d + ux * offset;
                int num = left ? odd : even;
                if (left) {
                    odd += 2;
                } else {
                    even += 2;
                }
                left = !left;
                if (!c.contains(px, py)) {
                    continue;
                }
                int suffix = rnd.nextDouble() < 0.02 ? 1 + rnd.nextInt(2) : 0;
                remaining -= building(communeIdx, px, py, streetIdx, num, suffix, immeubleShare, remaining, rnd, out);
                carry = d + spacing / 2 - len;
            }
        }
        return remaining;
    }

    /** One building: a house (one line) or a block of flats (several lines at one address). */
    private static int building(int communeIdx, double px, double py, int streetIdx, int num, int suffix,
                                double immeubleShare, int remaining, SplittableRandom rnd, PremiseTable out) {
        if (rnd.nextDouble() < immeubleShare && remaining > 1) {
            int flats = Math.min(remaining, 3 + rnd.nextInt(22));
            for (int u = 1; u <= flats; u++) {
                out.add(px, py, communeIdx, streetIdx, num, suffix, true, flats, u);
            }
            return flats;
        }
        out.add(px, py, communeIdx, streetIdx, num, suffix, false, 1, 0);
        return 1;
    }

    private static void placeScattered(CommuneShape c, int communeIdx, int remaining, int streetIdx,
                                       SplittableRandom rnd, PremiseTable out) {
        var env = c.geom().getEnvelopeInternal();
        Coordinate centre = c.centre().getCoordinate();
        int placed = 0;
        for (int attempt = 0; placed < remaining; attempt++) {
            double px = env.getMinX() + rnd.nextDouble() * env.getWidth();
            double py = env.getMinY() + rnd.nextDouble() * env.getHeight();
            if (attempt > 10_000) {
                px = centre.x; // the interior point is always inside
                py = centre.y;
            } else if (!c.contains(px, py)) {
                continue;
            }
            out.add(px, py, communeIdx, streetIdx, placed + 1, 0, false, 1, 0);
            placed++;
        }
    }

    private String streetName(Set<String> used, SplittableRandom rnd, boolean rural) {
        for (int attempt = 0; attempt < 40; attempt++) {
            String[] type = streetTypes.get(rnd.nextInt(rural && rnd.nextBoolean() ? 3 : streetTypes.size()));
            String t = rural && rnd.nextDouble() < 0.4 ? (rnd.nextBoolean() ? "Route" : "Chemin") : type[0];
            String name = t + " " + streetNames.get(rnd.nextInt(streetNames.size()));
            if (used.add(name)) {
                return name;
            }
        }
        String name;
        do {
            name = "Lieu-dit " + lieuDit(rnd);
        } while (!used.add(name));
        return name;
    }

    private String lieuDit(SplittableRandom rnd) {
        String root = lieuDitRoots.get(rnd.nextInt(lieuDitRoots.size()));
        String second = lieuDitRoots.get(rnd.nextInt(lieuDitRoots.size()));
        return "Ker" + root + (rnd.nextBoolean() ? "" : " " + Character.toUpperCase(second.charAt(0)) + second.substring(1));
    }
}
