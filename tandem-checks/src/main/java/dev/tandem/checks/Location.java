package dev.tandem.checks;

/**
 * Where a finding points: a file (as found, with {@code /} separators) and a 1-based line, or line {@code 0} when
 * the finding is about the file as a whole (or about a file that is missing and should be added at that path).
 */
public record Location(String file, int line) {

    public Location {
        if (line < 0) {
            throw new IllegalArgumentException("line must be 0 (none) or 1-based, was " + line);
        }
    }

    public static Location of(String file) {
        return new Location(file, 0);
    }

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line : file;
    }
}
