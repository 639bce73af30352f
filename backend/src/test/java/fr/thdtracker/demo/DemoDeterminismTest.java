package fr.thdtracker.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import fr.thdtracker.DemoDatabaseTest;
import fr.thdtracker.territory.CommuneShape;
import fr.thdtracker.territory.TerritoryRepository;

/** Same seed, same demo: the loaded data is exactly what the seed produces, and another seed differs. */
class DemoDeterminismTest extends DemoDatabaseTest {

    private record Fingerprint(double sumX, double sumY, long pmChecksum, long dateChecksum) {
    }

    private Fingerprint plan(List<CommuneShape> communes, DemoSettings s) {
        int[] lines = DemoGenerator.apportion(communes, s.targetLines());
        PremiseTable premises = new PremiseTable(16);
        StreetPlanner streets = new StreetPlanner();
        List<Road> roads = new ArrayList<>();
        for (int c = 0; c < communes.size(); c++) {
            streets.plan(communes.get(c), c, lines[c], s.scale(), new SplittableRandom(s.seed() * 31 + communes.get(c).insee().hashCode()),
                    premises, roads);
        }
        RolloutPlan rollout = new RolloutPlanner().plan(premises, communes, s);
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
    void linesAreApportionedByDwellingsExactly() {
        List<CommuneShape> communes = new TerritoryRepository(jdbc).communes();
        int[] lines = DemoGenerator.apportion(communes, 1_300_000);
        assertThat(java.util.Arrays.stream(lines).asLongStream().sum()).isEqualTo(1_300_000);
        int biggest = 0;
        for (int i = 1; i < communes.size(); i++) {
            if (communes.get(i).dwellings() > communes.get(biggest).dwellings()) {
                biggest = i;
            }
        }
        int max = java.util.Arrays.stream(lines).max().orElseThrow();
        assertThat(lines[biggest]).isEqualTo(max);
    }
}
