package fr.thdtracker.eligibility;

import java.time.LocalDate;

/** Every eligibility answer is "as of" a date: the one asked for, today when none is. */
final class AsOf {

    private AsOf() {
    }

    static LocalDate orToday(LocalDate asOf) {
        return asOf != null ? asOf : LocalDate.now();
    }
}
