package fr.thdtracker.eligibility;

import java.util.List;

/**
 * Copper speed from line length (arrêté du 3 décembre 2013, annexe C): attenuation at 300 kHz is
 * the sum over cable sections of length × dB/km of the gauge, plus the connection loss; the
 * downstream range follows from the attenuation bracket, and the Arcep class from the range's
 * typical speed, so each bracket has exactly one class per technology. VDSL2 only where the
 * equipment allows it and strictly below its attenuation limit; equipment fed by copper (an NRA-ZO
 * before its fibre backhaul) offers ADSL only, capped.
 */
public final class SpeedModel {

    /** What a line can get: technology, downstream range in Mbit/s, Arcep class. */
    public record Offer(Technology technology, double minMbps, double maxMbps, SpeedClass speedClass) {
    }

    /**
     * What feeds the copper: whether it runs VDSL2, whether its backhaul is copper today, and
     * whether it was fed by copper until a dated fibre backhaul (an NRA-ZO of the programme).
     */
    public record Equipment(boolean vdsl2, boolean copperBackhaul, boolean copperFedBefore) {

        public Equipment(boolean vdsl2, boolean copperBackhaul) {
            this(vdsl2, copperBackhaul, false);
        }
    }

    /**
     * A line's offers from one injection point over time, so that a date chooses between them:
     * as equipped today; before VDSL2 opened there (null unless VDSL2 today); while its equipment
     * was fed by copper (null unless it was, and the line is eligible at all).
     */
    public record DatedOffers(Offer asEquipped, Offer beforeVdsl2, Offer whileCopperFed) {
    }

    private static final Equipment ADSL_ONLY = new Equipment(false, false);
    private static final Equipment COPPER_FED = new Equipment(false, true);

    private final EligibilityProperties p;

    public SpeedModel(EligibilityProperties properties) {
        double position = properties.getTypicalSpeedPosition();
        if (!(position >= 0 && position <= 1)) {
            throw new IllegalArgumentException(
                    "thd.eligibility.typical-speed-position doit être entre 0 et 1 (reçu : " + position + ")");
        }
        this.p = properties;
    }

    public double attenuationDb(double lengthM) {
        double km = lengthM / 1000;
        double db = p.getConnectionLossDb();
        double from = 0;
        for (EligibilityProperties.CableSection s : p.getCableSections()) {
            double to = Math.min(km, s.getUpToKm());
            if (to > from) {
                db += (to - from) * s.getDbPerKm();
            }
            from = Math.max(from, s.getUpToKm());
            if (km <= from) {
                break;
            }
        }
        if (km > from) {
            List<EligibilityProperties.CableSection> sections = p.getCableSections();
            db += (km - from) * sections.get(sections.size() - 1).getDbPerKm();
        }
        return db;
    }

    public Offer copper(double attenuationDb, Equipment equipment) {
        EligibilityProperties.Bracket bracket = null;
        for (EligibilityProperties.Bracket b : p.getBrackets()) {
            if (attenuationDb <= b.getMaxAttenuationDb()) {
                bracket = b;
                break;
            }
        }
        if (bracket == null) {
            return offer(Technology.NONE, 0, 0);
        }
        if (equipment.copperBackhaul()) {
            double cap = p.getCopperFedCapMbps();
            return offer(Technology.ADSL2PLUS, Math.min(bracket.getAdslMin(), cap), Math.min(bracket.getAdslMax(), cap));
        }
        if (equipment.vdsl2() && attenuationDb < p.getVdsl2MaxAttenuationDb()) {
            return offer(Technology.VDSL2, bracket.getVdsl2Min(), bracket.getVdsl2Max());
        }
        return offer(Technology.ADSL2PLUS, bracket.getAdslMin(), bracket.getAdslMax());
    }

    /** The offers a date chooses between (see {@link DatedOffers}); the recompute stores all three. */
    public DatedOffers copperOverTime(double attenuationDb, Equipment equipment) {
        Offer now = copper(attenuationDb, equipment);
        Offer beforeVdsl2 = now.technology() == Technology.VDSL2 ? copper(attenuationDb, ADSL_ONLY) : null;
        Offer whileCopperFed = equipment.copperFedBefore() && !equipment.copperBackhaul()
                && now.technology() != Technology.NONE ? copper(attenuationDb, COPPER_FED) : null;
        return new DatedOffers(now, beforeVdsl2, whileCopperFed);
    }

    public Offer ftth() {
        return offer(Technology.FTTH, p.getFtthMinMbps(), p.getFtthMaxMbps());
    }

    /** The speed a range stands for: between its bounds, at the configured position. */
    public double typicalMbps(double minMbps, double maxMbps) {
        return minMbps + p.getTypicalSpeedPosition() * (maxMbps - minMbps);
    }

    private Offer offer(Technology t, double min, double max) {
        return new Offer(t, min, max, SpeedClass.of(t, typicalMbps(min, max)));
    }
}
