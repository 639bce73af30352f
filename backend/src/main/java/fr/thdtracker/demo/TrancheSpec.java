package fr.thdtracker.demo;

import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * The programme as the demo reproduces it (Mégalis Bretagne, annual report 2020): each tranche's
 * share of the 1.3 million lines and when its PM areas are made available. Calibrated so that on
 * 1 January 2021 tranche 1 is built (~70,000 lines), tranche 2 is in works with its first openings,
 * 74,000 lines are open for sale, Phase 2 is in works and Phase 3 is planned.
 */
enum TrancheSpec {
    P1T1(1, 1, "Phase 1 – tranche 1", LocalDate.of(2014, 9, 1), LocalDate.of(2018, 12, 31), 70_000),
    P1T2(2, 1, "Phase 1 – tranche 2", LocalDate.of(2017, 1, 1), LocalDate.of(2020, 12, 31), 170_000),
    P2(3, 2, "Phase 2", LocalDate.of(2019, 6, 1), LocalDate.of(2022, 12, 31), 400_000),
    P3(4, 3, "Phase 3", LocalDate.of(2021, 1, 1), LocalDate.of(2026, 12, 31), 660_000);

    final int id;
    final int phaseId;
    final String label;
    final LocalDate start;
    final LocalDate targetEnd;
    final long fullScaleLines;

    TrancheSpec(int id, int phaseId, String label, LocalDate start, LocalDate targetEnd, long fullScaleLines) {
        this.id = id;
        this.phaseId = phaseId;
        this.label = label;
        this.start = start;
        this.targetEnd = targetEnd;
        this.fullScaleLines = fullScaleLines;
    }

    double share() {
        return fullScaleLines / (double) DemoSettings.FULL_SCALE_LINES;
    }

    /**
     * When a PM area is made available to operators (DEPLOYE), from its position {@code q} in [0, 1]
     * in the tranche's delivery order (cumulative share of the tranche's lines): using the position
     * rather than a random draw makes the tranche's figures on any date exact at every scale.
     */
    LocalDate madeAvailable(double q, SplittableRandom rnd) {
        LocalDate date = switch (this) {
            case P1T1 -> along(q, LocalDate.of(2016, 1, 15), LocalDate.of(2019, 10, 31));
            // first openings of tranche 2 in 2020 (Kerfot, Paimpol, Guipel…), the bulk in 2021-2022
            case P1T2 -> q < 0.025 ? along(q / 0.025, LocalDate.of(2020, 4, 15), LocalDate.of(2020, 8, 31))
                    : q < 0.06 ? along((q - 0.025) / 0.035, LocalDate.of(2020, 10, 5), LocalDate.of(2020, 12, 20))
                    : along((q - 0.06) / 0.94, LocalDate.of(2021, 1, 15), LocalDate.of(2022, 9, 30));
            case P2 -> along(q, LocalDate.of(2021, 3, 1), LocalDate.of(2024, 6, 30));
            case P3 -> along(q, LocalDate.of(2022, 3, 1), LocalDate.of(2027, 6, 30));
        };
        return date.plusDays(rnd.nextInt(5));
    }

    /** When works start on a PM area delivered on {@code madeAvailable}. */
    LocalDate worksStart(LocalDate madeAvailable, SplittableRandom rnd) {
        LocalDate usual = madeAvailable.minusDays(180 + rnd.nextInt(240));
        if (this == P1T2) {
            // the whole tranche was in works by the end of 2020, delivered slowly (labour and fibre shortages)
            LocalDate early = between(rnd, LocalDate.of(2019, 3, 1), LocalDate.of(2020, 12, 15));
            return early.isBefore(usual) ? early : usual;
        }
        return usual;
    }

    private static LocalDate along(double q, LocalDate from, LocalDate to) {
        double clamped = Math.max(0, Math.min(1, q));
        return from.plusDays(Math.round(clamped * (to.toEpochDay() - from.toEpochDay())));
    }

    /** How much later than planned a PM area was actually delivered (labour and fibre shortages). */
    int delayDays(SplittableRandom rnd) {
        return switch (this) {
            case P1T1 -> rnd.nextInt(60);
            case P1T2, P2 -> rnd.nextInt(300);
            case P3 -> rnd.nextInt(120);
        };
    }

    static LocalDate between(SplittableRandom rnd, LocalDate from, LocalDate to) {
        return from.plusDays(rnd.nextLong(to.toEpochDay() - from.toEpochDay() + 1));
    }
}
