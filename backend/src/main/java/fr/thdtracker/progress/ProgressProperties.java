package fr.thdtracker.progress;

import java.time.LocalDate;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The programme manager's rules of the progress figures (prefix {@code thd.progress}), in one place
 * for the API, the dashboard and the Excel report.
 *
 * @param lateBuiltShare   a zone past its planned end is late while fewer than this share of its
 *                         lines are built (0.95: the last few lines of a zone — refusals, access,
 *                         permits — are not a late zone); 1 means "until every line is built"
 * @param paceWindowMonths the recent window over which a contractor's pace (lines built per month)
 *                         is measured for the forecasts
 */
@ConfigurationProperties("thd.progress")
record ProgressProperties(@DefaultValue("0.95") double lateBuiltShare, @DefaultValue("6") int paceWindowMonths) {

    ProgressProperties {
        if (!(lateBuiltShare > 0 && lateBuiltShare <= 1)) {
            throw new IllegalArgumentException("thd.progress.late-built-share : une part dans ]0, 1], reçu " + lateBuiltShare);
        }
        if (paceWindowMonths < 1 || paceWindowMonths > 36) {
            throw new IllegalArgumentException("thd.progress.pace-window-months : de 1 à 36 mois, reçu " + paceWindowMonths);
        }
    }

    /**
     * The one rule of a late zone: its planned end of works is before {@code d} and fewer than
     * {@link #lateBuiltShare} of its lines (not abandoned on d) are built on d.
     */
    boolean late(LocalDate plannedEnd, long lines, long built, LocalDate d) {
        // built / lines is correctly rounded, so 19 of 20 lines is exactly 0.95 and not late at 0.95
        return plannedEnd != null && plannedEnd.isBefore(d) && lines > 0 && (double) built / lines < lateBuiltShare;
    }
}
