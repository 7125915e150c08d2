package dev.tandem.catalog;

import java.util.regex.Pattern;

/** Backstage's rule for entity names, which Tandem uses for every catalog name. */
public final class Names {

    public static final String PATTERN = "^([A-Za-z0-9]+[-_.])*[A-Za-z0-9]+$";
    public static final String MESSAGE = "use 1 to 63 letters and digits, separated by single '-', '_' or '.'";
    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    private Names() {
    }

    public static boolean valid(String name) {
        return name != null && name.length() <= 63 && COMPILED.matcher(name).matches();
    }
}
