package fr.thdtracker.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The arrêté du 3 décembre 2013 (annexe C), bracket edge by bracket edge, each bracket with its
 * one Arcep class per technology: the class its typical speed (by default the midpoint of its
 * range) reaches.
 */
class SpeedModelTest {

    private final SpeedModel model = new SpeedModel(new EligibilityProperties());
    private static final SpeedModel.Equipment NRA_VDSL2 = new SpeedModel.Equipment(true, false);
    private static final SpeedModel.Equipment NRA_ADSL_ONLY = new SpeedModel.Equipment(false, false);
    private static final SpeedModel.Equipment ZO_COPPER_FED = new SpeedModel.Equipment(false, true);
    /** An NRA-ZO of the programme: fibre and VDSL2 today, fed by copper until a dated backhaul. */
    private static final SpeedModel.Equipment ZO_GIVEN_FIBRE = new SpeedModel.Equipment(true, false, true);

    @ParameterizedTest(name = "{0} dB → VDSL2 equipment: {1} {2}–{3}, {4}")
    @CsvSource({
            // attenuation, technology on a VDSL2-capable NRA, min, max, class of the midpoint
            "0,     VDSL2,     20,   70, FROM_30",   // 45
            "8,     VDSL2,     20,   70, FROM_30",
            "8.01,  VDSL2,     15,   40, FROM_8",    // 27.5: not "très haut débit"
            "14,    VDSL2,     15,   40, FROM_8",
            "14.01, VDSL2,      8,   12, FROM_8",    // 10
            "21,    VDSL2,      8,   12, FROM_8",
            "21.01, VDSL2,      4,   12, FROM_8",    // 8: "bon haut débit" just reached
            "21.99, VDSL2,      4,   12, FROM_8",
            // VDSL2 strictly below 22 dB: at and beyond it, it equals ADSL2+
            "22,    ADSL2PLUS,  4,   12, FROM_8",
            "30,    ADSL2PLUS,  4,   12, FROM_8",
            "30.01, ADSL2PLUS,  2,    8, FROM_3",    // 5: below "bon haut débit"
            "43,    ADSL2PLUS,  2,    8, FROM_3",
            "43.01, ADSL2PLUS,  0.25, 5, BELOW_3",   // 2.625
            "65,    ADSL2PLUS,  0.25, 5, BELOW_3",
            "65.01, ADSL2PLUS,  0,    2, BELOW_3",   // 1
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

    @ParameterizedTest(name = "{0} dB → ADSL2+ {1}–{2}, {3}")
    @CsvSource({
            "0,     12,   20, FROM_8",    // 16
            "8,     12,   20, FROM_8",
            "8.01,  10,   15, FROM_8",    // 12.5
            "14,    10,   15, FROM_8",
            "14.01,  8,   12, FROM_8",    // 10
            "21,     8,   12, FROM_8",
            "21.01,  4,   12, FROM_8",    // 8
            "30,     4,   12, FROM_8",
            "30.01,  2,    8, FROM_3",    // 5
            "43,     2,    8, FROM_3",
            "43.01,  0.25, 5, BELOW_3",   // 2.625
            "65,     0.25, 5, BELOW_3",
            "65.01,  0,    2, BELOW_3",
            "78,     0,    2, BELOW_3"})
    void adslOnlyExchange(double db, double min, double max, SpeedClass cls) {
        SpeedModel.Offer offer = model.copper(db, NRA_ADSL_ONLY);
        assertThat(offer.technology()).isEqualTo(Technology.ADSL2PLUS);
        assertThat(offer.minMbps()).isEqualTo(min);
        assertThat(offer.maxMbps()).isEqualTo(max);
        assertThat(offer.speedClass()).isEqualTo(cls);
    }

    @Test
    void everyBracketHasOneClassPerTechnology() {
        double from = 0;
        for (EligibilityProperties.Bracket b : new EligibilityProperties().getBrackets()) {
            for (SpeedModel.Equipment equipment : List.of(NRA_VDSL2, NRA_ADSL_ONLY, ZO_COPPER_FED)) {
                Set<SpeedClass> classes = new HashSet<>();
                for (double db = from + 0.01; db <= b.getMaxAttenuationDb(); db += 0.25) {
                    classes.add(model.copper(db, equipment).speedClass());
                }
                classes.add(model.copper(b.getMaxAttenuationDb(), equipment).speedClass());
                assertThat(classes).as("bracket up to %s dB, %s", b.getMaxAttenuationDb(), equipment).hasSize(1);
            }
            from = b.getMaxAttenuationDb();
        }
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

    @Test
    void aLineKeepsItsEarlierOffersForTheDatesBeforeItsEquipmentChanged() {
        // near an NRA with VDSL2: before VDSL2 opened there, ADSL2+; never fed by copper
        SpeedModel.DatedOffers nra = model.copperOverTime(5, NRA_VDSL2);
        assertThat(nra.asEquipped().technology()).isEqualTo(Technology.VDSL2);
        assertThat(nra.beforeVdsl2()).isEqualTo(new SpeedModel.Offer(Technology.ADSL2PLUS, 12, 20, SpeedClass.FROM_8));
        assertThat(nra.whileCopperFed()).isNull();
        // beyond VDSL2's reach nothing changed when it opened
        assertThat(model.copperOverTime(30, NRA_VDSL2).beforeVdsl2()).isNull();
        // an NRA-ZO given fibre: capped ADSL before its backhaul, ADSL2+ before its VDSL2, VDSL2 now
        SpeedModel.DatedOffers zo = model.copperOverTime(5, ZO_GIVEN_FIBRE);
        assertThat(zo.asEquipped().technology()).isEqualTo(Technology.VDSL2);
        assertThat(zo.asEquipped().speedClass()).isEqualTo(SpeedClass.FROM_30);
        assertThat(zo.beforeVdsl2().speedClass()).isEqualTo(SpeedClass.FROM_8);
        assertThat(zo.whileCopperFed()).isEqualTo(new SpeedModel.Offer(Technology.ADSL2PLUS, 2, 2, SpeedClass.BELOW_3));
        // an ineligible line was ineligible at every stage: nothing earlier to keep
        SpeedModel.DatedOffers far = model.copperOverTime(80, ZO_GIVEN_FIBRE);
        assertThat(far.asEquipped().technology()).isEqualTo(Technology.NONE);
        assertThat(far.beforeVdsl2()).isNull();
        assertThat(far.whileCopperFed()).isNull();
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

    @ParameterizedTest(name = "typical speed at {0} of the range: 15–40 → {1}, 2–8 → {2}")
    @CsvSource({
            "0,   FROM_8,  BELOW_3",   // the lower bound: 15 and 2
            "0.5, FROM_8,  FROM_3",    // the midpoint (default): 27.5 and 5
            "0.6, FROM_30, FROM_3",    // 30 and 5.6
            "1,   FROM_30, FROM_8"})   // the upper bound, "jusqu'à": 40 and 8
    void theTypicalSpeedPositionIsConfiguration(double position, SpeedClass vdsl2At10Db, SpeedClass adslAt35Db) {
        EligibilityProperties p = new EligibilityProperties();
        p.setTypicalSpeedPosition(position);
        SpeedModel configured = new SpeedModel(p);
        assertThat(configured.copper(10, NRA_VDSL2).speedClass()).isEqualTo(vdsl2At10Db);
        assertThat(configured.copper(35, NRA_ADSL_ONLY).speedClass()).isEqualTo(adslAt35Db);
    }

    @ParameterizedTest
    @CsvSource({"-0.1", "1.5", "NaN"})
    void aTypicalSpeedOutsideTheRangeIsRefused(double position) {
        EligibilityProperties p = new EligibilityProperties();
        p.setTypicalSpeedPosition(position);
        assertThatThrownBy(() -> new SpeedModel(p)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("typical-speed-position");
    }

    @Test
    void theVdsl2LimitIsConfiguration() {
        EligibilityProperties p = new EligibilityProperties();
        p.setVdsl2MaxAttenuationDb(15);
        SpeedModel configured = new SpeedModel(p);
        assertThat(configured.copper(14.99, NRA_VDSL2).technology()).isEqualTo(Technology.VDSL2);
        assertThat(configured.copper(15, NRA_VDSL2).technology()).isEqualTo(Technology.ADSL2PLUS);
    }
}
