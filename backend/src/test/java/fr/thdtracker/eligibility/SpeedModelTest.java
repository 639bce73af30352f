package fr.thdtracker.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The arrêté du 3 décembre 2013 (annexe C), bracket edge by bracket edge. */
class SpeedModelTest {

    private final SpeedModel model = new SpeedModel(new EligibilityProperties());
    private static final SpeedModel.Equipment NRA_VDSL2 = new SpeedModel.Equipment(true, false);
    private static final SpeedModel.Equipment NRA_ADSL_ONLY = new SpeedModel.Equipment(false, false);
    private static final SpeedModel.Equipment ZO_COPPER_FED = new SpeedModel.Equipment(false, true);

    @ParameterizedTest(name = "{0} dB → VDSL2 equipment: {1} {2}–{3}")
    @CsvSource({
            // attenuation, technology on a VDSL2-capable NRA, min, max, class
            "0,     VDSL2,     20,   70, FROM_30",
            "8,     VDSL2,     20,   70, FROM_30",
            "8.01,  VDSL2,     15,   40, FROM_30",
            "14,    VDSL2,     15,   40, FROM_30",
            "14.01, VDSL2,      8,   12, FROM_8",
            "21,    VDSL2,      8,   12, FROM_8",
            "21.01, VDSL2,      4,   12, FROM_8",
            "22,    VDSL2,      4,   12, FROM_8",
            // beyond VDSL2's useful reach (22 dB) it equals ADSL2+
            "22.01, ADSL2PLUS,  4,   12, FROM_8",
            "30,    ADSL2PLUS,  4,   12, FROM_8",
            "30.01, ADSL2PLUS,  2,    8, FROM_8",
            "43,    ADSL2PLUS,  2,    8, FROM_8",
            "43.01, ADSL2PLUS,  0.25, 5, FROM_3",
            "65,    ADSL2PLUS,  0.25, 5, FROM_3",
            "65.01, ADSL2PLUS,  0,    2, BELOW_3",
            "78,    ADSL2PLUS,  0,    2, BELOW_3",
            "78.01, NONE,       0,    0, INELIGIBLE",
            "120,   NONE,       0,    0, INELIGIBLE"})
    void vdsl2CapableExchange(double db, Technology tech, double min, double max, SpeedClass cls) {
        SpeedModel.Offer offer = model.copper(db, NRA_VDSL2);
        assertThat(offer.technology()).isEqualTo(tech);
        assertThat(offer.minMbps()).isEqualTo(min);
        assertThat(offer.maxMbps()).isEqualTo(max);
        assertThat(offer.speedClass()).isEqualTo(cls);
    }

    @ParameterizedTest(name = "{0} dB → ADSL2+ {1}–{2}")
    @CsvSource({
            "0,     12,   20",
            "8,     12,   20",
            "8.01,  10,   15",
            "14,    10,   15",
            "14.01,  8,   12",
            "21,     8,   12",
            "21.01,  4,   12",
            "30,     4,   12",
            "43,     2,    8",
            "65,     0.25, 5",
            "78,     0,    2"})
    void adslOnlyExchange(double db, double min, double max) {
        SpeedModel.Offer offer = model.copper(db, NRA_ADSL_ONLY);
        assertThat(offer.technology()).isEqualTo(Technology.ADSL2PLUS);
        assertThat(offer.minMbps()).isEqualTo(min);
        assertThat(offer.maxMbps()).isEqualTo(max);
    }

    @ParameterizedTest(name = "NRA-ZO fed by copper at {0} dB: ADSL capped at 2 Mbit/s → {1}–{2}")
    @CsvSource({"0, 2, 2", "20, 2, 2", "50, 0.25, 2", "70, 0, 2"})
    void copperFedZoneDOmbre(double db, double min, double max) {
        SpeedModel.Offer offer = model.copper(db, ZO_COPPER_FED);
        assertThat(offer.technology()).isEqualTo(Technology.ADSL2PLUS);
        assertThat(offer.minMbps()).isEqualTo(min);
        assertThat(offer.maxMbps()).isEqualTo(max);
        assertThat(offer.speedClass()).isEqualTo(SpeedClass.BELOW_3);
    }

    @ParameterizedTest(name = "{0} m of cable → {1} dB")
    @CsvSource({
            "0,    1.5",
            "500,  9.0",      // 0.5 km × 15 + 1.5
            "1000, 16.5",     // 1 km of 0.4 mm
            "2000, 28.9",     // + 1 km of 0.5 mm (12.4)
            "3000, 41.3",
            "5000, 61.9"})    // + 2 km of 0.6 mm (10.3)
    void attenuationSumsTheGaugesPlusConnections(double metres, double db) {
        assertThat(model.attenuationDb(metres)).isCloseTo(db, within(1e-9));
    }

    @ParameterizedTest
    @CsvSource({"2.99, BELOW_3", "3, FROM_3", "7.99, FROM_3", "8, FROM_8", "30, FROM_30", "100, FROM_100", "1000, FROM_1000"})
    void arcepClassesAreCumulativeThresholds(double mbps, SpeedClass cls) {
        assertThat(SpeedClass.of(Technology.VDSL2, mbps)).isEqualTo(cls);
    }

    @ParameterizedTest
    @CsvSource({"MIN, FROM_8", "MAX, FROM_30"})
    void theClassifyingBoundIsConfiguration(EligibilityProperties.ClassifyBy by, SpeedClass cls) {
        EligibilityProperties p = new EligibilityProperties();
        p.setClassifyBy(by);
        // 8-14 dB on VDSL2: 15-40 Mbit/s
        assertThat(new SpeedModel(p).copper(10, NRA_VDSL2).speedClass()).isEqualTo(cls);
    }
}
