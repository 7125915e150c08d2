package dev.tandem.bench.tsdb;

/** One label of a series. */
public record Label(String name, String value) {

    public Label {
        if (name == null || name.isEmpty() || value == null) {
            throw new IllegalArgumentException("a label needs a name and a value, got " + name + "=" + value);
        }
    }

    /** Prometheus orders strings by their UTF-8 bytes, which is the order of their code points. */
    static int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
