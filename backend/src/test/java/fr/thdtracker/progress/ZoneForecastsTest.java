package fr.thdtracker.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The forecast and late-zone rules on hand-made zones, where each date can be worked out by hand. */
class ZoneForecastsTest {

    private static final LocalDate D = LocalDate.of(2021, 1, 1);
    private static final int WINDOW = 6;

    private static ZoneForecasts.Zone zone(String code, String contractor, String plannedEnd, long remaining,
                                           long builtRecently) {
        return new ZoneForecasts.Zone(code, contractor, plannedEnd == null ? null : LocalDate.parse(plannedEnd),
                remaining, builtRecently);
    }

    /** d + lines / pace months, as the docs state it. */
    private static LocalDate atPace(long lines, double perMonth) {
        return D.plusDays(Math.round(lines / perMonth * ZoneForecasts.DAYS_PER_MONTH));
    }

    @Test
    void aZoneThePaceCanFinishKeepsItsPlanAndOneItCannotSlips() {
        // A built 60 lines in 6 months: 10 a month
        ZoneForecasts f = new ZoneForecasts(List.of(
                zone("done", "A", "2020-06-30", 0, 60),
                zone("easy", "A", "2021-12-31", 50, 0),
                zone("tight", "A", "2021-03-01", 40, 0)), D, WINDOW);
        assertThat(f.pace("A")).isEqualTo(10.0);
        assertThat(f.of("easy")).contains(LocalDate.of(2021, 12, 31));
        // 40 lines at 10 a month need 4 months, the plan gives 2
        assertThat(f.of("tight")).contains(atPace(40, 10));
        assertThat(f.unfinished("done")).isFalse();
        assertThat(f.of("done")).isEmpty();
    }

    @Test
    void overdueZonesAreCaughtUpOldestFirstBeforeTheRest() {
        ZoneForecasts f = new ZoneForecasts(List.of(
                zone("z-old", "A", "2020-06-30", 20, 30),
                zone("z-older", "A", "2020-03-31", 10, 30),
                zone("z-unplanned", "A", null, 5, 0),
                zone("z-next", "A", "2021-02-15", 10, 0)), D, WINDOW);
        // 10 a month: the older zone first (1 month), then the old one (3), then the one without a plan
        assertThat(f.of("z-older")).contains(atPace(10, 10));
        assertThat(f.of("z-old")).contains(atPace(30, 10));
        assertThat(f.of("z-unplanned")).contains(atPace(35, 10));
        // the next zone waits for the 35 overdue lines: its plan cannot hold
        assertThat(f.of("z-next")).contains(atPace(45, 10));
    }

    @Test
    void aContractorWithoutARecentPaceIsGivenTheMeanOfTheOthers() {
        ZoneForecasts f = new ZoneForecasts(List.of(
                zone("a", "A", "2020-12-01", 0, 60),
                zone("b", "B", "2020-12-01", 0, 180),
                zone("new", "C", "2020-11-30", 40, 0),
                zone("planned", "C", "2023-01-01", 40, 0),
                zone("unawarded", null, "2020-10-01", 20, 0)), D, WINDOW);
        assertThat(f.pace("C")).isZero();
        // A: 10 a month, B: 30 a month, so C and the unawarded zone work at 20
        assertThat(f.of("new")).contains(atPace(40, 20));
        assertThat(f.of("planned")).contains(LocalDate.of(2023, 1, 1));
        assertThat(f.of("unawarded")).contains(atPace(20, 20));
    }

    @Test
    void aFirstDeliveryIsNotYetAPace() {
        ZoneForecasts f = new ZoneForecasts(List.of(
                zone("a", "A", "2020-12-01", 100, 120),
                // C handed over 8 lines of the 900 it has left: under 2 %, a ramp-up, not its pace
                zone("ramping", "C", "2020-11-30", 300, 8),
                zone("c-later", "C", "2022-06-30", 600, 0)), D, WINDOW);
        assertThat(f.pace("C")).isZero();
        assertThat(f.of("ramping")).contains(atPace(300, 20));
        // at 1.3 lines a month it would have read 2039
        assertThat(f.of("ramping").orElseThrow()).isBefore(LocalDate.of(2023, 1, 1));
        // 18 of 900 is 2 %: a pace, however slow
        ZoneForecasts slow = new ZoneForecasts(List.of(
                zone("a", "A", "2020-12-01", 100, 120),
                zone("slow", "C", "2020-11-30", 900, 18)), D, WINDOW);
        assertThat(slow.pace("C")).isEqualTo(3.0);
    }

    @Test
    void withNothingBuiltAnywhereOnlyThePlansRemain() {
        ZoneForecasts f = new ZoneForecasts(List.of(
                zone("future", "A", "2024-06-30", 100, 0),
                zone("overdue", "A", "2020-06-30", 100, 0)), D, WINDOW);
        assertThat(f.of("future")).contains(LocalDate.of(2024, 6, 30));
        assertThat(f.unfinished("overdue")).isTrue();
        assertThat(f.of("overdue")).isEmpty();
    }

    @Test
    void aZoneIsLateWhenItsEndIsPastAndTooFewOfItsLinesAreBuilt() {
        ProgressProperties rules = new ProgressProperties(0.95, 6);
        LocalDate end = LocalDate.of(2020, 12, 31);
        assertThat(rules.late(end, 20, 18, D)).isTrue();
        // exactly 95 % built is not "fewer than 95 %"
        assertThat(rules.late(end, 20, 19, D)).isFalse();
        assertThat(rules.late(D, 20, 0, D)).as("due today is not yet late").isFalse();
        assertThat(rules.late(null, 20, 0, D)).as("no plan, no lateness").isFalse();
        assertThat(rules.late(end, 0, 0, D)).as("every line abandoned").isFalse();
        assertThat(new ProgressProperties(1, 6).late(end, 20, 19, D)).isTrue();
    }

    @Test
    void theRulesAreConfigurationWithTheirDefaultsAndBounds() {
        ProgressProperties defaults = new Binder(new MapConfigurationPropertySource(Map.of("thd.progress.unrelated", "x")))
                .bindOrCreate("thd.progress", ProgressProperties.class);
        assertThat(defaults).isEqualTo(new ProgressProperties(0.95, 6));
        ProgressProperties set = new Binder(new MapConfigurationPropertySource(Map.of(
                "thd.progress.late-built-share", "0.9", "thd.progress.pace-window-months", "3")))
                .bind("thd.progress", ProgressProperties.class).get();
        assertThat(set).isEqualTo(new ProgressProperties(0.9, 3));
        assertThatThrownBy(() -> new ProgressProperties(1.5, 6)).hasMessageContaining("late-built-share");
        assertThatThrownBy(() -> new ProgressProperties(0.95, 0)).hasMessageContaining("pace-window-months");
    }
}
