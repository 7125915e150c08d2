package dev.tandem;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Decides whether the server starts from the bean definitions that Spring AOT wrote when {@code tandem.jar}
 * was built ({@code spring.aot.enabled}). Starting from them skips parsing the configuration classes and
 * evaluating their conditions, about a fifth of a start (docs/performance.md).
 *
 * <p>The price is that those conditions were evaluated at build time, with Tandem's own
 * {@code application.properties}: a setting that switches a Spring component on or off (a profile,
 * {@code management.*}, {@code springdoc.*.enabled}, …) would have no effect. So the ahead-of-time
 * definitions are used only when every Spring setting the operator gives is one that Tandem reads at
 * start whatever the definitions are: Tandem's own ({@code TANDEM_*}, {@code tandem.*}), the database
 * connection, the mail server, the port, TLS, Tomcat's threads and logging. Any other setting, on the
 * command line, as a system property, as an environment variable ({@code SPRING_PROFILES_ACTIVE}, …) or in
 * an {@code application[-default].properties}/{@code .yml}/{@code .yaml}/{@code .xml} file in the working
 * directory, its {@code config/} or a directory below that, makes the server start
 * the ordinary way, and it says which setting did. {@code TANDEM_AOT=true|false} (or
 * {@code -Dspring.aot.enabled}) decides explicitly.
 *
 * <p>JDK types only: it runs before Spring is loaded.
 */
final class AheadOfTime {

    private static final String PROPERTY = "spring.aot.enabled";
    private static final String ENV = "TANDEM_AOT";
    /** Written by Spring AOT ({@code process-aot}) into the jar's classes. */
    private static final String INITIALIZER = "Tandem__ApplicationContextInitializer.class";

    /** Where Spring Boot's settings live: a key with one of these prefixes may change the beans. */
    private static final List<String> SPRING_KEYS = List.of("spring.", "server.", "management.", "springdoc.", "logging.");
    private static final List<String> SPRING_FLAGS = List.of("debug", "trace");
    /** Settings read when the server starts, whichever beans exist (keys, or prefixes ending in a dot). */
    private static final List<String> READ_AT_START = List.of(
            "spring.datasource.url", "spring.datasource.username", "spring.datasource.password", "spring.datasource.hikari.",
            "spring.flyway.url", "spring.flyway.user", "spring.flyway.password",
            "spring.mail.", "spring.lifecycle.", "spring.aot.", "spring.output.ansi.",
            "server.port", "server.address", "server.ssl.", "server.tomcat.", "server.compression.", "server.shutdown",
            "server.http2.", "server.max-http-request-header-size", "server.servlet.session.", "logging.");
    private static final List<String> CONFIG_FILES = List.of("application", "application-default");
    private static final List<String> CONFIG_EXTENSIONS = List.of(".properties", ".yml", ".yaml", ".xml");

    private AheadOfTime() {
    }

    /**
     * Sets {@code spring.aot.enabled} for this start (from {@code TANDEM_AOT}, or by the rules above) when it
     * is not set already.
     */
    static void decide(String[] args) {
        if (System.getProperty("spring.aot.processing") != null) {
            // The build's AOT processing itself: what it sees is fixed in the jar, so it must see Tandem's own
            // settings only (no profile or management setting of the machine that builds it).
            reasonAgainst(List.of(args), System.getProperties(), System.getenv(), Path.of("")).ifPresent(reason -> {
                throw new IllegalStateException("Spring AOT processing would fix a setting of this build's environment in the"
                        + " jar: " + reason + "; build without it");
            });
            return;
        }
        String explicit = System.getProperty(PROPERTY);
        if (explicit == null) {
            explicit = System.getenv(ENV);
        }
        if (explicit != null) {
            System.setProperty(PROPERTY, String.valueOf(Boolean.parseBoolean(explicit.trim())));
            return;
        }
        if (!fromPackagedJar()) {
            return;
        }
        Optional<String> reason = reasonAgainst(List.of(args), System.getProperties(), System.getenv(), Path.of(""));
        if (reason.isPresent()) {
            System.err.println("Tandem: starting without the ahead-of-time bean definitions because " + reason.get()
                    + " (it may switch components on or off); TANDEM_AOT=true starts with them anyway.");
            return;
        }
        System.setProperty(PROPERTY, "true");
    }

    /** Whether this is the built jar, with Spring AOT's generated classes in it (not an IDE or a test). */
    private static boolean fromPackagedJar() {
        var source = Tandem.class.getProtectionDomain().getCodeSource();
        return source != null && source.getLocation() != null && source.getLocation().toString().contains(".jar")
                && Tandem.class.getResource(INITIALIZER) != null;
    }

    /** The first setting that could make a difference to the beans, described for the operator, or empty. */
    static Optional<String> reasonAgainst(List<String> args, Properties systemProperties, Map<String, String> env, Path workingDirectory) {
        for (String arg : args) {
            if (arg.startsWith("--")) {
                String key = arg.substring(2).split("=", 2)[0];
                if (decidesBeans(key)) {
                    return Optional.of("--" + key + " is given");
                }
            }
        }
        List<String> keys = new ArrayList<>(systemProperties.stringPropertyNames());
        keys.sort(null);
        for (String key : keys) {
            if (decidesBeans(key)) {
                return Optional.of("-D" + key + " is set");
            }
        }
        List<String> names = new ArrayList<>(env.keySet());
        names.sort(null);
        for (String name : names) {
            if (decidesBeans(name)) {
                return Optional.of("the environment variable " + name + " is set");
            }
        }
        List<Path> directories = new ArrayList<>(List.of(workingDirectory, workingDirectory.resolve("config")));
        try (var configs = Files.list(workingDirectory.resolve("config"))) {
            configs.filter(Files::isDirectory).sorted().forEach(directories::add); // Boot reads config/*/ too
        } catch (java.io.IOException noConfigDirectory) {
            // nothing more to look at
        }
        for (Path directory : directories) {
            for (String name : CONFIG_FILES) {
                for (String extension : CONFIG_EXTENSIONS) {
                    Path path = directory.resolve(name + extension);
                    if (Files.isRegularFile(path)) {
                        return Optional.of(path + " exists");
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Whether a Spring setting with this key may decide which beans exist. The key may be in any of the
     * forms Spring Boot's relaxed binding accepts ({@code server.max-http-request-header-size},
     * {@code SERVER_MAX_HTTP_REQUEST_HEADER_SIZE}, camel case).
     */
    static boolean decidesBeans(String key) {
        String k = canonical(key);
        boolean spring = SPRING_FLAGS.contains(k) || SPRING_KEYS.stream().anyMatch(prefix -> k.startsWith(canonical(prefix)));
        if (!spring) {
            return false;
        }
        for (String known : READ_AT_START) {
            String c = canonical(known);
            if (known.endsWith(".") ? k.startsWith(c) : k.equals(c)) {
                return false;
            }
        }
        return true;
    }

    /** Lower case without separators: every relaxed form of a key (dots, dashes, underscores, camel case) meets. */
    private static String canonical(String key) {
        return key.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "").replace(".", "");
    }
}
