package dev.tandem.catalog.internal;

import dev.tandem.catalog.DemoCatalog;
import dev.tandem.catalog.ImportSummary;
import dev.tandem.shared.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** {@code TANDEM_DEMO=true}: loads the demo organisation at start-up, once, into an empty catalog. */
@Component
@Order(10)
class DemoStartup implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(DemoStartup.class);
    private final DemoCatalog demo;
    private final boolean enabled;

    DemoStartup(DemoCatalog demo, @Value("${tandem.demo:false}") boolean enabled) {
        this.demo = demo;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled || !demo.available()) {
            return;
        }
        ImportSummary summary = Actor.runAs(Actor.system(), demo::load);
        LOG.info("Loaded the demo organisation: {} entities created", summary.created());
    }
}
