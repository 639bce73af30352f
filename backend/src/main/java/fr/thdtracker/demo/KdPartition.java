package fr.thdtracker.demo;

import java.util.Arrays;

/**
 * Cuts a point set into spatially compact groups of near-equal weight by recursive bisection along
 * the longer side (a k-d split). Used to group communes into EPCI, premises into PM areas and PM
 * areas into deployment zones.
 */
final class KdPartition {

    private KdPartition() {
    }

    /** @return for each point its group, numbered densely from 0 (fewer groups when points run out) */
    static int[] split(double[] x, double[] y, double[] weight, int parts) {
        int n = x.length;
        int[] ids = new int[n];
        for (int i = 0; i < n; i++) {
            ids[i] = i;
        }
        int[] group = new int[n];
        if (n > 0) {
            split(x, y, weight, ids, 0, n, Math.max(1, parts), 0, group);
        }
        return densify(group);
    }

    private static void split(double[] x, double[] y, double[] w, int[] ids, int from, int to, int parts,
                              int firstGroup, int[] group) {
        if (parts == 1 || to - from == 1) {
            for (int i = from; i < to; i++) {
                group[ids[i]] = firstGroup;
            }
            return;
        }
        double minX = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, minY = Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        double total = 0;
        for (int i = from; i < to; i++) {
            int id = ids[i];
            minX = Math.min(minX, x[id]);
            maxX = Math.max(maxX, x[id]);
            minY = Math.min(minY, y[id]);
            maxY = Math.max(maxY, y[id]);
            total += w[id];
        }
        boolean alongX = maxX - minX >= maxY - minY;
        sortSlice(alongX ? x : y, alongX ? minX : minY, alongX ? maxX - minX : maxY - minY, ids, from, to);
        int leftParts = parts / 2;
        double target = total * leftParts / parts;
        int cut = from + 1;
        double acc = w[ids[from]];
        while (cut < to - 1 && acc + w[ids[cut]] / 2 < target) {
            acc += w[ids[cut]];
            cut++;
        }
        split(x, y, w, ids, from, cut, leftParts, firstGroup, group);
        split(x, y, w, ids, cut, to, parts - leftParts, firstGroup + leftParts, group);
    }

    /** Sorts ids[from, to) by key, packing a 30-bit quantised key and the slot into one long. */
    private static void sortSlice(double[] key, double min, double range, int[] ids, int from, int to) {
        int len = to - from;
        long[] packed = new long[len];
        double scale = range > 0 ? ((1L << 30) - 1) / range : 0;
        for (int i = 0; i < len; i++) {
            long q = (long) ((key[ids[from + i]] - min) * scale);
            packed[i] = (q << 24) | i;
        }
        Arrays.sort(packed);
        int[] copy = Arrays.copyOfRange(ids, from, to);
        for (int i = 0; i < len; i++) {
            ids[from + i] = copy[(int) (packed[i] & 0xFFFFFF)];
        }
    }

    private static int[] densify(int[] group) {
        int max = 0;
        for (int g : group) {
            max = Math.max(max, g);
        }
        int[] remap = new int[max + 1];
        Arrays.fill(remap, -1);
        int next = 0;
        for (int i = 0; i < group.length; i++) {
            int g = group[i];
            if (remap[g] < 0) {
                remap[g] = next++;
            }
            group[i] = remap[g];
        }
        return group;
    }
}
