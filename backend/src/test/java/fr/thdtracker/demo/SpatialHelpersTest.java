package fr.thdtracker.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The k-d partition and the nearest-site grid against brute force on random points. */
class SpatialHelpersTest {

    @Test
    void gridIndexFindsTheTrueNearestSite() {
        SplittableRandom rnd = new SplittableRandom(42);
        double[] sx = new double[500];
        double[] sy = new double[500];
        for (int i = 0; i < sx.length; i++) {
            sx[i] = rnd.nextDouble() * 100_000;
            sy[i] = rnd.nextDouble() * 50_000;
        }
        GridIndex index = new GridIndex(sx, sy, 3_000);
        for (int q = 0; q < 5_000; q++) {
            // including points outside the sites' extent
            double x = -20_000 + rnd.nextDouble() * 140_000;
            double y = -20_000 + rnd.nextDouble() * 90_000;
            int best = 0;
            for (int i = 1; i < sx.length; i++) {
                if (Math.hypot(sx[i] - x, sy[i] - y) < Math.hypot(sx[best] - x, sy[best] - y)) {
                    best = i;
                }
            }
            assertThat(Math.hypot(sx[index.nearest(x, y)] - x, sy[index.nearest(x, y)] - y))
                    .isEqualTo(Math.hypot(sx[best] - x, sy[best] - y));
        }
    }

    @Test
    void kdPartitionMakesGroupsOfNearlyEqualWeight() {
        SplittableRandom rnd = new SplittableRandom(7);
        int n = 10_000;
        double[] x = new double[n];
        double[] y = new double[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rnd.nextDouble() * 1000;
            y[i] = rnd.nextDouble() * 300;
            w[i] = 1;
        }
        int[] group = KdPartition.split(x, y, w, 100);
        int[] sizes = new int[100];
        for (int g : group) {
            sizes[g]++;
        }
        assertThat(java.util.Arrays.stream(sizes).boxed().toList()).allMatch(s -> s >= 99 && s <= 101);
    }

    @Test
    void kdPartitionNeverMakesMoreGroupsThanPoints() {
        int[] group = KdPartition.split(new double[]{0, 1, 2}, new double[]{0, 0, 0}, new double[]{1, 1, 1}, 10);
        assertThat(group).containsExactlyInAnyOrder(0, 1, 2);
    }
}
