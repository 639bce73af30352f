package fr.thdtracker.progress;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.thdtracker.common.AreaLevel;

/**
 * The figures of every level of the report, computed together, and the late zones of its scope; a
 * level without premises has no groups.
 */
record ProgressByLevel(Map<AreaLevel, List<GroupProgress>> byLevel, List<LateZone> lateZones) {

    List<GroupProgress> of(AreaLevel level) {
        return byLevel.getOrDefault(level, List.of());
    }

    /** The whole scope in one group; empty when it holds no premises. */
    Optional<GroupProgress> total() {
        return of(AreaLevel.REGION).stream().findFirst();
    }
}
