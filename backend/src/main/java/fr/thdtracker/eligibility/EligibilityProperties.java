package fr.thdtracker.eligibility;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Every coefficient of the eligibility model, as configuration (prefix {@code thd.eligibility}).
 * Defaults: arrêté du 3 décembre 2013, annexe C (attenuation per gauge, 1.5 dB of connections,
 * speed ranges per attenuation bracket), Arcep's VDSL2 rules, and programme choices documented in
 * docs/eligibility.md.
 */
@ConfigurationProperties("thd.eligibility")
public class EligibilityProperties {

    /** A run of cable of one gauge, up to a cumulative length from the injection point. */
    public static class CableSection {
        private double upToKm;
        private double dbPerKm;

        public CableSection() {
        }

        public CableSection(double upToKm, double dbPerKm) {
            this.upToKm = upToKm;
            this.dbPerKm = dbPerKm;
        }

        public double getUpToKm() {
            return upToKm;
        }

        public void setUpToKm(double upToKm) {
            this.upToKm = upToKm;
        }

        public double getDbPerKm() {
            return dbPerKm;
        }

        public void setDbPerKm(double dbPerKm) {
            this.dbPerKm = dbPerKm;
        }
    }

    /** One row of the arrêté's table: up to this attenuation, these downstream ranges (Mbit/s). */
    public static class Bracket {
        private double maxAttenuationDb;
        private double vdsl2Min;
        private double vdsl2Max;
        private double adslMin;
        private double adslMax;

        public Bracket() {
        }

        public Bracket(double maxAttenuationDb, double vdsl2Min, double vdsl2Max, double adslMin, double adslMax) {
            this.maxAttenuationDb = maxAttenuationDb;
            this.vdsl2Min = vdsl2Min;
            this.vdsl2Max = vdsl2Max;
            this.adslMin = adslMin;
            this.adslMax = adslMax;
        }

        public double getMaxAttenuationDb() {
            return maxAttenuationDb;
        }

        public void setMaxAttenuationDb(double v) {
            this.maxAttenuationDb = v;
        }

        public double getVdsl2Min() {
            return vdsl2Min;
        }

        public void setVdsl2Min(double v) {
            this.vdsl2Min = v;
        }

        public double getVdsl2Max() {
            return vdsl2Max;
        }

        public void setVdsl2Max(double v) {
            this.vdsl2Max = v;
        }

        public double getAdslMin() {
            return adslMin;
        }

        public void setAdslMin(double v) {
            this.adslMin = v;
        }

        public double getAdslMax() {
            return adslMax;
        }

        public void setAdslMax(double v) {
            this.adslMax = v;
        }
    }

    /**
     * Gauges from the injection point outwards: 0.4 mm (15 dB/km) for the first kilometre,
     * 0.5 mm (12.4) to 3 km, 0.6 mm (10.3) beyond — longer lines use thicker pairs.
     */
    private List<CableSection> cableSections = new ArrayList<>(List.of(
            new CableSection(1.0, 15.0), new CableSection(3.0, 12.4), new CableSection(1000.0, 10.3)));
    private double connectionLossDb = 1.5;
    private List<Bracket> brackets = new ArrayList<>(List.of(
            new Bracket(8, 20, 70, 12, 20),
            new Bracket(14, 15, 40, 10, 15),
            new Bracket(21, 8, 12, 8, 12),
            new Bracket(30, 4, 12, 4, 12),
            new Bracket(43, 2, 8, 2, 8),
            new Bracket(65, 0.25, 5, 0.25, 5),
            new Bracket(78, 0, 2, 0, 2)));
    /**
     * VDSL2 only strictly below this attenuation: its gain only exists up to about 1.5 km (Arcep,
     * 10 July 2014: 22-23 dB); at and beyond it, it equals ADSL2+.
     */
    private double vdsl2MaxAttenuationDb = 22;
    /** An NRA-ZO fed by copper offers ADSL only, capped at this speed. */
    private double copperFedCapMbps = 2;
    private double ftthMinMbps = 1000;
    private double ftthMaxMbps = 1000;
    /** Straight distance × this factor where a premise cannot be reached on the road graph. */
    private double detourFactor = 1.4;
    /** Copper lines longer than this along the roads are not searched (far beyond eligibility). */
    private double maxRoadDistanceM = 12_000;
    /** A premise further than this from any road is not snapped. */
    private double maxSnapDistanceM = 500;
    /**
     * Where a range's typical speed lies between its bounds, which decides its Arcep class: 0 the
     * lower bound, 1 the upper bound ("jusqu'à"), 0.5 the midpoint (default, docs/eligibility.md),
     * so that each bracket of the arrêté has exactly one class per technology.
     */
    private double typicalSpeedPosition = 0.5;

    public List<CableSection> getCableSections() {
        return cableSections;
    }

    public void setCableSections(List<CableSection> cableSections) {
        this.cableSections = cableSections;
    }

    public double getConnectionLossDb() {
        return connectionLossDb;
    }

    public void setConnectionLossDb(double connectionLossDb) {
        this.connectionLossDb = connectionLossDb;
    }

    public List<Bracket> getBrackets() {
        return brackets;
    }

    public void setBrackets(List<Bracket> brackets) {
        this.brackets = brackets;
    }

    public double getVdsl2MaxAttenuationDb() {
        return vdsl2MaxAttenuationDb;
    }

    public void setVdsl2MaxAttenuationDb(double v) {
        this.vdsl2MaxAttenuationDb = v;
    }

    public double getCopperFedCapMbps() {
        return copperFedCapMbps;
    }

    public void setCopperFedCapMbps(double v) {
        this.copperFedCapMbps = v;
    }

    public double getFtthMinMbps() {
        return ftthMinMbps;
    }

    public void setFtthMinMbps(double v) {
        this.ftthMinMbps = v;
    }

    public double getFtthMaxMbps() {
        return ftthMaxMbps;
    }

    public void setFtthMaxMbps(double v) {
        this.ftthMaxMbps = v;
    }

    public double getDetourFactor() {
        return detourFactor;
    }

    public void setDetourFactor(double detourFactor) {
        this.detourFactor = detourFactor;
    }

    public double getMaxRoadDistanceM() {
        return maxRoadDistanceM;
    }

    public void setMaxRoadDistanceM(double v) {
        this.maxRoadDistanceM = v;
    }

    public double getMaxSnapDistanceM() {
        return maxSnapDistanceM;
    }

    public void setMaxSnapDistanceM(double v) {
        this.maxSnapDistanceM = v;
    }

    public double getTypicalSpeedPosition() {
        return typicalSpeedPosition;
    }

    public void setTypicalSpeedPosition(double typicalSpeedPosition) {
        this.typicalSpeedPosition = typicalSpeedPosition;
    }
}
