package dev.tandem.bench;

final class Urls {

    private Urls() {}

    /** Joins a base URL and an absolute path without doubling or dropping the slash. */
    static String join(String base, String path) {
        String b = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        String p = path.startsWith("/") ? path : "/" + path;
        return b + p;
    }
}
