package fr.thdtracker.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;

import fr.thdtracker.territory.CommuneShape;
import fr.thdtracker.common.GeometryCodec;

/**
 * Cuts the public perimeter's premises into PM areas, gives each PM area a tranche (tranche 1 rural
 * and mixed, tranche 2 opened by the places the annual report names, then denser places first, with
 * noise so every part of the region gets some fibre early), groups each tranche's PM areas into
 * about a hundred deployment zones, and dates the private operators' networks in their towns.
 */
final class RolloutPlanner {

    static final int PM_AREAS = 2400;
    static final int ZONES_PER_TRANCHE = 100;

    /**
     * The first commercial openings of tranche 2 that the annual report 2020 names: on a territory
     * that has communes of these names, their PM areas are tranche 2's and are delivered first.
     */
    static final Set<String> TRANCHE_2_FIRST_OPENINGS = Set.of("Kerfot", "Paimpol", "Guipel", "Combourg", "Pontivy",
            "Ploërmel", "Lanmeur", "Pleyben");
    /** The private operators' deployments started between these dates (AMII towns, 2014–2016)… */
    static final LocalDate PRIVATE_START_FROM = LocalDate.of(2014, 1, 1);
    static final LocalDate PRIVATE_START_TO = LocalDate.of(2016, 12, 31);
    /** …and took 5 to 7 years: about 45 % connectable in 2018 T1 (Arcep: 42 % in Brittany's private towns). */
    static final int PRIVATE_YEARS_MIN = 5;
    static final int PRIVATE_YEARS_SPREAD = 2;

    RolloutPlan plan(PremiseTable premises, List<CommuneShape> communes, CommuneLines[] lines, DemoSettings settings) {
        SplittableRandom rnd = new SplittableRandom(settings.seed() ^ 0x9A11E5L);
        RolloutPlan plan = new RolloutPlan();
        // only the public perimeter's premises get PM areas: the private towns are their operator's
        int[] programme = java.util.stream.IntStream.range(0, premises.size)
                .filter(i -> lines[premises.commune[i]].inProgramme()).toArray();
        int n = programme.length;
        double[] px = new double[premises.size];
        double[] py = new double[premises.size];
        double[] gx = new double[n];
        double[] gy = new double[n];
        for (int k = 0; k < n; k++) {
            int i = programme[k];
            px[i] = gx[k] = premises.x[i];
            py[i] = gy[k] = premises.y[i];
        }
        double[] ones = new double[n];
        java.util.Arrays.fill(ones, 1);
        int[] groupOf = KdPartition.split(gx, gy, ones, Math.min(PM_AREAS, Math.max(1, n / 4)));
        int groups = 0;
        for (int g : groupOf) {
            groups = Math.max(groups, g + 1);
        }
        int[] group = new int[premises.size];
        for (int k = 0; k < n; k++) {
            group[programme[k]] = groupOf[k];
        }
        // the PM sits on the premise nearest its group's centre (on a street, inside the commune), one PM
        // per address point: a group made only of flats of a building that already has its PM gets none
        double[] cx = new double[groups];
        double[] cy = new double[groups];
        int[] count = new int[groups];
        for (int i : programme) {
            cx[group[i]] += px[i];
            cy[group[i]] += py[i];
            count[group[i]]++;
        }
        int[][] members = new int[groups][];
        for (int g = 0; g < groups; g++) {
            members[g] = new int[count[g]];
        }
        int[] fill = new int[groups];
        for (int i : programme) {
            members[group[i]][fill[group[i]]++] = i;
        }
        java.util.Set<Coordinate> taken = new java.util.HashSet<>();
        List<Double> siteX = new ArrayList<>();
        List<Double> siteY = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            double mx = cx[g] / count[g];
            double my = cy[g] / count[g];
            int site = -1;
            double best = Double.MAX_VALUE;
            for (int i : members[g]) {
                double d = (px[i] - mx) * (px[i] - mx) + (py[i] - my) * (py[i] - my);
                if (d < best && !taken.contains(new Coordinate(px[i], py[i]))) {
                    best = d;
                    site = i;
                }
            }
            if (site < 0) {
                continue;
            }
            taken.add(new Coordinate(px[site], py[site]));
            RolloutPlan.Pm pm = new RolloutPlan.Pm();
            pm.id = plan.pms.size() + 1;
            pm.x = px[site];
            pm.y = py[site];
            siteX.add(pm.x);
            siteY.add(pm.y);
            pm.communeIdx = premises.commune[site];
            plan.pms.add(pm);
        }
        double[] sx = siteX.stream().mapToDouble(Double::doubleValue).toArray();
        double[] sy = siteY.stream().mapToDouble(Double::doubleValue).toArray();
        // each premise belongs to its nearest PM, so it lies inside that PM's Voronoi cell
        GridIndex index = new GridIndex(sx, sy, 2000);
        plan.premisePm = new int[premises.size];
        java.util.Arrays.fill(plan.premisePm, RolloutPlan.NO_PM);
        for (int i : programme) {
            int pm = index.nearest(px[i], py[i]);
            plan.premisePm[i] = pm;
            plan.pms.get(pm).lines++;
        }
        for (RolloutPlan.Pm pm : plan.pms) {
            pm.firstOpening = TRANCHE_2_FIRST_OPENINGS.contains(communes.get(pm.communeIdx).name());
        }
        voronoiCells(plan.pms);
        assignTranches(plan.pms, communes, settings, rnd);
        buildZones(plan, communes, rnd);
        scheduleWorks(plan, rnd);
        schedulePrivateTowns(plan, communes, lines, settings);
        return plan;
    }

    /** When each private town's operator made its premises connectable (its own random stream per commune). */
    private static void schedulePrivateTowns(RolloutPlan plan, List<CommuneShape> communes, CommuneLines[] lines,
                                             DemoSettings settings) {
        plan.privateFrom = new LocalDate[communes.size()];
        plan.privateTo = new LocalDate[communes.size()];
        for (int c = 0; c < communes.size(); c++) {
            if (!lines[c].inProgramme()) {
                SplittableRandom rnd = new SplittableRandom(settings.seed() * 17 + communes.get(c).insee().hashCode());
                plan.privateFrom[c] = TrancheSpec.between(rnd, PRIVATE_START_FROM, PRIVATE_START_TO);
                plan.privateTo[c] = plan.privateFrom[c].plusYears(PRIVATE_YEARS_MIN)
                        .plusDays(rnd.nextInt(365 * PRIVATE_YEARS_SPREAD + 1));
            }
        }
    }

    private static void voronoiCells(List<RolloutPlan.Pm> pms) {
        Map<Coordinate, RolloutPlan.Pm> bySite = new HashMap<>();
        List<Coordinate> sites = new ArrayList<>();
        Envelope env = new Envelope();
        for (RolloutPlan.Pm pm : pms) {
            Coordinate c = new Coordinate(pm.x, pm.y);
            bySite.put(c, pm);
            sites.add(c);
            env.expandToInclude(c);
        }
        VoronoiDiagramBuilder voronoi = new VoronoiDiagramBuilder();
        voronoi.setSites(sites);
        env.expandBy(50_000);
        voronoi.setClipEnvelope(env);
        Geometry cells = voronoi.getDiagram(GeometryCodec.FACTORY);
        for (int i = 0; i < cells.getNumGeometries(); i++) {
            Geometry cell = cells.getGeometryN(i);
            RolloutPlan.Pm pm = bySite.get((Coordinate) cell.getUserData());
            if (pm != null) {
                pm.cell = cell;
            }
        }
        for (RolloutPlan.Pm pm : pms) {
            if (pm.cell == null) {
                throw new IllegalStateException("PM " + pm.id + " sans cellule de Voronoï");
            }
        }
    }

    /**
     * Tranche 1 went to rural and mixed communes (sparser first, with noise so some small towns come
     * in), never to tranche 2's named first openings; then those first openings open tranche 2, and
     * the rest follows denser places first, with noise. Cut by the tranches' shares of lines.
     */
    private static void assignTranches(List<RolloutPlan.Pm> pms, List<CommuneShape> communes, DemoSettings settings,
                                       SplittableRandom rnd) {
        double[] rural = new double[pms.size()];
        double[] dense = new double[pms.size()];
        for (RolloutPlan.Pm pm : pms) {
            CommuneShape c = communes.get(pm.communeIdx);
            double density = Math.log1p(c.population() / Math.max(c.geom().getArea() / 1e6, 0.5));
            rural[pm.id - 1] = -density + 1.2 * SyntheticTerritory.gaussian(rnd);
            dense[pm.id - 1] = density + 1.2 * SyntheticTerritory.gaussian(rnd);
        }
        long total = pms.stream().mapToLong(p -> p.lines).sum();
        TrancheSpec[] tranches = TrancheSpec.values();
        List<RolloutPlan.Pm> byRural = new ArrayList<>(pms.stream().filter(p -> !p.firstOpening).toList());
        byRural.sort(Comparator.comparingDouble((RolloutPlan.Pm p) -> -rural[p.id - 1]).thenComparingInt(p -> p.id));
        long acc = 0;
        for (RolloutPlan.Pm pm : byRural) {
            if (acc + pm.lines / 2.0 > tranches[0].share() * total) {
                break;
            }
            pm.tranche = tranches[0];
            acc += pm.lines;
        }
        List<RolloutPlan.Pm> rest = new ArrayList<>(pms.stream().filter(p -> p.tranche == null).toList());
        rest.sort(Comparator.comparing((RolloutPlan.Pm p) -> !p.firstOpening)
                .thenComparingDouble(p -> -dense[p.id - 1]).thenComparingInt(p -> p.id));
        int t = 1;
        double bound = tranches[0].share() + tranches[1].share();
        for (RolloutPlan.Pm pm : rest) {
            while (t < tranches.length - 1 && acc + pm.lines / 2.0 > bound * total) {
                t++;
                bound += tranches[t].share();
            }
            pm.tranche = tranches[t];
            acc += pm.lines;
        }
    }

    private static void buildZones(RolloutPlan plan, List<CommuneShape> communes, SplittableRandom rnd) {
        int zoneId = 1;
        for (TrancheSpec tranche : TrancheSpec.values()) {
            List<RolloutPlan.Pm> inTranche = plan.pms.stream().filter(p -> p.tranche == tranche).toList();
            if (inTranche.isEmpty()) {
                continue;
            }
            double[] x = inTranche.stream().mapToDouble(p -> p.x).toArray();
            double[] y = inTranche.stream().mapToDouble(p -> p.y).toArray();
            double[] w = inTranche.stream().mapToDouble(p -> Math.max(1, p.lines)).toArray();
            int[] group = KdPartition.split(x, y, w, ZONES_PER_TRANCHE);
            Map<Integer, RolloutPlan.Zone> zones = new java.util.TreeMap<>();
            for (int i = 0; i < inTranche.size(); i++) {
                RolloutPlan.Zone z = zones.computeIfAbsent(group[i], g -> new RolloutPlan.Zone());
                z.pms.add(inTranche.get(i));
                inTranche.get(i).zone = z;
            }
            int seq = 1;
            for (RolloutPlan.Zone z : zones.values()) {
                z.id = zoneId++;
                z.tranche = tranche;
                z.code = String.format("ZD-%s-%03d", tranche.name(), seq++);
                CommuneShape main = communes.get(mainCommune(z));
                z.name = main.name() + " (" + tranche.name() + ")";
                z.nroCode = "NRO-" + main.insee();
                z.department = main.department();
                z.cibleOn = tranche.start.plusDays(rnd.nextInt(180));
                plan.zones.add(z);
            }
        }
    }

    private static int mainCommune(RolloutPlan.Zone z) {
        Map<Integer, Integer> lines = new HashMap<>();
        for (RolloutPlan.Pm pm : z.pms) {
            lines.merge(pm.communeIdx, pm.lines, Integer::sum);
        }
        // most lines wins; on a tie the lower commune index, so the choice is deterministic
        return lines.entrySet().stream()
                .max(Comparator.comparingInt((Map.Entry<Integer, Integer> e) -> e.getValue())
                        .thenComparing(e -> -e.getKey()))
                .orElseThrow().getKey();
    }

    /**
     * Delivery order within a tranche: zone by zone (a random order of zones, then of PM areas within
     * a zone), each PM area dated by its cumulative share of the tranche's lines.
     */
    private static void scheduleWorks(RolloutPlan plan, SplittableRandom rnd) {
        Map<RolloutPlan.Zone, Double> zoneKey = new HashMap<>();
        for (RolloutPlan.Zone z : plan.zones) {
            zoneKey.put(z, rnd.nextDouble());
        }
        double[] pmKey = new double[plan.pms.size()];
        for (RolloutPlan.Pm pm : plan.pms) {
            pmKey[pm.id - 1] = rnd.nextDouble();
        }
        for (TrancheSpec tranche : TrancheSpec.values()) {
            List<RolloutPlan.Pm> order = new ArrayList<>(plan.pms.stream().filter(p -> p.tranche == tranche).toList());
            // tranche 2's named first openings lead its delivery order (they are tranche 2's only)
            order.sort(Comparator.comparing((RolloutPlan.Pm p) -> !p.firstOpening)
                    .thenComparingDouble(p -> zoneKey.get(p.zone))
                    .thenComparingDouble(p -> pmKey[p.id - 1]));
            double total = order.stream().mapToDouble(p -> p.lines).sum();
            double acc = 0;
            for (RolloutPlan.Pm pm : order) {
                double q = total == 0 ? 0 : (acc + pm.lines / 2.0) / total;
                acc += pm.lines;
                pm.code = String.format("PM-%s-%04d", pm.zone.code.substring(3), pm.id);
                pm.madeAvailable = tranche.madeAvailable(q, rnd);
                pm.worksStart = tranche.worksStart(pm.madeAvailable, rnd);
                if (pm.worksStart.isBefore(pm.zone.cibleOn)) {
                    pm.worksStart = pm.zone.cibleOn.plusDays(1);
                }
                pm.planned = pm.madeAvailable.minusDays(tranche.delayDays(rnd));
                if (pm.planned.isBefore(pm.worksStart)) {
                    pm.planned = pm.worksStart;
                }
            }
        }
    }
}
