package dev.tandem.shared;

/**
 * Translates the few {@code TANDEM_*} variables that do not map one-to-one onto Spring properties.
 * The rest are plain placeholders in {@code application.properties}.
 */
public final class Settings {

    private Settings() {
    }

    public static void applyEnvironment() {
        String format = System.getenv("TANDEM_LOG_FORMAT");
        if (format != null && format.equalsIgnoreCase("json")
                && System.getProperty("logging.structured.format.console") == null) {
            // Boot's built-in structured logging; "logstash" is the most widely understood JSON shape.
            System.setProperty("logging.structured.format.console", "logstash");
        }
    }
}
