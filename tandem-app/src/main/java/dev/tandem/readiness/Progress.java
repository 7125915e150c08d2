package dev.tandem.readiness;

/**
 * How far a phase or category is: items done (met or not applicable) of those that apply at the level,
 * and how many required ones are still open, failed or due.
 */
public record Progress(String phase, String category, String title, int done, int applicable, int requiredOpen) {

    public int percent() {
        return applicable == 0 ? 100 : (int) Math.floor(100.0 * done / applicable);
    }
}
