package dev.tandem.engagement;

import java.util.Optional;

/**
 * A part of the after-action report's first draft that another part of the engagement module knows best
 * (the criteria's history, the before/after maturity). Implementations are Spring beans; the draft puts
 * their Markdown in {@link #order()}.
 */
public interface ReportSection {

    int order();

    Optional<String> markdown(Engagement engagement);
}
