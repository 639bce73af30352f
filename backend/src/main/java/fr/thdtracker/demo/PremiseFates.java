package fr.thdtracker.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

import org.apache.commons.csv.CSVRecord;

/**
 * What happens to each building over time (its lines share it) and to each line's subscription: targeted, signed (blocks of flats), in works, then
 * connectable when its PM area is made available (2 % only on demand), a few abandoned; opening for
 * sale three months later; subscription with an operator present on the network at that date.
 * Take-up is calibrated so that 43 % of the lines open on 1 January 2021 were subscribed then. The
 * premises of private towns follow their operator's network instead ({@link #privateFate}).
 */
final class PremiseFates {

    static final LocalDate REFERENCE_DATE = LocalDate.of(2021, 1, 1);
    static final double TAKE_UP_AT_REFERENCE = 0.43;
    static final double EVENTUAL_TAKE_UP = 0.85;
    static final double ON_DEMAND_SHARE = 0.02;
    static final double ABANDONED_SHARE = 0.004;
    static final int NOTICE_DAYS = 90;
    /** Premises of a private town not yet connectable on the data date (refusals, new buildings). */
    static final double PRIVATE_NOT_YET_SHARE = 0.03;
    private static final int NONE = Integer.MIN_VALUE;

    record Operator(int id, String code, LocalDate arrivedOn, double weight) {
    }

    /** False for a premise of a private town: none of the programme's figures or calibrations count it. */
    final boolean[] inProgramme;
    final int[] cible;
    final int[] signe;
    final int[] works;
    final int[] connectable;
    final boolean[] onDemand;
    final int[] abandoned;
    final int[] opening;
    final int[] subscribed;
    final byte[] operator;
    final List<Operator> operators;
    final double takeUpTimeConstantDays;

    PremiseFates(PremiseTable premises, RolloutPlan plan, DemoSettings settings, List<Operator> operators) {
        int n = premises.size;
        this.operators = operators;
        cible = new int[n];
        signe = new int[n];
        works = new int[n];
        connectable = new int[n];
        onDemand = new boolean[n];
        abandoned = new int[n];
        opening = new int[n];
        subscribed = new int[n];
        operator = new byte[n];
        inProgramme = new boolean[n];
        long dataDay = settings.dataDate().toEpochDay();
        for (int i = 0; i < n; i++) {
            SplittableRandom rnd = new SplittableRandom(settings.seed() * 0x9E3779B97F4A7C15L + i);
            if (!premises.startsBuilding(i)) {
                // state and dates follow the building, as in IPE files: its first line's draw
                int first = i - 1;
                cible[i] = cible[first];
                works[i] = works[first];
                signe[i] = signe[first];
                connectable[i] = connectable[first];
                onDemand[i] = onDemand[first];
                abandoned[i] = abandoned[first];
                opening[i] = opening[first];
                inProgramme[i] = inProgramme[first];
                subscribed[i] = NONE;
                continue;
            }
            RolloutPlan.Pm pm = plan.pmOf(i);
            if (pm == null) {
                privateFate(i, plan.privateFrom[premises.commune[i]], plan.privateTo[premises.commune[i]], dataDay, rnd);
                continue;
            }
            inProgramme[i] = true;
            cible[i] = (int) pm.zone.cibleOn.toEpochDay();
            works[i] = (int) pm.worksStart.toEpochDay();
            signe[i] = premises.immeuble[i] ? Math.max(cible[i] + 1, works[i] - 30 - rnd.nextInt(90)) : NONE;
            connectable[i] = (int) pm.madeAvailable.toEpochDay();
            onDemand[i] = rnd.nextDouble() < ON_DEMAND_SHARE;
            abandoned[i] = NONE;
            if (rnd.nextDouble() < ABANDONED_SHARE) {
                int day = cible[i] + 60 + rnd.nextInt(2000);
                if (day <= dataDay && day < connectable[i]) {
                    abandoned[i] = day;
                }
            }
            opening[i] = abandoned[i] == NONE ? connectable[i] + NOTICE_DAYS + rnd.nextInt(31) : NONE;
            subscribed[i] = NONE;
        }
        takeUpTimeConstantDays = calibrateTakeUp();
        for (int i = 0; i < n; i++) {
            if (!inProgramme[i] || opening[i] == NONE || connectable[i] > dataDay) {
                continue;
            }
            SplittableRandom rnd = new SplittableRandom(settings.seed() * 0xBF58476D1CE4E5B9L + i);
            if (rnd.nextDouble() >= EVENTUAL_TAKE_UP) {
                continue;
            }
            int delay = (int) Math.round(-takeUpTimeConstantDays * Math.log(1 - rnd.nextDouble()));
            int day = availableFrom(opening[i]) + delay;
            if (day <= dataDay) {
                subscribed[i] = day;
                operator[i] = (byte) chooseOperator(day, rnd);
            }
        }
    }

    /**
     * A premise of a private town: targeted when its operator's deployment starts, connectable on a
     * day of that deployment (without works of ours, so never EN_COURS here), a few still waiting on
     * the data date; open for sale after the notice period. Its subscriptions are the private
     * network's business: none is recorded.
     */
    private void privateFate(int i, LocalDate from, LocalDate to, long dataDay, SplittableRandom rnd) {
        cible[i] = (int) from.toEpochDay();
        signe[i] = NONE;
        boolean waiting = rnd.nextDouble() < PRIVATE_NOT_YET_SHARE;
        connectable[i] = waiting ? (int) dataDay + 1 + rnd.nextInt(3 * 365)
                : (int) (from.toEpochDay() + rnd.nextLong(to.toEpochDay() - from.toEpochDay() + 1));
        works[i] = connectable[i];
        onDemand[i] = rnd.nextDouble() < ON_DEMAND_SHARE;
        abandoned[i] = NONE;
        opening[i] = connectable[i] + NOTICE_DAYS + rnd.nextInt(31);
        subscribed[i] = NONE;
    }

    boolean isSubscribed(int i) {
        return subscribed[i] != NONE;
    }

    boolean isAbandoned(int i) {
        return abandoned[i] != NONE;
    }

    boolean hasSigne(int i) {
        return signe[i] != NONE;
    }

    private int availableFrom(int openingDay) {
        int firstOperator = (int) operators.stream().filter(o -> o.weight() >= 1)
                .mapToLong(o -> o.arrivedOn().toEpochDay()).min().orElse(openingDay);
        return Math.max(openingDay, firstOperator);
    }

    /** Bisection on the time constant so the expected take-up on the reference date is 43 %. */
    private double calibrateTakeUp() {
        int ref = (int) REFERENCE_DATE.toEpochDay();
        int count = 0;
        int[] waited = new int[opening.length];
        for (int i = 0; i < opening.length; i++) {
            if (inProgramme[i] && opening[i] != NONE && opening[i] <= ref) {
                waited[count++] = Math.max(0, ref - availableFrom(opening[i]));
            }
        }
        if (count == 0) {
            return 700;
        }
        double lo = 10;
        double hi = 50_000;
        for (int iter = 0; iter < 60; iter++) {
            double tau = Math.sqrt(lo * hi);
            double sum = 0;
            for (int k = 0; k < count; k++) {
                sum += 1 - Math.exp(-waited[k] / tau);
            }
            double expected = EVENTUAL_TAKE_UP * sum / count;
            if (expected > TAKE_UP_AT_REFERENCE) {
                lo = tau;
            } else {
                hi = tau;
            }
        }
        return Math.sqrt(lo * hi);
    }

    private int chooseOperator(int day, SplittableRandom rnd) {
        double total = 0;
        for (Operator o : operators) {
            if (o.arrivedOn().toEpochDay() <= day) {
                total += o.weight();
            }
        }
        double u = rnd.nextDouble() * total;
        Operator last = null;
        for (Operator o : operators) {
            if (o.arrivedOn().toEpochDay() <= day) {
                last = o;
                u -= o.weight();
                if (u < 0) {
                    return operators.indexOf(o);
                }
            }
        }
        return operators.indexOf(last);
    }

    static List<Operator> operatorsFromResources() {
        List<CSVRecord> rows = DemoResources.csv("operators.csv");
        java.util.ArrayList<Operator> list = new java.util.ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            CSVRecord r = rows.get(i);
            list.add(new Operator(i + 1, r.get("arcep_code"), LocalDate.parse(r.get("arrived_on")),
                    Double.parseDouble(r.get("retail_weight"))));
        }
        return list;
    }
}
