package fr.thdtracker.demo;

/**
 * Nearest-site lookups for millions of points against thousands of sites (premise to PM, premise
 * to sub-distributor, SR to exchange): a uniform grid searched ring by ring.
 */
final class GridIndex {

    private final double[] sx;
    private final double[] sy;
    private final double minX;
    private final double minY;
    private final double cell;
    private final int nx;
    private final int ny;
    private final int[] cellStart;
    private final int[] items;

    GridIndex(double[] sx, double[] sy, double cell) {
        if (sx.length == 0) {
            throw new IllegalArgumentException("no sites");
        }
        this.sx = sx;
        this.sy = sy;
        this.cell = cell;
        double x0 = Double.MAX_VALUE, y0 = Double.MAX_VALUE, x1 = -Double.MAX_VALUE, y1 = -Double.MAX_VALUE;
        for (int i = 0; i < sx.length; i++) {
            x0 = Math.min(x0, sx[i]);
            y0 = Math.min(y0, sy[i]);
            x1 = Math.max(x1, sx[i]);
            y1 = Math.max(y1, sy[i]);
        }
        minX = x0;
        minY = y0;
        nx = (int) ((x1 - x0) / cell) + 1;
        ny = (int) ((y1 - y0) / cell) + 1;
        cellStart = new int[nx * ny + 1];
        for (int i = 0; i < sx.length; i++) {
            cellStart[cellOf(sx[i], sy[i]) + 1]++;
        }
        for (int c = 0; c < nx * ny; c++) {
            cellStart[c + 1] += cellStart[c];
        }
        int[] fill = cellStart.clone();
        items = new int[sx.length];
        for (int i = 0; i < sx.length; i++) {
            items[fill[cellOf(sx[i], sy[i])]++] = i;
        }
    }

    private int cellOf(double x, double y) {
        int cx = clamp((int) ((x - minX) / cell), nx);
        int cy = clamp((int) ((y - minY) / cell), ny);
        return cy * nx + cx;
    }

    private static int clamp(int v, int n) {
        return v < 0 ? 0 : Math.min(v, n - 1);
    }

    int nearest(double x, double y) {
        int cx = clamp((int) ((x - minX) / cell), nx);
        int cy = clamp((int) ((y - minY) / cell), ny);
        int best = -1;
        double bestD2 = Double.MAX_VALUE;
        int maxRing = Math.max(nx, ny);
        for (int r = 0; r <= maxRing; r++) {
            for (int gy = cy - r; gy <= cy + r; gy++) {
                if (gy < 0 || gy >= ny) {
                    continue;
                }
                boolean edgeRow = gy == cy - r || gy == cy + r;
                for (int gx = cx - r; gx <= cx + r; gx += edgeRow ? 1 : 2 * r) {
                    if (gx >= 0 && gx < nx) {
                        int c = gy * nx + gx;
                        for (int k = cellStart[c]; k < cellStart[c + 1]; k++) {
                            int i = items[k];
                            double dx = sx[i] - x, dy = sy[i] - y;
                            double d2 = dx * dx + dy * dy;
                            if (d2 < bestD2) {
                                bestD2 = d2;
                                best = i;
                            }
                        }
                    }
                    if (r == 0) {
                        break;
                    }
                }
            }
            // every unvisited cell lies at least r * cell away from (x, y)
            if (best >= 0 && r * cell >= Math.sqrt(bestD2)) {
                break;
            }
        }
        return best;
    }
}
