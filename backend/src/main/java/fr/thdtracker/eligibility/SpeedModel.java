package fr.thdtracker.eligibility;

import java.util.List;

/**
 * Copper speed from line length (arrêté du 3 décembre 2013, annexe C): attenuation at 300 kHz is
 * the sum over cable sections of length × dB/km of the gauge, plus the connection loss; the
 * downstream range follows from the attenuation bracket. VDSL2 only where the equipment allows it
 * and within its attenuation limit; a copper-fed NRA-ZO offers ADSL only, capped.
 */
public final class SpeedModel {

    /** What a line can get: technology, downstream range in Mbit/s, Arcep class. */
    public record Offer(Technology technology, double minMbps, double maxMbps, SpeedClass speedClass) {
    }

    /** What feeds the copper: whether it may run VDSL2, and whether its backhaul is copper. */
    public record Equipment(boolean vdsl2, boolean copperBackhaul) {
    }

    private final EligibilityProperties p;

    public SpeedModel(EligibilityProperties properties) {
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
        if (equipment.vdsl2() && attenuationDb <= p.getVdsl2MaxAttenuationDb()) {
            return offer(Technology.VDSL2, bracket.getVdsl2Min(), bracket.getVdsl2Max());
        }
        return offer(Technology.ADSL2PLUS, bracket.getAdslMin(), bracket.getAdslMax());
    }

    public Offer ftth() {
        return offer(Technology.FTTH, p.getFtthMinMbps(), p.getFtthMaxMbps());
    }

    private Offer offer(Technology t, double min, double max) {
        double decisive = p.getClassifyBy() == EligibilityProperties.ClassifyBy.MAX ? max : min;
        return new Offer(t, min, max, t == Technology.NONE ? SpeedClass.INELIGIBLE : SpeedClass.of(t, decisive));
    }
}
