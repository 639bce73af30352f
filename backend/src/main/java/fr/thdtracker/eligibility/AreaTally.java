package fr.thdtracker.eligibility;

import java.util.Map;

/** Adds up the counts of one area, row by row, into its {@link AreaFigures}. */
final class AreaTally {

    private final String code;
    private final Map<SpeedClass, Long> byClass = SpeedClass.zeroCounts();
    private long total;
    private long fibre;
    private long copper30;
    private long copper8;

    AreaTally(String code) {
        this.code = code;
    }

    String code() {
        return code;
    }

    void add(EligibilityRepository.Count c) {
        byClass.merge(c.speedClass(), c.n(), Long::sum);
        total += c.n();
        if (c.fibre()) {
            fibre += c.n();
        } else if (c.speedClass().compareTo(SpeedClass.FROM_30) >= 0) {
            copper30 += c.n();
        } else if (c.speedClass().compareTo(SpeedClass.FROM_8) >= 0) {
            copper8 += c.n();
        }
    }

    AreaFigures figures(String name, CommunePerimeter perimeter) {
        AreaFigures.Cumulative cumulative = new AreaFigures.Cumulative(atLeast(SpeedClass.FROM_3),
                atLeast(SpeedClass.FROM_8), atLeast(SpeedClass.FROM_30), atLeast(SpeedClass.FROM_100),
                atLeast(SpeedClass.FROM_1000), byClass.get(SpeedClass.INELIGIBLE));
        AreaFigures.BestTechnology best = new AreaFigures.BestTechnology(fibre, copper30, copper8,
                total - fibre - copper30 - copper8);
        double share = total == 0 ? 0 : Math.round(10000.0 * fibre / total) / 10000.0;
        return new AreaFigures(code, name, total, cumulative, byClass, best, share, perimeter);
    }

    private long atLeast(SpeedClass threshold) {
        long n = 0;
        for (SpeedClass c : SpeedClass.values()) {
            if (c.compareTo(threshold) >= 0) {
                n += byClass.get(c);
            }
        }
        return n;
    }
}
