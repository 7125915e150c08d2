package dev.tandem.engagement;

/** What an exit criterion's signal says now. */
public enum CriterionState {
    MET("met"),
    NOT_MET("not met"),
    /** The signal has nothing to say yet: no traffic, no assessment, a scorecard that does not apply. */
    NO_DATA("no data");

    private final String label;

    CriterionState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Lower case with dashes, as CSS classes and the trend strip use it. */
    public String slug() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
