package fr.thdtracker.progress;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * When each unfinished deployment zone should be built, from its planned end and its contractor's
 * recent pace (docs/progress.md, "Forecast"). Plain arithmetic, without Spring or SQL.
 *
 * <ul>
 * <li>A contractor's pace is the lines it built over the recent window, per month. One that built
 * nothing in the window (just awarded, between two tranches) is given the mean pace of those that
 * did: no evidence either way, so neither zero nor its best month.</li>
 * <li>Its overdue zones (planned end before the date, or none planned) are what its crews are on:
 * they are caught up first, oldest planned end first, one after the other at its pace.</li>
 * <li>A zone still on schedule keeps its planned end if that pace, once the overdue lines are
 * caught up, still builds its remaining lines by then; otherwise it ends when that pace gets there.
 * The planned ends already spread the contractor's zones over time, so its on-schedule zones are
 * not queued behind each other: that would turn every ramp-up into a decade-long delay.</li>
 * <li>Without any pace at all (nothing built anywhere in the window), an on-schedule zone keeps
 * its plan and an overdue one has no forecast.</li>
 * </ul>
 */
final class ZoneForecasts {

    static final double DAYS_PER_MONTH = 30.44;

    /**
     * Below this share of its remaining lines, what a contractor built in the window is a first
     * delivery, not a pace: on 1 January 2021 a tranche-2 contractor that had handed over one PM area
     * (8 lines of its 900 in the test demo) would otherwise be forecast to finish in the 2030s.
     */
    static final double MIN_EVIDENCE_SHARE = 0.02;

    /**
     * One zone on the date.
     *
     * @param contractor    null while no contract is awarded (then its own "contractor" of no pace)
     * @param remaining     lines neither built nor abandoned on the date
     * @param builtRecently lines built in the pace window
     */
    record Zone(String code, String contractor, LocalDate plannedEnd, long remaining, long builtRecently) {

        boolean overdue(LocalDate d) {
            return plannedEnd == null || plannedEnd.isBefore(d);
        }
    }

    private final Map<String, Optional<LocalDate>> byZone = new HashMap<>();
    private final Map<String, Double> paceByContractor = new HashMap<>();

    /** @param windowMonths the pace window, in months */
    ZoneForecasts(List<Zone> zones, LocalDate d, int windowMonths) {
        Map<String, List<Zone>> byContractor = new HashMap<>();
        for (Zone z : zones) {
            byContractor.computeIfAbsent(key(z.contractor()), k -> new ArrayList<>()).add(z);
        }
        byContractor.forEach((c, list) -> {
            long built = list.stream().mapToLong(Zone::builtRecently).sum();
            long remaining = list.stream().mapToLong(Zone::remaining).sum();
            paceByContractor.put(c, built < MIN_EVIDENCE_SHARE * remaining ? 0 : built / (double) windowMonths);
        });
        double mean = paceByContractor.values().stream().filter(v -> v > 0).mapToDouble(Double::doubleValue)
                .average().orElse(0);
        byContractor.forEach((c, list) -> {
            double pace = paceByContractor.get(c) > 0 ? paceByContractor.get(c) : mean;
            forecast(list, d, pace);
        });
    }

    private void forecast(List<Zone> zones, LocalDate d, double pace) {
        List<Zone> open = zones.stream().filter(z -> z.remaining() > 0)
                .sorted(Comparator.comparing(Zone::plannedEnd, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(Zone::code))
                .toList();
        long caughtUp = 0;
        for (Zone z : open) {
            if (z.overdue(d)) {
                caughtUp += z.remaining();
                byZone.put(z.code(), Optional.ofNullable(pace > 0 ? after(d, caughtUp, pace) : null));
            }
        }
        for (Zone z : open) {
            if (!z.overdue(d)) {
                LocalDate planned = z.plannedEnd();
                LocalDate atPace = pace > 0 ? after(d, caughtUp + z.remaining(), pace) : planned;
                byZone.put(z.code(), Optional.of(atPace.isAfter(planned) ? atPace : planned));
            }
        }
    }

    private static LocalDate after(LocalDate d, long lines, double perMonth) {
        return d.plusDays(Math.round(lines / perMonth * DAYS_PER_MONTH));
    }

    private static String key(String contractor) {
        return contractor == null ? "" : contractor;
    }

    /** Whether the zone has lines left to build (and so a forecast, possibly unknown). */
    boolean unfinished(String zone) {
        return byZone.containsKey(zone);
    }

    /** The zone's forecast completion; empty when it is finished or cannot be forecast. */
    Optional<LocalDate> of(String zone) {
        return byZone.getOrDefault(zone, Optional.empty());
    }

    /** The contractor's own pace over the window, lines per month (0 when it built nothing). */
    double pace(String contractor) {
        return paceByContractor.getOrDefault(key(contractor), 0.0);
    }
}
