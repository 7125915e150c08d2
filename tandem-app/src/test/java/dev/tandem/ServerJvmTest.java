package dev.tandem;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServerJvmTest {

    @TempDir
    Path dir;

    private Path jar(boolean boot) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (boot) {
            manifest.getMainAttributes().putValue("Spring-Boot-Classes", "BOOT-INF/classes/");
        }
        Path jar = dir.resolve(boot ? "tandem.jar" : "plain.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(out, manifest)) {
            return jar;
        }
    }

    private ServerJvm.Launch launch(Map<String, String> env, String... jvmOptions) throws IOException {
        Path jar = jar(true);
        List<String> arguments = new java.util.ArrayList<>(List.of(jvmOptions));
        arguments.addAll(List.of("-jar", jar.toString(), "--server.port=9090"));
        return ServerJvm.Launch.of(env, jar.toString(), arguments).orElseThrow();
    }

    private List<String> command(ServerJvm.Launch launch) {
        return command(launch, true);
    }

    private List<String> command(ServerJvm.Launch launch, boolean canWriteArchive) {
        return command(launch, canWriteArchive, 17);
    }

    private List<String> command(ServerJvm.Launch launch, boolean canWriteArchive, int javaFeature) {
        return launch.command(Path.of("/jdk/bin/java"), dir.resolve("app/tandem.jar"), dir.resolve("classes.jsa"),
                dir.resolve("classes-1.jsa.tmp"), canWriteArchive, new String[] {"--server.port=9090"}, javaFeature);
    }

    @Test
    void relaunchesOnlyAJarLaunchOfASpringBootJarThatIsNotSwitchedOff() throws IOException {
        Path boot = jar(true);
        Path plain = jar(false);
        List<String> onBoot = List.of("-Xmx512m", "-jar", boot.toString());

        assertThat(ServerJvm.Launch.of(Map.of(), boot.toString(), onBoot)).isPresent();
        assertThat(ServerJvm.Launch.of(Map.of("TANDEM_RELAUNCH", "false"), boot.toString(), onBoot))
                .as("switched off").isEmpty();
        assertThat(ServerJvm.Launch.of(Map.of(), plain.toString(), List.of("-jar", plain.toString())))
                .as("not a Spring Boot jar").isEmpty();
        assertThat(ServerJvm.Launch.of(Map.of(), "target/classes" + java.io.File.pathSeparator + "lib.jar",
                List.of("-cp", "target/classes", "dev.tandem.Tandem"))).as("an IDE or the tests").isEmpty();
        assertThat(ServerJvm.Launch.of(Map.of(), boot.toString(), null)).as("command line unknown").isEmpty();
    }

    @Test
    void theChildGetsTheTunedOptionsThenTheOperatorsOwnThenTheExtractedJarAndTheArguments() throws IOException {
        List<String> command = command(launch(Map.of(), "-Xmx512m", "-Dfoo=bar"));

        assertThat(command.get(0)).isEqualTo("/jdk/bin/java");
        assertThat(command.get(1)).isEqualTo("-D" + ServerJvm.PARENT_PROPERTY + "=" + ProcessHandle.current().pid());
        assertThat(command).containsSubsequence(ServerJvm.JIT_OPTIONS);
        assertThat(command).contains("-XX:ArchiveClassesAtExit=" + dir.resolve("classes-1.jsa.tmp"), "-Xlog:cds*=off")
                .as("without an archive the classes are still preloaded").noneMatch(o -> o.startsWith("-XX:SharedArchiveFile")
                        || o.startsWith("-Dtandem.preload-classes"));
        assertThat(command.subList(command.indexOf("-Xmx512m"), command.size()))
                .as("the operator's options come after the tuned ones, so theirs win")
                .containsExactly("-Xmx512m", "-Dfoo=bar", "-jar", dir.resolve("app/tandem.jar").toString(), "--server.port=9090");
    }

    @Test
    void aJvmWithoutTheJdksOwnArchiveIsNotAskedToWriteOne() throws IOException {
        assertThat(command(launch(Map.of()), false)).noneMatch(o -> o.contains("Archive") || o.startsWith("-Xlog:cds"))
                .containsSubsequence(ServerJvm.JIT_OPTIONS);
        assertThat(ServerJvm.classSharingActive()).as("this test JVM uses the JDK's archive, as Debian's JDK 17 does").isTrue();
    }

    @Test
    void anExistingArchiveIsUsedInsteadOfWritten() throws IOException {
        Files.writeString(dir.resolve("classes.jsa"), "archive");

        assertThat(command(launch(Map.of())))
                .contains("-XX:SharedArchiveFile=" + dir.resolve("classes.jsa"), "-Dtandem.preload-classes=false")
                .noneMatch(o -> o.startsWith("-XX:ArchiveClassesAtExit"));
    }

    @Test
    void fromJdk25TheArchiveIsAnAheadOfTimeCache() throws IOException {
        List<String> training = command(launch(Map.of()), true, 25);
        assertThat(training).contains("-XX:AOTCacheOutput=" + dir.resolve("classes-1.jsa.tmp"), "-Xlog:cds*=off", "-Xlog:aot*=off")
                .noneMatch(o -> o.startsWith("-XX:ArchiveClassesAtExit") || o.startsWith("-XX:SharedArchiveFile"));
        assertThat(command(launch(Map.of()), true, 24)).as("JDK 24 has AOT caches, but not the one-step -XX:AOTCacheOutput")
                .anyMatch(o -> o.startsWith("-XX:ArchiveClassesAtExit")).doesNotContain("-Xlog:aot*=off");

        Files.writeString(dir.resolve("classes.jsa"), "cache");
        assertThat(command(launch(Map.of()), true, 25))
                .contains("-XX:AOTCache=" + dir.resolve("classes.jsa"), "-Dtandem.preload-classes=false")
                .noneMatch(o -> o.startsWith("-XX:AOTCacheOutput"));
        assertThat(command(launch(Map.of(), "-XX:AOTMode=off"), true, 25)).as("the operator's own AOT option replaces ours")
                .noneMatch(o -> o.startsWith("-XX:AOTCache") || o.startsWith("-Xlog:aot"));
    }

    @Test
    void prepareLeavesTheArchiveToAnOperatorWhoChoseTheirOwnSharingOptions() throws IOException {
        assertThat(launch(Map.of()).archiveOptionsAreTandems()).isTrue();
        assertThat(launch(Map.of(), "-XX:SharedArchiveFile=/srv/app.jsa").archiveOptionsAreTandems()).isFalse();
        assertThat(launch(Map.of("JDK_JAVA_OPTIONS", "-XX:AOTMode=off")).archiveOptionsAreTandems()).isFalse();
        assertThat(launch(Map.of(), "-Xmx1g", "-XX:TieredStopAtLevel=1").archiveOptionsAreTandems())
                .as("a compiler option is not a sharing option").isTrue();
    }

    @Test
    void anOperatorsCompilerOrSharingOptionReplacesOursWhereverItIsSet() throws IOException {
        List<String> c1Only = command(launch(Map.of(), "-XX:TieredStopAtLevel=1"));
        assertThat(c1Only).doesNotContainAnyElementsOf(ServerJvm.JIT_OPTIONS).contains("-XX:TieredStopAtLevel=1");

        List<String> fromEnvironment = command(launch(Map.of("JAVA_TOOL_OPTIONS", " -XX:Tier4InvocationThreshold=9  -Xss1m")));
        assertThat(fromEnvironment).doesNotContainAnyElementsOf(ServerJvm.JIT_OPTIONS)
                .anyMatch(o -> o.startsWith("-XX:ArchiveClassesAtExit"))
                .as("options from the environment reach the child by inheritance, not twice").doesNotContain("-Xss1m");

        List<String> noSharing = command(launch(Map.of("JDK_JAVA_OPTIONS", "-Xshare:off")));
        assertThat(noSharing).noneMatch(o -> o.contains("Archive") || o.startsWith("-Xlog:cds"));
    }

    @Test
    void prepareSeesAnActuatorPortOfItsOwnWhereverTheOperatorGaveIt() throws IOException {
        assertThat(launch(Map.of()).setsManagementPort()).isFalse();
        assertThat(launch(Map.of(), "-Dmanagement.server.port=9090").setsManagementPort()).isTrue();
        assertThat(launch(Map.of("JAVA_TOOL_OPTIONS", "-Xmx1g -Dmanagement.server.port=9090")).setsManagementPort()).isTrue();
        assertThat(launch(Map.of(), "-Dmanagement.server.address=127.0.0.1", "-Dserver.port=9090").setsManagementPort()).isFalse();
    }

    @Test
    void anAttachedAgentOrDebuggerKeepsTheServerInThisJvm() throws IOException {
        assertThat(launch(Map.of()).refusal()).isNull();
        assertThat(launch(Map.of(), "-agentlib:jdwp=transport=dt_socket,server=y,address=5005").refusal())
                .contains("debugger").contains("-agentlib:jdwp");
        assertThat(launch(Map.of("JAVA_TOOL_OPTIONS", "-javaagent:/opt/otel.jar")).refusal()).contains("-javaagent:/opt/otel.jar");
    }

    @Test
    void aJmxPortFlightRecordingOrLogFileOfTheLaunchingJvmKeepsTheServerInIt() throws IOException {
        assertThat(launch(Map.of(), "-Dcom.sun.management.jmxremote.port=9010").refusal())
                .as("bound by the launching JVM at its start: the server JVM could not bind it").contains("jmxremote.port");
        assertThat(launch(Map.of("JAVA_TOOL_OPTIONS", "-Dcom.sun.management.jmxremote.rmi.port=9011")).refusal()).isNotNull();
        assertThat(launch(Map.of(), "-XX:StartFlightRecording=filename=tandem.jfr").refusal()).isNotNull();
        assertThat(launch(Map.of(), "-Xlog:gc*:file=gc.log").refusal()).isNotNull();
        assertThat(launch(Map.of(), "-Xlog:gc:gc.log").refusal()).isNotNull();
        assertThat(launch(Map.of(), "-Xloggc:gc.log").refusal()).isNotNull();
        assertThat(launch(Map.of(), "-Xms1g", "-XX:+AlwaysPreTouch").refusal())
                .as("the launching JVM touched its whole heap already: a server JVM would need as much again").contains("AlwaysPreTouch");
        assertThat(launch(Map.of(), "-Dcom.sun.management.jmxremote", "-Xlog:gc", "-Xlog:gc*:stdout", "-Xlog:gc::uptime",
                "-Xlog:disable").refusal()).as("nothing bound, nothing written to a file").isNull();
    }

    @Test
    void theCacheLivesWhereTheOperatorSaysElseUnderTheUsersCacheDirectory() {
        assertThat(ServerJvm.cacheRoot(Map.of("TANDEM_CACHE_DIR", "/var/cache/tandem", "XDG_CACHE_HOME", "/x")))
                .isEqualTo(Path.of("/var/cache/tandem"));
        assertThat(ServerJvm.cacheRoot(Map.of("XDG_CACHE_HOME", "/x"))).isEqualTo(Path.of("/x/tandem"));
        assertThat(ServerJvm.cacheRoot(Map.of())).isEqualTo(Path.of(System.getProperty("user.home"), ".cache", "tandem"));
    }

    @Test
    void aCacheDirectoryOtherUsersCanWriteToIsRefused() throws IOException {
        Path root = Files.createDirectories(dir.resolve("cache"));
        Path current = Files.createDirectories(root.resolve("jvm-current"));
        ServerJvm.Cache.requirePrivate(root, current);

        Files.setPosixFilePermissions(root, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
        assertThatThrownBy(() -> ServerJvm.Cache.requirePrivate(root, current))
                .as("anyone could replace jvm-current").hasMessageContaining("can be written by other users");
        Files.setAttribute(root, "unix:mode", 01777);
        ServerJvm.Cache.requirePrivate(root, current); // like /tmp: others cannot touch what is ours

        Files.setPosixFilePermissions(current, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xrwx"));
        assertThatThrownBy(() -> ServerJvm.Cache.requirePrivate(root, current)).hasMessageContaining("jvm-current");
    }

    @Test
    void aNewJarOrANewJvmGetsANewCacheDirectory() throws IOException {
        byte[] tail = {1, 2, 3};
        String key = ServerJvm.Cache.key("/opt/tandem.jar", 100, 5, tail, "/jdk", "17.0.15");

        assertThat(key).hasSize(16).isEqualTo(ServerJvm.Cache.key("/opt/tandem.jar", 100, 5, new byte[] {1, 2, 3}, "/jdk", "17.0.15"));
        assertThat(List.of(
                ServerJvm.Cache.key("/srv/tandem.jar", 100, 5, tail, "/jdk", "17.0.15"),
                ServerJvm.Cache.key("/opt/tandem.jar", 101, 5, tail, "/jdk", "17.0.15"),
                ServerJvm.Cache.key("/opt/tandem.jar", 100, 6, tail, "/jdk", "17.0.15"),
                ServerJvm.Cache.key("/opt/tandem.jar", 100, 5, new byte[] {1, 2, 4}, "/jdk", "17.0.15"),
                ServerJvm.Cache.key("/opt/tandem.jar", 100, 5, tail, "/jdk21", "17.0.15"),
                ServerJvm.Cache.key("/opt/tandem.jar", 100, 5, tail, "/jdk", "17.0.16"))).doesNotContain(key).doesNotHaveDuplicates();

        // a jar replaced in place by another of the same size: its central directory (the tail) differs
        Path jar = dir.resolve("a.jar");
        Files.write(jar, new byte[100_000]);
        byte[] before = ServerJvm.Cache.tail(jar);
        byte[] changed = new byte[100_000];
        changed[99_000] = 7;
        Files.write(jar, changed);
        assertThat(before).hasSize(64 * 1024);
        assertThat(ServerJvm.Cache.tail(jar)).isNotEqualTo(before);
        Files.write(jar, new byte[10]);
        assertThat(ServerJvm.Cache.tail(jar)).as("a small file is read whole").hasSize(10);
    }

    @Test
    void theFirstArchiveWrittenIsKeptAndLaterOnesAreDropped() throws IOException {
        ServerJvm.Cache cache = new ServerJvm.Cache(dir, Path.of("/jdk/bin/java"));
        Path first = Files.writeString(dir.resolve("classes-1.jsa.tmp"), "first");
        Path second = Files.writeString(dir.resolve("classes-2.jsa.tmp"), "second");
        Path empty = Files.writeString(dir.resolve("classes-3.jsa.tmp"), "");

        Path failed = Files.writeString(dir.resolve("classes-5.jsa.tmp"), "partial");
        cache.keepArchive(failed, 1);
        assertThat(cache.archive()).as("a server that failed to start archived only part of its classes").doesNotExist();
        assertThat(failed).doesNotExist();

        cache.keepArchive(empty, 0);
        assertThat(cache.archive()).as("an empty file is no archive").doesNotExist();
        assertThat(empty).doesNotExist();

        cache.keepArchive(first, 143);
        cache.keepArchive(second, 0);
        assertThat(cache.archive()).hasContent("first");
        assertThat(first).doesNotExist();
        assertThat(second).doesNotExist();

        cache.keepArchive(dir.resolve("classes-4.jsa.tmp"), 0); // the server wrote none (killed): nothing to do
        assertThat(cache.archive()).hasContent("first");
    }

    @Test
    void theCacheKeepsTheMostRecentlyUsedDirectoriesOfOtherJarsAndNeverOneAServerRunsFrom() throws IOException {
        Path root = dir.resolve("cache");
        Path current = Files.createDirectories(root.resolve("jvm-current"));
        List<String> names = List.of("jvm-a", "jvm-b", "jvm-c", "jvm-d", "jvm-running");
        for (int i = 0; i < names.size(); i++) {
            Path other = Files.createDirectories(root.resolve(names.get(i)).resolve("app"));
            Files.writeString(other.resolve("tandem.jar"), "jar");
            long usedAt = names.get(i).equals("jvm-running") ? 0 : 1_000_000L * (i + 1);
            Files.setLastModifiedTime(other.getParent(), java.nio.file.attribute.FileTime.fromMillis(usedAt));
        }
        ServerJvm.Cache.holdInUse(root.resolve("jvm-running")); // the oldest, but a server still runs from it
        Files.setLastModifiedTime(root.resolve("jvm-running"), java.nio.file.attribute.FileTime.fromMillis(0));
        Path notOurs = Files.createDirectories(root.resolve("notes"));

        ServerJvm.Cache.removeUnused(root, current, 2);

        assertThat(root.resolve("jvm-a")).doesNotExist();
        assertThat(root.resolve("jvm-b")).doesNotExist();
        assertThat(root.resolve("jvm-c").resolve("app/tandem.jar")).exists();
        assertThat(root.resolve("jvm-d").resolve("app/tandem.jar")).exists();
        assertThat(root.resolve("jvm-running").resolve("app/tandem.jar")).exists();
        assertThat(current).exists();
        assertThat(notOurs).exists();
    }

    @Test
    void theCacheIsPrivateToItsUserAndADirectoryOthersCanWriteIsRefused() throws IOException {
        Path created = dir.resolve("cache/jvm-new");
        ServerJvm.Cache.createPrivately(created);
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(created))).isEqualTo("rwx------");
        ServerJvm.Cache.requirePrivate(dir.resolve("cache"), created);

        Path shared = Files.createDirectories(dir.resolve("shared"));
        Files.setPosixFilePermissions(shared, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
        Path inShared = Files.createDirectories(shared.resolve("jvm-x"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ServerJvm.Cache.requirePrivate(shared, inShared))
                .isInstanceOf(IOException.class).hasMessageContaining("can be written by other users");
    }
}
