package fr.thdtracker.eligibility;

import java.util.EnumMap;
import java.util.Map;

/**
 * Arcep eligibility classes ("Ma connexion internet", Plan France THD), from a line's best
 * downstream speed. Stored as the ordinal in the eligibility table.
 */
public enum SpeedClass {
    INELIGIBLE("inéligible", 0),
    BELOW_3("< 3 Mbit/s", 0),
    FROM_3("3–8 Mbit/s", 3),
    FROM_8("8–30 Mbit/s", 8),
    FROM_30("30–100 Mbit/s", 30),
    FROM_100("≥ 100 Mbit/s", 100),
    FROM_1000("≥ 1 Gbit/s", 1000);

    private final String label;
    private final double threshold;

    SpeedClass(String label, double threshold) {
        this.label = label;
        this.threshold = threshold;
    }

    public String label() {
        return label;
    }

    /** The lower bound of the class, in Mbit/s (the cumulative thresholds ≥3, ≥8, ≥30, ≥100, ≥1000). */
    public double threshold() {
        return threshold;
    }

    /** A count per class, every class at zero, in class order. */
    static Map<SpeedClass, Long> zeroCounts() {
        Map<SpeedClass, Long> counts = new EnumMap<>(SpeedClass.class);
        for (SpeedClass c : values()) {
            counts.put(c, 0L);
        }
        return counts;
    }

    public static SpeedClass of(Technology technology, double mbps) {
        if (technology == Technology.NONE) {
            return INELIGIBLE;
        }
        SpeedClass result = BELOW_3;
        for (SpeedClass c : values()) {
            if (c.threshold > 0 && mbps >= c.threshold) {
                result = c;
            }
        }
        return result;
    }
}
