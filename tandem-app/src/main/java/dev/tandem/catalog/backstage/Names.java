package dev.tandem.catalog.backstage;

import java.util.regex.Pattern;

/**
 * The naming rules shared by entity names, namespaces, references and tags, kept in one place so the
 * reader and {@link EntityRef#parse} can never disagree about what a valid name is.
 */
final class Names {

    static final int MAX_NAME_LENGTH = 63;
    static final int MAX_TAG_LENGTH = 63;

    static final String NAME_RULE =
            "must be 1-63 characters: runs of letters and digits separated by a single '-', '_' or '.'";
    static final String TAG_RULE =
            "must be 1-63 characters: runs of lowercase letters, digits, ':', '+' or '#' separated by a single '-'";

    private static final Pattern NAME = Pattern.compile("([A-Za-z0-9]+[-_.])*[A-Za-z0-9]+");
    private static final Pattern TAG = Pattern.compile("[a-z0-9:+#]+(-[a-z0-9:+#]+)*");
    private static final Pattern KIND = Pattern.compile("[A-Za-z][A-Za-z0-9]*");

    private Names() {
    }

    /** Length is checked before the pattern so that a huge input never reaches the regex engine. */
    static boolean isValidName(String value) {
        return value != null && !value.isEmpty() && value.length() <= MAX_NAME_LENGTH
                && NAME.matcher(value).matches();
    }

    static boolean isValidTag(String value) {
        return value != null && !value.isEmpty() && value.length() <= MAX_TAG_LENGTH
                && TAG.matcher(value).matches();
    }

    static boolean isValidKind(String value) {
        return value != null && !value.isEmpty() && value.length() <= MAX_NAME_LENGTH
                && KIND.matcher(value).matches();
    }

    /** Keeps user input in messages readable even when it is huge or multi-line. */
    static String quote(String value) {
        String shown = value.length() > 80 ? value.substring(0, 77) + "..." : value;
        return '"' + shown.replace("\n", "\\n") + '"';
    }
}
