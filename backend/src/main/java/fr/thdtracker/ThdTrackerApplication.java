package fr.thdtracker;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ThdTrackerApplication {

    public static void main(String[] args) {
        SpringApplication.run(ThdTrackerApplication.class, args);
    }
}
