package dev.tandem.readiness;

/** The answer to one checklist item. MET needs evidence; NOT_APPLICABLE needs a justification. */
public enum ItemState {
    OPEN("open"),
    MET("met"),
    NOT_APPLICABLE("not applicable"),
    FAILED("failed");

    private final String label;

    ItemState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean done() {
        return this == MET || this == NOT_APPLICABLE;
    }
}
