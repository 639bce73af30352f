package fr.thdtracker.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Loads the demo at start-up when asked (thd.demo.load=true) and the database holds no premises. */
@Component
@Order(1)
@ConditionalOnProperty(name = "thd.demo.load", havingValue = "true")
class DemoLoadRunner implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoLoadRunner.class);

    private final DemoGenerator generator;
    private final DemoSettings settings;

    DemoLoadRunner(DemoGenerator generator,
                   @Value("${thd.demo.seed}") long seed,
                   @Value("${thd.demo.scale}") double scale) {
        this.generator = generator;
        this.settings = new DemoSettings(seed, scale, DemoSettings.DEFAULT_DATA_DATE);
    }

    @Override
    public void run(ApplicationArguments args) {
        if (generator.databaseHasPremises()) {
            log.info("Démo : la base contient déjà des locaux, rien à charger");
            return;
        }
        log.info("Démo : génération (graine {}, échelle {}, soit {} lignes)", settings.seed(), settings.scale(),
                settings.targetLines());
        generator.generate(settings);
    }
}
