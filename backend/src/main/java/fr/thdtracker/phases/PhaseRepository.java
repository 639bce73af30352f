package fr.thdtracker.phases;

import java.sql.Date;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import fr.thdtracker.premises.PremiseState;

@Repository
class PhaseRepository {

    private static final String TRANCHE_COUNTS = """
            WITH per_tranche AS (
                -- lines, summed from their buildings (whose state they share)
                SELECT zp.tranche_id, bd.state, sum(bd.lines) AS n
                FROM building bd
                JOIN pm_zone_programme zp ON zp.pm_zone_id = bd.pm_zone_id
                GROUP BY zp.tranche_id, bd.state
            ), zones AS (
                SELECT tranche_id, count(*) AS n FROM deployment_zone GROUP BY tranche_id
            )
            SELECT p.id AS phase_id, p.code AS phase_code, p.name AS phase_name, p.target_end_date AS phase_end,
                   t.code, t.name, t.start_date, t.target_end_date, coalesce(zones.n, 0) AS zones,
                   pt.state, coalesce(pt.n, 0) AS n
            FROM phase p
            JOIN tranche t ON t.phase_id = p.id
            LEFT JOIN zones ON zones.tranche_id = t.id
            LEFT JOIN per_tranche pt ON pt.tranche_id = t.id
            ORDER BY p.id, t.id, pt.state
            """;

    private final JdbcClient jdbc;

    PhaseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<PhaseSummary> summaries() {
        Map<Integer, PhaseBuilder> phases = new LinkedHashMap<>();
        jdbc.sql(TRANCHE_COUNTS).query(rs -> {
            int phaseId = rs.getInt("phase_id");
            String phaseCode = rs.getString("phase_code");
            String phaseName = rs.getString("phase_name");
            Date phaseEnd = rs.getDate("phase_end");
            PhaseBuilder phase = phases.computeIfAbsent(phaseId,
                    id -> new PhaseBuilder(id, phaseCode, phaseName, phaseEnd));
            TrancheBuilder tranche = phase.tranche(rs.getString("code"), rs.getString("name"),
                    rs.getDate("start_date"), rs.getDate("target_end_date"), rs.getInt("zones"));
            String state = rs.getString("state");
            if (state != null) {
                tranche.byState.merge(state, rs.getLong("n"), Long::sum);
            }
        });
        return phases.values().stream().map(PhaseBuilder::build).toList();
    }

    private static Map<String, Long> emptyCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (PremiseState s : PremiseState.values()) {
            counts.put(s.name(), 0L);
        }
        return counts;
    }

    private static final class PhaseBuilder {
        final int id;
        final String code;
        final String name;
        final Date end;
        final Map<String, TrancheBuilder> tranches = new LinkedHashMap<>();

        PhaseBuilder(int id, String code, String name, Date end) {
            this.id = id;
            this.code = code;
            this.name = name;
            this.end = end;
        }

        TrancheBuilder tranche(String code, String name, Date start, Date end, int zones) {
            return tranches.computeIfAbsent(code, c -> new TrancheBuilder(c, name, start, end, zones));
        }

        PhaseSummary build() {
            Map<String, Long> byState = emptyCounts();
            List<PhaseSummary.TrancheSummary> list = new ArrayList<>();
            for (TrancheBuilder t : tranches.values()) {
                t.byState.forEach((k, v) -> byState.merge(k, v, Long::sum));
                list.add(t.build());
            }
            long lines = byState.values().stream().mapToLong(Long::longValue).sum();
            return new PhaseSummary(id, code, name, end.toLocalDate(), lines, byState, list);
        }
    }

    private static final class TrancheBuilder {
        final String code;
        final String name;
        final Date start;
        final Date end;
        final int zones;
        final Map<String, Long> byState = emptyCounts();

        TrancheBuilder(String code, String name, Date start, Date end, int zones) {
            this.code = code;
            this.name = name;
            this.start = start;
            this.end = end;
            this.zones = zones;
        }

        PhaseSummary.TrancheSummary build() {
            long lines = byState.values().stream().mapToLong(Long::longValue).sum();
            return new PhaseSummary.TrancheSummary(code, name, start.toLocalDate(), end.toLocalDate(), zones,
                    lines, byState);
        }
    }
}
