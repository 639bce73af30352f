package fr.thdtracker.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Exchanges, sub-distributors and upgrade operations of the demo's copper network. */
final class CopperPlan {

    static final class Exchange {
        int id;
        String code;
        String name;
        String type;
        String insee;
        boolean vdsl2;
        /** VDSL2 offered from this date (null without VDSL2, or for a cabinet not in service: from commissioning). */
        LocalDate vdsl2From;
        String backhaul;
        /** Fed by copper until this date (an NRA-ZO given fibre by the programme); null: always fibre. */
        LocalDate fibreBackhaulFrom;
        Integer parentId;
        double x;
        double y;
    }

    static final class SubDistributor {
        int id;
        String code;
        int exchangeIdx;
        double x;
        double y;
        int lines;
        double distanceToExchange;
        String insee;
    }

    static final class Operation {
        int id;
        String code;
        String kind;
        String programme;
        Integer lot;
        SubDistributor sr;
        Exchange cabinet;
        String status;
        LocalDate plannedOn;
        LocalDate commissionedOn;
    }

    final List<Exchange> exchanges = new ArrayList<>();
    final List<SubDistributor> subDistributors = new ArrayList<>();
    final List<Operation> operations = new ArrayList<>();
    /** For each premise, the index of its sub-distributor. */
    int[] premiseSr;
}
