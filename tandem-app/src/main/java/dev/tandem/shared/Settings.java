package dev.tandem.shared;

/**
 * Translates the few {@code TANDEM_*} variables that do not map one-to-one onto Spring properties.
 * The rest are plain placeholders in {@code application.properties}.
 */
public final class Settings {

    private Settings() {
    }

    public static void applyEnvironment() {
        // Few request threads per core: on a small machine 200 threads (Tomcat's default) only fight over
        // the cores and stretch the slowest answers; 4 per core measured best (docs/performance.md).
        if (System.getenv("TANDEM_HTTP_THREADS") == null && System.getProperty("server.tomcat.threads.max") == null) {
            int threads = Math.max(8, 4 * Runtime.getRuntime().availableProcessors());
            System.setProperty("server.tomcat.threads.max", String.valueOf(threads));
        }
        String format = System.getenv("TANDEM_LOG_FORMAT");
        if (format != null && format.equalsIgnoreCase("json")
                && System.getProperty("logging.structured.format.console") == null) {
            // Boot's built-in structured logging; "logstash" is the most widely understood JSON shape.
            System.setProperty("logging.structured.format.console", "logstash");
        }
    }
}
