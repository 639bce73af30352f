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
 * The line aggregates served below {@link TileLayer#PREMISE_POINTS_MIN_ZOOM}: the finest grid
 * from the buildings (each weighing its lines), each coarser one from the finer (cells nest: each size is 4× the next).
 */
@Component
class PremiseCells extends DerivedView {

    /** Lines counted from their buildings (weight b.lines), at the lines' centroid. */
    private static final String FINEST = """
            INSERT INTO premise_cell (level, geom, count, cible, signe, en_cours, deploye, raccordable_demande, abandonne)
            SELECT :level, ST_SetSRID(ST_MakePoint((sum(ST_X(g)::numeric * lines) / sum(lines))::float8,
                                                   (sum(ST_Y(g)::numeric * lines) / sum(lines))::float8), 3857), sum(lines),
                   coalesce(sum(lines) FILTER (WHERE state = 'CIBLE'), 0), coalesce(sum(lines) FILTER (WHERE state = 'SIGNE'), 0),
                   coalesce(sum(lines) FILTER (WHERE state = 'EN_COURS'), 0), coalesce(sum(lines) FILTER (WHERE state = 'DEPLOYE'), 0),
                   coalesce(sum(lines) FILTER (WHERE state = 'RACCORDABLE_DEMANDE'), 0),
                   coalesce(sum(lines) FILTER (WHERE state = 'ABANDONNE'), 0)
            FROM (SELECT ST_Transform(geom, 3857) AS g, state, lines FROM building) p
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
