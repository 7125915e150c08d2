package dev.tandem;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The packaged jar, started as an operator starts it ({@code java -jar target/tandem.jar}): it serves from a
 * child JVM with the tuned options, writes the class archive when the first server stops, uses it on the
 * next start, stops its server on SIGTERM and when it is killed itself, and serves in its own JVM when told
 * to. Failsafe runs after {@code package}, so the jar is the one this build produced. Once, on H2.
 */
class ServerJvmIT {

    private static final Path JAR = PackagedJar.JAR;
    private static final Duration HEALTHY_WITHIN = Duration.ofMinutes(3);

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** The archive options of the JDK these tests run on (an ahead-of-time cache from JDK 25 on). */
    private static final boolean AOT_CACHE = Runtime.version().feature() >= ServerJvm.AOT_CACHE_FEATURE;
    private static final String WRITE_ARCHIVE = AOT_CACHE ? "-XX:AOTCacheOutput=" : "-XX:ArchiveClassesAtExit=";
    private static final String USE_ARCHIVE = AOT_CACHE ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=";
    /** What -Xlog:class+load says of a class that came from the archive (JDK 17: "… (top)"). */
    private static final String FROM_ARCHIVE = "dev.tandem.Tandem source: shared objects file";

    record Server(Process launcher, int port, Path log) {
    }

    private Server start(List<String> jvmOptions, Map<String, String> env) throws Exception {
        return start(Path.of(System.getProperty("java.home")), jvmOptions, env);
    }

    private Server start(Path javaHome, List<String> jvmOptions, Map<String, String> env) throws Exception {
        assertThat(JAR).as("the packaged jar (failsafe runs after package)").isRegularFile();
        int port = PackagedJar.freePort();
        List<String> command = new ArrayList<>();
        command.add(javaHome.resolve("bin").resolve("java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR.toString(), "--server.port=" + port));
        Path log = Files.createTempFile(dir, "server-", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("TANDEM_") || name.endsWith("JAVA_OPTIONS"));
        builder.environment().put("TANDEM_DATA_DIR", Files.createTempDirectory(dir, "data-").toString());
        builder.environment().put("TANDEM_CACHE_DIR", dir.resolve("cache").toString());
        builder.environment().put("TANDEM_ADMIN_PASSWORD", "server-jvm-it-password");
        builder.environment().putAll(env);
        Server server = new Server(builder.start(), port, log);
        PackagedJar.awaitReady(server.launcher(), port, log, HEALTHY_WITHIN);
        return server;
    }

    private static List<ProcessHandle> serverJvms(Server server) {
        return server.launcher().children().filter(p -> p.info().arguments().isPresent()).toList();
    }

    private static List<String> arguments(ProcessHandle process) {
        return List.of(process.info().arguments().orElseThrow());
    }

    private Path cacheDirectory() throws IOException {
        try (var dirs = Files.list(dir.resolve("cache"))) {
            return dirs.filter(p -> p.getFileName().toString().startsWith("jvm-")).findFirst().orElseThrow();
        }
    }

    private static void awaitGone(ProcessHandle process, Duration within) throws Exception {
        try {
            process.onExit().get(within.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            process.destroyForcibly();
            fail("process " + process.pid() + " still runs " + within + " later");
        }
    }

    @Test
    void servesFromATunedChildJvmThatWritesItsClassArchiveOnceAndStopsWithItsLauncher() throws Exception {
        // First start of this jar: extracted into the cache; the server writes the class archive when it stops.
        Server first = start(List.of("-Xmx384m"), Map.of());
        assertThat(Files.readString(first.log())).as("the generated bean definitions are used").contains("Starting AOT-processed Tandem");
        List<ProcessHandle> children = serverJvms(first);
        assertThat(children).as("one server JVM under the launcher").hasSize(1);
        List<String> child = arguments(children.get(0));
        Path cache = cacheDirectory();
        assertThat(child).contains("-D" + ServerJvm.PARENT_PROPERTY + "=" + first.launcher().pid(),
                        "-Xmx384m", "-jar", cache.resolve("app").resolve("tandem.jar").toString(), "--server.port=" + first.port())
                .anyMatch(o -> o.startsWith(WRITE_ARCHIVE + cache))
                .containsSubsequence(ServerJvm.JIT_OPTIONS);
        assertThat(child.indexOf("-Xmx384m")).as("the operator's option after the tuned ones")
                .isGreaterThan(child.indexOf(ServerJvm.JIT_OPTIONS.get(0)));

        first.launcher().destroy(); // SIGTERM, as a service manager stops it
        assertThat(first.launcher().waitFor(2, TimeUnit.MINUTES)).as("the launcher waits for the server, then exits").isTrue();
        assertThat(children.get(0).isAlive()).isFalse();
        assertThat(Files.readString(first.log())).contains("Graceful shutdown complete");
        assertThat(cache.resolve("classes.jsa")).as("the class archive written by the first server").isNotEmptyFile();
        try (var pending = Files.list(cache)) {
            assertThat(pending.filter(p -> p.toString().endsWith(".jsa.tmp"))).isEmpty();
        }

        // Next start: the archive is used (its classes come from it); the operator's own compiler option
        // replaces Tandem's.
        Server second = start(List.of("-XX:TieredStopAtLevel=1", "-Xlog:class+load=info"), Map.of());
        ProcessHandle secondChild = serverJvms(second).get(0);
        assertThat(arguments(secondChild)).contains(USE_ARCHIVE + cache.resolve("classes.jsa"),
                        "-Dtandem.preload-classes=false", "-XX:TieredStopAtLevel=1")
                .doesNotContainAnyElementsOf(ServerJvm.JIT_OPTIONS).noneMatch(o -> o.startsWith(WRITE_ARCHIVE));
        assertThat(Files.readString(second.log())).as("the server's classes come from the archive").contains(FROM_ARCHIVE);

        // The launcher dies without a chance to stop its server: the server notices and stops by itself.
        second.launcher().destroyForcibly();
        awaitGone(secondChild, Duration.ofSeconds(60));
    }

    /** A JDK of feature release 25 or later: TANDEM_IT_JDK25_HOME, else the newest under /usr/lib/jvm. */
    private static Optional<Path> jdk25() throws IOException {
        String explicit = System.getenv("TANDEM_IT_JDK25_HOME");
        if (explicit != null && !explicit.isBlank()) {
            return Optional.of(Path.of(explicit));
        }
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (var homes = Files.list(jvms)) {
            return homes.filter(home -> Files.isExecutable(home.resolve("bin/java")) && feature(home) >= ServerJvm.AOT_CACHE_FEATURE)
                    .max(java.util.Comparator.comparingInt(ServerJvmIT::feature));
        }
    }

    private static int feature(Path javaHome) {
        try {
            for (String line : Files.readAllLines(javaHome.resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=")) {
                    return Runtime.Version.parse(line.substring("JAVA_VERSION=".length()).replace("\"", "")).feature();
                }
            }
        } catch (IOException | IllegalArgumentException unreadable) {
            // not a JDK we can tell
        }
        return 0;
    }

    @Test
    void onJdk25TheServerWritesAndThenUsesAnAheadOfTimeCache() throws Exception {
        Optional<Path> jdk = jdk25();
        Assumptions.assumeTrue(jdk.isPresent(), "no JDK 25 or later here (TANDEM_IT_JDK25_HOME, /usr/lib/jvm)");
        Server first = start(jdk.get(), List.of(), Map.of());
        Path cache = cacheDirectory();
        assertThat(arguments(serverJvms(first).get(0))).anyMatch(o -> o.startsWith("-XX:AOTCacheOutput=" + cache))
                .noneMatch(o -> o.startsWith("-XX:ArchiveClassesAtExit"));
        stop(first);
        assertThat(cache.resolve("classes.jsa")).as("the ahead-of-time cache, written at exit").isNotEmptyFile();

        Server second = start(jdk.get(), List.of("-Xlog:class+load=info"), Map.of());
        try {
            assertThat(arguments(serverJvms(second).get(0))).contains("-XX:AOTCache=" + cache.resolve("classes.jsa"));
            assertThat(Files.readString(second.log())).contains("Starting AOT-processed Tandem")
                    .as("the server's classes come from the cache").contains(FROM_ARCHIVE);
        } finally {
            stop(second);
        }
    }

    @Test
    void prepareWritesTheArchiveWithATrainingStartSoThatTheFirstRealStartIsWarm() throws Exception {
        Path data = Files.createDirectories(dir.resolve("operators-data"));
        Path elsewhere = dir.resolve("operators-other-database");
        // The operator's own database settings, through every channel that outranks TANDEM_DATA_DIR.
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dspring.datasource.url=jdbc:h2:file:" + elsewhere.resolve("db"), "-jar", JAR.toString(), "prepare");
        Path output = dir.resolve("prepare.out");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("TANDEM_") || name.endsWith("JAVA_OPTIONS"));
        builder.environment().put("TANDEM_CACHE_DIR", dir.resolve("cache").toString());
        builder.environment().put("TANDEM_DATA_DIR", data.toString());
        builder.environment().put("TANDEM_ADMIN_PASSWORD", "operators-own-password");
        builder.environment().put("SPRING_DATASOURCE_URL", "jdbc:h2:file:" + elsewhere.resolve("env"));
        Process prepare = builder.start();
        assertThat(prepare.waitFor(3, TimeUnit.MINUTES)).as("prepare finishes").isTrue();
        assertThat(prepare.exitValue()).as(Files.readString(output)).isZero();
        assertThat(Files.readString(output)).contains("Prepared in");
        Path cache = cacheDirectory();
        assertThat(cache.resolve("classes.jsa")).isNotEmptyFile();
        assertThat(Files.readString(cache.resolve("training.log"))).contains("Starting AOT-processed Tandem", "Graceful shutdown complete");
        try (var left = Files.list(cache); var operators = Files.list(data)) {
            assertThat(left.map(p -> p.getFileName().toString()))
                    .as("no scratch database, pending archive or per-run log is left")
                    .noneMatch(name -> name.startsWith("training-") && !name.equals("training.log") || name.endsWith(".jsa.tmp"));
            assertThat(operators).as("the training start used a scratch database, not the operator's").isEmpty();
        }
        assertThat(elsewhere).as("nor the one named by -D or SPRING_DATASOURCE_URL").doesNotExist();

        Process again = builder.start();
        assertThat(again.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(Files.readString(output)).contains("Already prepared: " + cache);

        Server server = start(List.of(), Map.of());
        try {
            assertThat(arguments(serverJvms(server).get(0))).contains(USE_ARCHIVE + cache.resolve("classes.jsa"))
                    .noneMatch(o -> o.startsWith(WRITE_ARCHIVE));
        } finally {
            stop(server);
        }
    }

    @Test
    void prepareSucceedsWhileTheRunningServerHoldsTheActuatorsOwnPort() throws Exception {
        try (ServerSocket runningServers = new ServerSocket(0)) {
            List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Dmanagement.server.port=" + runningServers.getLocalPort(), "-jar", JAR.toString(), "prepare");
            Path output = dir.resolve("prepare.out");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
            builder.environment().keySet().removeIf(name -> name.startsWith("TANDEM_") || name.endsWith("JAVA_OPTIONS"));
            builder.environment().put("TANDEM_CACHE_DIR", dir.resolve("cache").toString());
            Process prepare = builder.start();
            assertThat(prepare.waitFor(3, TimeUnit.MINUTES)).as("prepare finishes").isTrue();
            assertThat(prepare.exitValue()).as(Files.readString(output)).isZero();
        }
        Path cache = cacheDirectory();
        assertThat(cache.resolve("classes.jsa")).isNotEmptyFile();
        String log = Files.readString(cache.resolve("training.log"));
        assertThat(log).contains("Graceful shutdown complete");
        assertThat(log.split("Tomcat started on port", -1)).as("the actuator had a port of its own, any free one").hasSize(3);
    }

    @Test
    void extractsTheJarAsSpringBootsOwnToolDoes() throws Exception {
        Path byTool = dir.resolve("by-tool");
        Process tool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Djarmode=tools",
                "-jar", JAR.toString(), "extract", "--destination", byTool.toString(), "--application-filename", "tandem.jar")
                .redirectErrorStream(true).redirectOutput(dir.resolve("tool.out").toFile()).start();
        assertThat(tool.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(tool.exitValue()).as(Files.readString(dir.resolve("tool.out"))).isZero();
        Path byTandem = Files.createDirectories(dir.resolve("by-tandem"));
        BootJarExtraction.extract(JAR, byTandem, "tandem.jar");

        List<String> libraries;
        try (Stream<Path> tools = Files.list(byTool.resolve("lib")); Stream<Path> ours = Files.list(byTandem.resolve("lib"))) {
            libraries = tools.map(p -> p.getFileName().toString()).sorted().toList();
            assertThat(ours.map(p -> p.getFileName().toString()).sorted()).containsExactlyElementsOf(libraries);
        }
        assertThat(libraries).hasSizeGreaterThan(50).anyMatch(name -> name.startsWith("picocli-") && name.endsWith(".jar"));
        for (String library : libraries) {
            assertThat(Files.mismatch(byTool.resolve("lib").resolve(library), byTandem.resolve("lib").resolve(library)))
                    .as(library).isEqualTo(-1L);
        }
        try (JarFile tools = new JarFile(byTool.resolve("tandem.jar").toFile()); JarFile ours = new JarFile(byTandem.resolve("tandem.jar").toFile())) {
            assertThat(ours.getManifest().getMainAttributes()).isEqualTo(tools.getManifest().getMainAttributes());
            Map<String, JarEntry> toolsEntries = new TreeMap<>();
            tools.stream().forEach(e -> toolsEntries.put(e.getName(), e));
            Map<String, JarEntry> ourEntries = new TreeMap<>();
            ours.stream().forEach(e -> ourEntries.put(e.getName(), e));
            assertThat(ourEntries.keySet()).containsExactlyElementsOf(toolsEntries.keySet())
                    .contains("dev/tandem/Tandem.class", "application.properties", "META-INF/tandem/startup-classes.txt")
                    .noneMatch(name -> name.startsWith("org/springframework/boot/loader/"));
            for (JarEntry entry : toolsEntries.values()) {
                if (!entry.isDirectory() && !entry.getName().equals("META-INF/MANIFEST.MF")) {
                    try (var expected = tools.getInputStream(entry); var actual = ours.getInputStream(ourEntries.get(entry.getName()))) {
                        assertThat(actual.readAllBytes()).as(entry.getName()).isEqualTo(expected.readAllBytes());
                    }
                }
            }
        }
    }

    @Test
    void switchedOffItServesInTheLaunchingJvm() throws Exception {
        Server server = start(List.of(), Map.of("TANDEM_RELAUNCH", "false"));
        try {
            assertThat(serverJvms(server)).isEmpty();
            assertThat(dir.resolve("cache")).doesNotExist();
            assertThat(Files.readString(server.log())).contains("Starting AOT-processed Tandem");
        } finally {
            stop(server);
        }
    }

    @Test
    void aSettingThatMaySwitchComponentsOnOrOffStartsWithoutTheGeneratedBeanDefinitions() throws Exception {
        // Relaunched: the server JVM gets the operator's option and decides.
        Server server = start(List.of("-Dspringdoc.api-docs.enabled=false"), Map.of());
        try {
            assertThat(Files.readString(server.log()))
                    .contains("starting without the ahead-of-time bean definitions because -Dspringdoc.api-docs.enabled is set")
                    .doesNotContain("Starting AOT-processed");
            assertThat(status(server, "/v3/api-docs")).as("the setting took effect").isEqualTo(404);
        } finally {
            stop(server);
        }
        // Why: forced onto the generated definitions, the same setting is ignored (they were made at build time).
        Server forced = start(List.of("-Dspringdoc.api-docs.enabled=false"), Map.of("TANDEM_AOT", "true", "TANDEM_RELAUNCH", "false"));
        try {
            assertThat(Files.readString(forced.log())).contains("Starting AOT-processed Tandem");
            assertThat(status(forced, "/v3/api-docs")).isEqualTo(200);
        } finally {
            stop(forced);
        }
    }

    private int status(Server server, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static void stop(Server server) throws InterruptedException {
        server.launcher().destroy();
        assertThat(server.launcher().waitFor(2, TimeUnit.MINUTES)).isTrue();
    }
}
