package dev.tandem.slo.format;

import java.util.regex.Pattern;

/** Reads a definitions file in either format Tandem accepts: OpenSLO v1, or a Sloth {@code prometheus/v1} spec. */
public final class SloFiles {

    private static final Pattern SLOTH = Pattern.compile("(?m)^version:\\s*[\"']?prometheus/v1[\"']?\\s*(#.*)?$");

    private SloFiles() {
    }

    public static SloImport read(String text) {
        return isSloth(text) ? SlothReader.read(text) : OpenSloReader.read(text);
    }

    /** True for a Sloth spec (a top-level {@code version: prometheus/v1}). */
    public static boolean isSloth(String text) {
        return SLOTH.matcher(text).find();
    }
}
