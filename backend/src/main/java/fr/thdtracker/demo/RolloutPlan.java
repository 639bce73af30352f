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
    /** For each premise, the index of its PM in {@link #pms}. */
    int[] premisePm;
}
