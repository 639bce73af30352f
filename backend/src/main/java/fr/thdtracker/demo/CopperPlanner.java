package fr.thdtracker.demo;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import fr.thdtracker.territory.CommuneShape;

/**
 * The copper network the fibre replaces: exchanges (NRA, a few NRA-HD) at the larger communes,
 * sub-distributors (SR) among the premises, and the programme's upgrades (Mégalis, annual report
 * 2020): 174 earlier and 149 current montée-en-débit cabinets (lots 1-3, about 23,000 lines at full
 * scale) at SRs far from their exchange, where copper is slow; and 25 NRA-ZO, existing exchanges of
 * the "zones d'ombre" serving such SRs (about 4,500 lines), fed by copper from their NRA (ADSL,
 * capped) until the programme brought them fibre in 2020.
 *
 * VDSL2 is dated per equipment, from Arcep's authorisations: lines of re-engineered exchanges (PRM,
 * the MED cabinets) from 1 October 2013, every line from an NRA from autumn 2014 (committee of
 * experts, 10 July 2014, plus the four months given to the wholesale offer and to the operators);
 * each NRA opened it at some date until 2017.
 */
final class CopperPlanner {

    static final int EARLY_MED = 174;
    static final int CURRENT_MED = 149;
    static final int NRA_ZO = 25;
    private static final double NRA_SPACING_M = 5_000;
    private static final double MED_MIN_DISTANCE_M = 2_500;
    private static final LocalDate VDSL2_AT_PRM = LocalDate.of(2013, 10, 1);
    private static final LocalDate VDSL2_AT_NRA = LocalDate.of(2014, 11, 10);
    private static final LocalDate VDSL2_LAST_NRA = LocalDate.of(2017, 12, 31);

    CopperPlan plan(PremiseTable premises, List<CommuneShape> communes, CommuneLines[] lines, DemoSettings settings) {
        SplittableRandom rnd = new SplittableRandom(settings.seed() ^ 0xC0FFEEL);
        int[] linesPerCommune = java.util.Arrays.stream(lines).mapToInt(CommuneLines::total).toArray();
        // the copper network is everywhere; its upgrades (MED, NRA-ZO) are the public programme's
        Set<String> programme = new HashSet<>();
        for (int c = 0; c < communes.size(); c++) {
            if (lines[c].inProgramme()) {
                programme.add(communes.get(c).insee());
            }
        }
        CopperPlan plan = new CopperPlan();
        Set<String> codes = new HashSet<>();
        placeExchanges(plan, communes, linesPerCommune, rnd, codes);
        placeSubDistributors(plan, premises, communes, linesPerCommune, settings, rnd);
        // the equipment's dates from a random of their own: the network drawn above stays the same
        SplittableRandom dates = new SplittableRandom(settings.seed() ^ 0x5D512L);
        for (CopperPlan.Exchange e : plan.exchanges) {
            e.vdsl2From = e.vdsl2 ? TrancheSpec.between(dates, VDSL2_AT_NRA, VDSL2_LAST_NRA) : null;
        }
        placeOperations(plan, communes, programme, settings, rnd, dates, codes);
        return plan;
    }

    private static void placeExchanges(CopperPlan plan, List<CommuneShape> communes, int[] lines, SplittableRandom rnd,
                                       Set<String> codes) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < communes.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingInt((Integer i) -> -lines[i]).thenComparing(i -> communes.get(i).insee()));
        int target = Math.max(1, (int) Math.round(communes.size() * 0.4));
        for (int pass = 0; pass < 2; pass++) {
            for (int i : order) {
                CommuneShape c = communes.get(i);
                double x = c.centre().getX();
                double y = c.centre().getY();
                double spacing = pass == 0 ? NRA_SPACING_M : 2.4 * NRA_SPACING_M;
                if ((pass == 0 && plan.exchanges.size() >= target) || nearestExchange(plan, x, y) < spacing) {
                    continue;
                }
                CopperPlan.Exchange e = new CopperPlan.Exchange();
                e.id = plan.exchanges.size() + 1;
                e.type = rnd.nextDouble() < 0.02 ? "NRA_HD" : "NRA";
                e.code = uniqueCode(c.insee(), letters(c.name()), codes);
                e.name = (e.type.equals("NRA") ? "NRA " : "NRA-HD ") + c.name();
                e.insee = c.insee();
                e.vdsl2 = rnd.nextDouble() < 0.92;
                e.backhaul = "FIBRE";
                e.x = x;
                e.y = y;
                plan.exchanges.add(e);
            }
        }
    }

    private static double nearestExchange(CopperPlan plan, double x, double y) {
        double best = Double.MAX_VALUE;
        for (CopperPlan.Exchange e : plan.exchanges) {
            best = Math.min(best, Math.hypot(e.x - x, e.y - y));
        }
        return best;
    }

    /** About 150 lines per SR at full scale, proportionally fewer on a smaller demo. */
    private static void placeSubDistributors(CopperPlan plan, PremiseTable premises, List<CommuneShape> communes,
                                             int[] linesPerCommune, DemoSettings settings, SplittableRandom rnd) {
        double srSize = Math.max(4, 150 * settings.scale());
        int[] firstPremise = new int[communes.size() + 1];
        java.util.Arrays.fill(firstPremise, -1);
        for (int i = premises.size - 1; i >= 0; i--) {
            firstPremise[premises.commune[i]] = i;
        }
        double[] ex = plan.exchanges.stream().mapToDouble(e -> e.x).toArray();
        double[] ey = plan.exchanges.stream().mapToDouble(e -> e.y).toArray();
        GridIndex exchanges = new GridIndex(ex, ey, 5_000);
        for (int c = 0; c < communes.size(); c++) {
            int lines = linesPerCommune[c];
            if (lines == 0) {
                continue;
            }
            int count = (int) Math.ceil(lines / srSize);
            for (int k = 0; k < count; k++) {
                int p = firstPremise[c] + rnd.nextInt(lines);
                CopperPlan.SubDistributor sr = new CopperPlan.SubDistributor();
                sr.id = plan.subDistributors.size() + 1;
                sr.code = String.format("SR-%s-%02d", communes.get(c).insee(), k + 1);
                sr.x = premises.x[p] + 6;
                sr.y = premises.y[p] + 6;
                sr.insee = communes.get(c).insee();
                sr.exchangeIdx = exchanges.nearest(sr.x, sr.y);
                CopperPlan.Exchange e = plan.exchanges.get(sr.exchangeIdx);
                sr.distanceToExchange = Math.hypot(e.x - sr.x, e.y - sr.y);
                plan.subDistributors.add(sr);
            }
        }
        double[] sx = plan.subDistributors.stream().mapToDouble(s -> s.x).toArray();
        double[] sy = plan.subDistributors.stream().mapToDouble(s -> s.y).toArray();
        GridIndex srs = new GridIndex(sx, sy, 1_000);
        plan.premiseSr = new int[premises.size];
        for (int i = 0; i < premises.size; i++) {
            int sr = srs.nearest(premises.x[i], premises.y[i]);
            plan.premiseSr[i] = sr;
            plan.subDistributors.get(sr).lines++;
        }
    }

    private static void placeOperations(CopperPlan plan, List<CommuneShape> communes, Set<String> programme,
                                        DemoSettings settings, SplittableRandom rnd, SplittableRandom dates,
                                        Set<String> codes) {
        List<CopperPlan.SubDistributor> far = new ArrayList<>(plan.subDistributors.stream()
                .filter(s -> s.distanceToExchange > MED_MIN_DISTANCE_M && s.lines > 0 && programme.contains(s.insee))
                .sorted(Comparator.comparingDouble((CopperPlan.SubDistributor s) -> -s.distanceToExchange)
                        .thenComparingInt(s -> s.id))
                .toList());
        // NRA-ZO first, at the farthest SRs: the "zones d'ombre", served by an exchange of their own
        double zoTarget = 4_500.0 * settings.scale() / NRA_ZO;
        List<CopperPlan.SubDistributor> zo = pick(far, NRA_ZO, zoTarget);
        for (CopperPlan.SubDistributor sr : zo) {
            LocalDate fibre = TrancheSpec.between(rnd, LocalDate.of(2020, 1, 15), LocalDate.of(2020, 12, 15));
            CopperPlan.Operation op = add(plan, sr, "ZO", "CURRENT", null, "IN_SERVICE", null, fibre, communes, codes);
            // the NRA-ZO has served the SR since long before the programme: its exchange, fed by
            // copper from the NRA (its parent) until its fibre backhaul, with VDSL2 from then
            op.cabinet.fibreBackhaulFrom = fibre;
            op.cabinet.vdsl2From = fibre;
            sr.exchangeIdx = plan.exchanges.size() - 1;
            sr.distanceToExchange = Math.hypot(op.cabinet.x - sr.x, op.cabinet.y - sr.y);
        }
        java.util.Collections.shuffle(far, new java.util.Random(rnd.nextLong()));
        for (CopperPlan.SubDistributor sr : pick(far, EARLY_MED, 23_000.0 * settings.scale() / CURRENT_MED)) {
            LocalDate on = TrancheSpec.between(rnd, LocalDate.of(2012, 6, 1), LocalDate.of(2018, 12, 31));
            CopperPlan.Operation op = add(plan, sr, "MED", "EARLY", null, "IN_SERVICE", null, on, communes, codes);
            // a PRM commissioned before VDSL2 was allowed there got it within the next months
            op.cabinet.vdsl2From = on.isBefore(VDSL2_AT_PRM)
                    ? TrancheSpec.between(dates, VDSL2_AT_PRM, VDSL2_AT_PRM.plusMonths(9)) : on;
        }
        List<CopperPlan.SubDistributor> current = pick(far, CURRENT_MED, 23_000.0 * settings.scale() / CURRENT_MED);
        double minX = current.stream().mapToDouble(s -> s.x).min().orElse(0);
        double maxX = current.stream().mapToDouble(s -> s.x).max().orElse(1);
        for (int i = 0; i < current.size(); i++) {
            CopperPlan.SubDistributor sr = current.get(i);
            int lot = 1 + Math.min(2, (int) (3 * (sr.x - minX) / Math.max(1, maxX - minX)));
            LocalDate planned = TrancheSpec.between(rnd, LocalDate.of(2021, 2, 1), LocalDate.of(2023, 6, 30));
            if (i % 25 == 0) {
                add(plan, sr, "MED", "CURRENT", lot, "PLANNED", LocalDate.of(2027, 3, 31), null, communes, codes);
            } else if (i % 37 == 1) {
                add(plan, sr, "MED", "CURRENT", lot, "ABANDONED", planned, null, communes, codes);
            } else {
                CopperPlan.Operation op = add(plan, sr, "MED", "CURRENT", lot, "IN_SERVICE", planned,
                        planned.plusDays(rnd.nextInt(120)), communes, codes);
                op.cabinet.vdsl2From = op.commissionedOn;
            }
        }
    }

    /**
     * Takes {@code count} SRs from the pool whose lines add up to about {@code count * target}: each
     * pick aims at what is left to reach the total, so small rural SRs are balanced by larger ones.
     */
    private static List<CopperPlan.SubDistributor> pick(List<CopperPlan.SubDistributor> pool, int count, double target) {
        List<CopperPlan.SubDistributor> chosen = new ArrayList<>();
        double remaining = count * target;
        for (double tolerance = 0.25; chosen.size() < count && tolerance < 64; tolerance *= 2) {
            for (var it = pool.iterator(); it.hasNext() && chosen.size() < count; ) {
                CopperPlan.SubDistributor sr = it.next();
                double aim = Math.max(remaining / (count - chosen.size()), 1);
                if (Math.abs(sr.lines - aim) <= tolerance * aim) {
                    chosen.add(sr);
                    remaining -= sr.lines;
                    it.remove();
                }
            }
        }
        return chosen;
    }

    /** A cabinet (MED) or NRA-ZO beside the SR, fed by fibre from the SR's exchange, and its operation. */
    private static CopperPlan.Operation add(CopperPlan plan, CopperPlan.SubDistributor sr, String kind, String programme,
                                            Integer lot, String status, LocalDate plannedOn, LocalDate commissionedOn,
                                            List<CommuneShape> communes, Set<String> codes) {
        CopperPlan.Exchange parent = plan.exchanges.get(sr.exchangeIdx);
        CopperPlan.Exchange cabinet = new CopperPlan.Exchange();
        cabinet.id = plan.exchanges.size() + 1;
        cabinet.type = kind.equals("MED") ? "NRA_MED" : "NRA_ZO";
        String commune = communes.stream().filter(c -> c.insee().equals(sr.insee)).findFirst()
                .map(CommuneShape::name).orElse(sr.insee);
        cabinet.code = uniqueCode(sr.insee, (kind.equals("MED") ? "M" : "Z") + letters(commune).substring(0, 2), codes);
        cabinet.name = (kind.equals("MED") ? "NRA-MED " : "NRA-ZO ") + commune;
        cabinet.insee = sr.insee;
        cabinet.vdsl2 = true;
        cabinet.backhaul = "FIBRE";
        cabinet.parentId = parent.id;
        cabinet.x = sr.x + 4;
        cabinet.y = sr.y - 4;
        plan.exchanges.add(cabinet);
        CopperPlan.Operation op = new CopperPlan.Operation();
        op.id = plan.operations.size() + 1;
        op.code = String.format("%s-%s-%03d", kind, programme.equals("EARLY") ? "H" : "C", op.id);
        op.kind = kind;
        op.programme = programme;
        op.lot = lot;
        op.sr = sr;
        op.cabinet = cabinet;
        op.status = status;
        op.plannedOn = plannedOn;
        op.commissionedOn = status.equals("IN_SERVICE") ? commissionedOn : null;
        plan.operations.add(op);
        return op;
    }

    /** Three capital letters from a commune name, as in Orange's exchange codes (22050DIN). */
    static String letters(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("[^A-Za-z]", "").toUpperCase();
        return (ascii + "XXX").substring(0, 3);
    }

    private static String uniqueCode(String insee, String letters, Set<String> codes) {
        String code = insee + letters;
        for (int k = 0; !codes.add(code); k++) {
            code = insee + letters.substring(0, 2) + Character.forDigit(k % 36, 36);
            code = code.toUpperCase();
            if (k >= 36) {
                code = insee + letters.charAt(0) + String.format("%02d", k - 36);
            }
        }
        return code;
    }
}
