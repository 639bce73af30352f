package fr.thdtracker.progress;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * Where one group (a phase, a tranche, a commune…) stands on a date: one element of
 * {@code /api/progress} groups, one row of the report's detail sheets.
 *
 * @param takeUpRate         subscribed / open for sale; null while nothing is open
 * @param forecastCompletion the latest forecast of the zones holding its remaining lines: a zone's
 *                           planned end, or later when its contractor's recent pace cannot make it
 *                           (docs/progress.md); null when nothing remains, or when a zone of those
 *                           lines cannot be forecast (overdue, and nothing built anywhere lately)
 * @param target             only phases and tranches have a target date; null elsewhere, and then
 *                           its two fields are left out of the JSON rather than written as null
 */
record GroupProgress(String code, String name, long targeted, long inStudy, long inWorks, long built,
                     long openForSale, long subscribed, long abandoned, Double takeUpRate, BuiltPerMonth builtPerMonth,
                     long remaining, boolean completed, LocalDate forecastCompletion, @JsonUnwrapped Target target) {

    /** Premises built per month on average over the last 3, 6 and 12 months. */
    record BuiltPerMonth(double last3Months, double last6Months, double last12Months) {
    }

    /** @param forecastDelayDays days the forecast completion passes the target; null without a forecast */
    record Target(LocalDate targetDate, Long forecastDelayDays) {
    }

    /** The target date, or null when the group has none. */
    LocalDate targetDate() {
        return target == null ? null : target.targetDate();
    }

    Long forecastDelayDays() {
        return target == null ? null : target.forecastDelayDays();
    }
}
