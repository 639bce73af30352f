package fr.thdtracker.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import fr.thdtracker.DemoDatabaseTest;
import fr.thdtracker.territory.CommuneShape;
import fr.thdtracker.territory.TerritoryRepository;

/** Same seed, same demo: the loaded data is exactly what the seed produces, and another seed differs. */
class DemoDeterminismTest extends DemoDatabaseTest {

    private record Fingerprint(double sumX, double sumY, long pmChecksum, long dateChecksum) {
    }

    private CommuneLines[] lines(List<CommuneShape> communes, long programmeLines) {
        return LineApportionment.apportion(CommunePerimeters.weights(jdbc, communes, TEST_DEMO.dataDate()),
                programmeLines);
    }

    private Fingerprint plan(List<CommuneShape> communes, DemoSettings s) {
        CommuneLines[] lines = lines(communes, s.targetLines());
        PremiseTable premises = DemoGenerator.layOutPremises(communes, lines, s, new ArrayList<>());
        RolloutPlan rollout = new RolloutPlanner().plan(premises, communes, lines, s);
        double sx = 0;
        double sy = 0;
        long pm = 0;
        for (int i = 0; i < premises.size; i++) {
            sx += premises.x[i];
            sy += premises.y[i];
            pm = pm * 31 + rollout.premisePm[i];
        }
        long dates = 0;
        for (RolloutPlan.Pm p : rollout.pms) {
            dates = dates * 31 + p.madeAvailable.toEpochDay() + 7 * p.tranche.ordinal();
        }
        return new Fingerprint(sx, sy, pm, dates);
    }

    @Test
    void theSameSeedGivesTheSameNetwork() {
        List<CommuneShape> communes = new TerritoryRepository(jdbc).communes();
        Fingerprint first = plan(communes, TEST_DEMO);
        Fingerprint again = plan(communes, TEST_DEMO);
        assertThat(again).isEqualTo(first);
        Fingerprint other = plan(communes, new DemoSettings(7, TEST_DEMO.scale(), TEST_DEMO.dataDate()));
        assertThat(other.sumX()).isNotEqualTo(first.sumX());

        // and the database holds exactly what the seed produces
        double dbSumX = jdbc.sql("SELECT sum(ST_X(b.geom)) FROM premise l JOIN building b ON b.id = l.building_id").query(Double.class).single();
        assertThat(dbSumX).isCloseTo(first.sumX(), org.assertj.core.api.Assertions.within(1.0));
    }

    @Test
    void programmeLinesGoExactlyToThePublicCommunesByDwellingsAndPrivateTownsAtTheSameRate() {
        List<CommuneShape> communes = new TerritoryRepository(jdbc).communes();
        CommuneLines[] lines = lines(communes, 1_300_000);
        long programme = 0;
        long privateLines = 0;
        double publicDwellings = 0;
        double privateDwellings = 0;
        int biggestPublic = -1;
        for (int i = 0; i < communes.size(); i++) {
            if (lines[i].inProgramme()) {
                programme += lines[i].total();
                publicDwellings += communes.get(i).dwellings();
                if (biggestPublic < 0 || communes.get(i).dwellings() > communes.get(biggestPublic).dwellings()) {
                    biggestPublic = i;
                }
            } else {
                privateLines += lines[i].total();
                privateDwellings += communes.get(i).dwellings();
            }
        }
        assertThat(programme).isEqualTo(1_300_000);
        assertThat(privateDwellings).as("the synthetic territory has private towns").isPositive();
        // the private towns get premises at the programme's own lines-per-dwelling rate
        assertThat((double) privateLines).isCloseTo(1_300_000 * privateDwellings / publicDwellings,
                org.assertj.core.api.Assertions.within(communes.size() * 1.0));
        int max = 0;
        for (int i = 0; i < communes.size(); i++) {
            if (lines[i].inProgramme()) {
                max = Math.max(max, lines[i].total());
            }
        }
        assertThat(lines[biggestPublic].total()).isEqualTo(max);
        // without the Arcep file, business premises are Brittany's share of them
        long businesses = java.util.Arrays.stream(lines).mapToLong(CommuneLines::businesses).sum();
        assertThat((double) businesses / (programme + privateLines))
                .isCloseTo(90_052.0 / 1_949_859.0, org.assertj.core.api.Assertions.within(0.002));
    }
}
