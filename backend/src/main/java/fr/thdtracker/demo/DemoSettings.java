package fr.thdtracker.demo;

import java.time.LocalDate;

/**
 * What makes a demo data set: the seed (same seed, same data), the scale (1.0 = the programme's
 * 1.3 million lines) and the date the data is "as of" (its refresh date), fixed so the demo never
 * depends on when it is generated.
 */
public record DemoSettings(long seed, double scale, LocalDate dataDate) {

    public static final long FULL_SCALE_LINES = 1_300_000;
    public static final LocalDate DEFAULT_DATA_DATE = LocalDate.of(2026, 10, 31);

    public DemoSettings {
        if (!(scale > 0 && scale <= 1.0)) {
            throw new IllegalArgumentException("L'échelle de la démo doit être dans ]0, 1] : " + scale);
        }
    }

    public long targetLines() {
        return Math.round(FULL_SCALE_LINES * scale);
    }
}
