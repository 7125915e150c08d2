package dev.tandem.checks.report;

import dev.tandem.checks.Analysis;
import dev.tandem.checks.Level;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/** The formats {@code tandem check} writes. */
public enum ReportFormat {
    /** For people: grouped by category, failures with object, file:line, message and fix; a summary line. */
    TEXT,
    /** Every check and finding, in the shape documented in docs/checks.md. */
    JSON,
    /** SARIF 2.1.0, for code-scanning tools. */
    SARIF,
    /** JUnit XML, for CI systems' test views. */
    JUNIT;

    /** Case-insensitive; {@code text}, {@code json}, {@code sarif} or {@code junit}. */
    public static ReportFormat of(String name) {
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown format '" + name + "' (expected text, json, sarif or junit)");
        }
    }

    /**
     * Writes the report of {@code analysis} judged at {@code level}. File paths in SARIF are made relative to
     * {@code baseDir} where they lie below it.
     */
    public void write(Analysis analysis, Level level, Path baseDir, Appendable out) throws IOException {
        switch (this) {
            case TEXT:
                new TextReport(analysis, level).write(out);
                break;
            case JSON:
                Json.write(new JsonReport(analysis, level).document(), out);
                break;
            case SARIF:
                Json.write(new SarifReport(analysis, level, baseDir).document(), out);
                break;
            default:
                new JunitReport(analysis, level).write(out);
        }
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
