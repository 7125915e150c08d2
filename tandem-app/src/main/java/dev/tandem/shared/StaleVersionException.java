package dev.tandem.shared;

/**
 * Someone changed the record since the caller read it. The caller must reload and reapply its change;
 * nothing of the stale update was written.
 */
public class StaleVersionException extends RuntimeException {

    private final int expected;
    private final int current;
    private final boolean precondition;

    public StaleVersionException(String kind, String name, int expected, int current, boolean precondition) {
        super(kind + " '" + name + "' was changed by someone else (you edited version " + expected
                + ", the current version is " + current + "); reload it and apply your change again");
        this.expected = expected;
        this.current = current;
        this.precondition = precondition;
    }

    public StaleVersionException(String kind, String name, int expected, int current) {
        this(kind, name, expected, current, false);
    }

    public int expected() {
        return expected;
    }

    public int current() {
        return current;
    }

    /** True when the stale version came from an {@code If-Match} header (answered with 412). */
    public boolean precondition() {
        return precondition;
    }
}
