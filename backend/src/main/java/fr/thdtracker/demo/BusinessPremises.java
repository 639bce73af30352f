package fr.thdtracker.demo;

import java.util.SplittableRandom;

/**
 * Which demo lines are business premises (établissements, IPE/GraceTHD ad_nblpro) rather than
 * dwellings: exactly as many per commune as its share of Arcep's établissements
 * ({@link CommuneLines#businesses()}). Where they go, in this order of preference: the ground floor
 * of a block of flats (shops under flats), then houses (shops, workshops, farms), then the upper
 * floors of blocks (offices), each group in a seeded random order. Drawn from their own seed, so
 * the layout and the fates do not depend on it.
 */
final class BusinessPremises {

    private BusinessPremises() {
    }

    /** The premises of one commune are contiguous in {@code p} (the street planner lays out a commune at a time). */
    static boolean[] mark(PremiseTable p, CommuneLines[] lines, long seed) {
        boolean[] business = new boolean[p.size];
        int start = 0;
        while (start < p.size) {
            int commune = p.commune[start];
            int end = start;
            while (end < p.size && p.commune[end] == commune) {
                end++;
            }
            markCommune(p, start, end, lines[commune].businesses(), new SplittableRandom(seed * 0x94D049BB133111EBL + commune),
                    business);
            start = end;
        }
        return business;
    }

    private static void markCommune(PremiseTable p, int from, int to, int wanted, SplittableRandom rnd, boolean[] business) {
        int n = to - from;
        // preference rank then a random key: ground floors (0), houses (1), upper floors (2)
        long[] keys = new long[n];
        for (int k = 0; k < n; k++) {
            int i = from + k;
            int rank = !p.immeuble[i] ? 1 : p.startsBuilding(i) ? 0 : 2;
            keys[k] = ((long) rank << 40) | ((long) rnd.nextInt(1 << 20) << 20) | k;
        }
        java.util.Arrays.sort(keys);
        for (int k = 0; k < Math.min(wanted, n); k++) {
            business[from + (int) (keys[k] & 0xFFFFF)] = true;
        }
    }
}
