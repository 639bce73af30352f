package fr.thdtracker.tiles;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

import fr.thdtracker.common.DerivedView;
import fr.thdtracker.eligibility.EligibilityRecomputed;

/**
 * Centroids are averaged in numeric, exactly: float sums depend on the order parallel workers
 * add them in, and tiles must not change when the data did not.
 *
 * The premise aggregates served below {@link TileLayer#PREMISE_POINTS_MIN_ZOOM}: the finest grid
 * from the premises, each coarser one from the finer (cells nest: each size is 4× the next).
 */
@Component
class PremiseCells extends DerivedView {

    private static final String FINEST = """
            INSERT INTO premise_cell (level, geom, count, cible, signe, en_cours, deploye, raccordable_demande, abandonne)
            SELECT :level, ST_SetSRID(ST_MakePoint(avg(ST_X(g)::numeric)::float8, avg(ST_Y(g)::numeric)::float8), 3857), count(*),
                   count(*) FILTER (WHERE state = 'CIBLE'), count(*) FILTER (WHERE state = 'SIGNE'),
                   count(*) FILTER (WHERE state = 'EN_COURS'), count(*) FILTER (WHERE state = 'DEPLOYE'),
                   count(*) FILTER (WHERE state = 'RACCORDABLE_DEMANDE'), count(*) FILTER (WHERE state = 'ABANDONNE')
            FROM (SELECT ST_Transform(geom, 3857) AS g, state FROM premise) p
            GROUP BY floor(ST_X(g) / :size), floor(ST_Y(g) / :size)
            """;

    private static final String COARSER = """
            INSERT INTO premise_cell (level, geom, count, cible, signe, en_cours, deploye, raccordable_demande, abandonne)
            SELECT :level,
                   ST_SetSRID(ST_MakePoint((sum(ST_X(geom)::numeric * count) / sum(count))::float8,
                                           (sum(ST_Y(geom)::numeric * count) / sum(count))::float8), 3857),
                   sum(count), sum(cible), sum(signe), sum(en_cours), sum(deploye), sum(raccordable_demande), sum(abandonne)
            FROM premise_cell WHERE level = :finer
            GROUP BY floor(ST_X(geom) / :size), floor(ST_Y(geom) / :size)
            """;

    PremiseCells(JdbcClient jdbc, PlatformTransactionManager transactions) {
        super(jdbc, transactions, "premise_cell", "Agrégats des locaux pour les tuiles");
    }

    @EventListener
    void onRecompute(EligibilityRecomputed event) {
        refresh();
    }

    @Override
    protected void fill() {
        int finest = TileLayer.CELL_SIZES.length - 1;
        jdbc.sql(FINEST).param("level", finest).param("size", TileLayer.CELL_SIZES[finest]).update();
        for (int level = finest - 1; level >= 0; level--) {
            jdbc.sql(COARSER).param("level", level).param("finer", level + 1).param("size", TileLayer.CELL_SIZES[level])
                    .update();
        }
    }
}
