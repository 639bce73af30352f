package fr.thdtracker.demo;

import java.util.Arrays;
import java.util.List;

/**
 * Shares the programme's lines among the public-perimeter communes in proportion to their weight
 * (Arcep logements + établissements when imported, else the commune's dwellings), exactly (largest
 * remainders), and gives the private towns as many premises at the same lines-per-weight factor,
 * so that a private town is as dense as its public neighbours but outside the programme.
 */
final class LineApportionment {

    /**
     * Share of business premises when no Arcep figures are imported: Brittany's établissements among
     * its logements + établissements (Arcep 2018 T1: 90,052 of 1,949,859).
     */
    static final double BUSINESS_SHARE_WITHOUT_ARCEP = 90_052.0 / 1_949_859.0;

    /** What a commune weighs: its dwellings and business premises, and whether it is public. */
    record Weight(double dwellings, double businesses, boolean inProgramme) {

        double total() {
            return dwellings + businesses;
        }
    }

    private LineApportionment() {
    }

    static CommuneLines[] apportion(List<Weight> weights, long programmeLines) {
        int n = weights.size();
        double publicWeight = weights.stream().filter(Weight::inProgramme).mapToDouble(Weight::total).sum();
        if (publicWeight <= 0) {
            throw new IllegalStateException("Aucune commune du périmètre public n'a de logements : "
                    + "la démo ne peut pas placer les lignes du programme");
        }
        double factor = programmeLines / publicWeight;
        int[] totals = new int[n];
        double[] remainder = new double[n];
        long given = 0;
        for (int i = 0; i < n; i++) {
            Weight w = weights.get(i);
            double exact = factor * w.total();
            if (w.inProgramme()) {
                totals[i] = (int) Math.floor(exact);
                remainder[i] = exact - totals[i];
                given += totals[i];
            } else {
                totals[i] = (int) Math.round(exact);
                remainder[i] = -1;
            }
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(remainder[b], remainder[a]));
        for (int k = 0; given < programmeLines; k++, given++) {
            totals[order[k]]++;
        }
        CommuneLines[] lines = new CommuneLines[n];
        for (int i = 0; i < n; i++) {
            Weight w = weights.get(i);
            int businesses = w.total() == 0 ? 0 : (int) Math.round(totals[i] * w.businesses() / w.total());
            lines[i] = new CommuneLines(totals[i] - businesses, businesses, w.inProgramme());
        }
        return lines;
    }
}
