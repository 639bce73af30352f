package fr.thdtracker.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.locationtech.jts.geom.Geometry;

/** PM areas and deployment zones of the demo, with their dates; premises point at their PM. */
final class RolloutPlan {

    static final class Pm {
        int id;
        String code;
        double x;
        double y;
        int lines;
        int communeIdx;
        TrancheSpec tranche;
        Zone zone;
        LocalDate worksStart;
        LocalDate madeAvailable;
        LocalDate planned;
        Geometry cell;
        /** In a commune the annual report names among tranche 2's first commercial openings. */
        boolean firstOpening;
    }

    static final class Zone {
        int id;
        String code;
        String name;
        String nroCode;
        TrancheSpec tranche;
        String department;
        int contractId;
        LocalDate cibleOn;
        final List<Pm> pms = new ArrayList<>();
    }

    final List<Pm> pms = new ArrayList<>();
    final List<Zone> zones = new ArrayList<>();
    /** For each premise, the index of its PM in {@link #pms}; {@link #NO_PM} in a private town. */
    int[] premisePm;
    /**
     * Per commune index, for the private towns only: when the private operator's network made its
     * premises connectable (from, to); null in the public perimeter.
     */
    LocalDate[] privateFrom;
    LocalDate[] privateTo;

    static final int NO_PM = -1;

    /** The PM of premise i, or null when the premise is in a private town. */
    Pm pmOf(int i) {
        return premisePm[i] == NO_PM ? null : pms.get(premisePm[i]);
    }
}
