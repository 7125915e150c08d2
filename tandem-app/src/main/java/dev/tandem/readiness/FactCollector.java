package dev.tandem.readiness;

import dev.tandem.catalog.Service;

import java.util.List;

/**
 * A source of facts about services. Each collector owns the facts it reports: a run replaces everything
 * the same source reported before for that service. Other modules contribute facts by providing a bean.
 */
public interface FactCollector {

    /** A short stable name (kubernetes, repository, catalog, …), stored with every fact. */
    String source();

    /** The facts about one service, as of now. Never throws for a service whose data is missing. */
    List<Fact> collect(Service service);
}
