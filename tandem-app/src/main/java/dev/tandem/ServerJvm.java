package dev.tandem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Serves Tandem from a second JVM that is started with options suited to a server that should be up in
 * seconds, because a jar's manifest cannot carry JVM options and the JVM's defaults cost a two-core
 * machine most of its start-up (docs/performance.md): the C2 compiler held back until code is really hot,
 * and a class-data-sharing archive of the application's own classes.
 * <p>
 * {@code java -jar tandem.jar} (serving, not a subcommand) extracts the jar once into a cache
 * directory (HotSpot archives only classes loaded from plain jars on the class path), starts
 * {@code java <tuned options> <the operator's own JVM options> -jar <extracted jar> <arguments>} with the
 * same standard streams and environment, and waits for it. The operator's options come last, so where
 * both set something theirs wins; a compiler or class-data-sharing option of theirs replaces ours
 * entirely. The first server started from a new jar writes the archive when it stops; later starts
 * use it. SIGTERM or Ctrl-C to the launching JVM stops the server gracefully and waits for it; if the
 * launching JVM dies the server notices within seconds and stops too.
 * <p>
 * It serves in the launching JVM instead when {@code TANDEM_RELAUNCH=false} (or
 * {@code -Dtandem.relaunch=false}), when it was not started with {@code -jar} on a Spring Boot jar (an IDE,
 * the tests), when a Java agent is attached (a debugger's port cannot be bound twice), or when the
 * cache cannot be written; the last two say so on standard error. This class uses nothing but the JDK:
 * the launching JVM never loads Spring.
 */
final class ServerJvm {

    /** Set on the child: the process id of the launching JVM, which the child outlives by seconds at most. */
    static final String PARENT_PROPERTY = "tandem.server-jvm.parent";

    /**
     * C2 compiles a method after 10 times as many calls and loops as by default: the start no longer
     * compiles thousands of once-used methods with C2 (which used more CPU than the main thread), while
     * the request paths, called thousands of times a second under load, still reach it.
     */
    static final List<String> JIT_OPTIONS = List.of(
            "-XX:Tier4InvocationThreshold=50000", "-XX:Tier4MinInvocationThreshold=6000",
            "-XX:Tier4CompileThreshold=150000", "-XX:Tier4BackEdgeThreshold=400000");

    private static final Pattern JIT_OPTION = Pattern.compile(
            "-Xint|-Xcomp|-XX:[+-]?TieredCompilation|-XX:TieredStopAtLevel=.*|-XX:Tier4\\w+=.*|-XX:CompileThresholdScaling=.*");
    private static final Pattern CDS_OPTION = Pattern.compile(
            "-Xshare:.*|-XX:(SharedArchiveFile|ArchiveClassesAtExit|SharedClassListFile|DumpLoadedClassList)=.*"
                    + "|-XX:[+-](AutoCreateSharedArchive|RecordDynamicDumpInfo|AOTClassLinking)|-XX:AOT\\w+=.*");
    private static final Pattern AGENT_OPTION = Pattern.compile("-agentlib:.*|-agentpath:.*|-javaagent:.*|-Xrunjdwp.*|-Xdebug");
    /**
     * Options the launching JVM acts on itself, before it can decide anything, in a way the server JVM then
     * cannot repeat: a JMX port is bound twice (the server fails to start), a flight recording or a log file is
     * written by both JVMs (the launcher's, written last, replaces or garbles the server's).
     */
    private static final Pattern OWN_RESOURCE_OPTION = Pattern.compile(
            "-Dcom\\.sun\\.management\\.jmxremote\\.(rmi\\.)?port=.*|-XX:StartFlightRecording.*|-Xloggc:.*"
                    + "|-Xlog:[^:]*:(?!stdout|stderr|:).+|-XX:LogFile=.*");
    private static final List<String> ENV_OPTIONS = List.of("JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS");
    private static final String ARCHIVE = "classes.jsa";
    /** From this feature release on the archive is an ahead-of-time cache (JEP 514's -XX:AOTCacheOutput). */
    static final int AOT_CACHE_FEATURE = 25;
    private static final String PENDING_SUFFIX = ".jsa.tmp";
    private static final Duration STOP_WAIT = Duration.ofSeconds(90);
    private static final String IN_USE = "in-use";
    private static final String EXTRACTING = "extracting";
    private static final String TRAINING_LOG = "training.log";
    /** How many directories of other jars (or JVMs) the cache keeps besides the current one. */
    static final int KEEP_OTHERS = 2;
    private static final List<FileLock> IN_USE_LOCKS = new java.util.concurrent.CopyOnWriteArrayList<>();

    private ServerJvm() {
    }

    /**
     * Serves from a tuned child JVM when that applies and returns its exit status; empty when this JVM
     * should serve. On the child it returns empty after arranging to stop when the launching JVM is gone.
     */
    static OptionalInt serve(String[] args) {
        String parent = System.getProperty(PARENT_PROPERTY);
        if (parent != null) {
            stopWithParent(parent);
            return OptionalInt.empty();
        }
        Optional<Launch> launch = Launch.of(System.getenv(), System.getProperty("java.class.path"),
                ProcessHandle.current().info().arguments().map(Arrays::asList).orElse(null));
        if (launch.isEmpty()) {
            return OptionalInt.empty();
        }
        String refusal = launch.get().refusal();
        if (refusal != null) {
            System.err.println("tandem: serving in this JVM: " + refusal);
            return OptionalInt.empty();
        }
        Cache cache;
        try {
            cache = Cache.prepare(launch.get(), System.getProperty("java.home"), System.getProperty("java.vm.version"));
        } catch (IOException | UncheckedIOException | InterruptedException e) {
            System.err.println("tandem: serving in this JVM: cannot prepare the JVM cache: " + e.getMessage());
            return OptionalInt.empty();
        }
        return OptionalInt.of(cache.run(launch.get(), args));
    }

    /** Set on the training start of {@link #prepare}: the server stops as soon as it is ready. */
    static final String TRAINING_PROPERTY = "tandem.training-run";

    /**
     * {@code java -jar tandem.jar prepare}: makes the next start of this jar a warm one, as a deployment
     * step. It extracts the jar into the cache and, if there is no class archive yet, starts the server once
     * on a throw-away embedded database and a free port, and stops it as soon as it is ready, which writes
     * the archive. Returns the exit status for the command line.
     */
    static int prepare() {
        Optional<Launch> launch = Launch.of(System.getenv(), System.getProperty("java.class.path"),
                ProcessHandle.current().info().arguments().map(Arrays::asList).orElse(null));
        if (launch.isEmpty()) {
            System.out.println("Nothing to prepare: the server does not start in a JVM of its own here"
                    + " (TANDEM_RELAUNCH=false, no usable cache directory, or not started as java -jar tandem.jar).");
            return 0;
        }
        String refusal = launch.get().refusal();
        if (refusal != null) {
            System.err.println("tandem prepare: the server would serve in the launching JVM: " + refusal);
            return 1;
        }
        long started = System.nanoTime();
        try {
            Cache cache = Cache.prepare(launch.get(), System.getProperty("java.home"), System.getProperty("java.vm.version"));
            if (Files.isRegularFile(cache.archive())) {
                System.out.println("Already prepared: " + cache.directory());
                return 0;
            }
            if (!launch.get().archiveOptionsAreTandems()) {
                System.out.println("Extracted into " + cache.directory() + "; your own class-sharing or ahead-of-time-cache"
                        + " options decide the archive, so Tandem writes none.");
                return 0;
            }
            if (!classSharingActive()) {
                System.out.println("Extracted into " + cache.directory() + "; this JVM has no class-data sharing, so there is"
                        + " no class archive to write.");
                return 0;
            }
            int status = cache.train(launch.get());
            if (status != 0 || !Files.isRegularFile(cache.archive())) {
                System.err.println("tandem prepare: the training start failed (exit status " + status + "); its log: "
                        + cache.directory().resolve(TRAINING_LOG));
                return 1;
            }
            System.out.printf("Prepared in %.1f s: %s (class archive %d MB)%n", (System.nanoTime() - started) / 1e9,
                    cache.directory(), Files.size(cache.archive()) >> 20);
            return 0;
        } catch (IOException | UncheckedIOException | InterruptedException e) {
            System.err.println("tandem prepare: " + e.getMessage());
            return 1;
        }
    }

    /** How this JVM was launched, read from its command line and environment. */
    record Launch(Path jar, List<String> commandLineOptions, List<String> environmentOptions, Path cacheRoot) {

        /**
         * Empty unless this JVM runs {@code -jar} on a Spring Boot jar and relaunching is not switched off.
         * {@code arguments} are this process's arguments after the executable, as the OS reports them.
         */
        static Optional<Launch> of(Map<String, String> env, String classPath, List<String> arguments) {
            if ("false".equalsIgnoreCase(System.getProperty("tandem.relaunch", env.getOrDefault("TANDEM_RELAUNCH", "true")))) {
                return Optional.empty();
            }
            if (arguments == null || classPath == null || !classPath.endsWith(".jar") || classPath.contains(java.io.File.pathSeparator)) {
                return Optional.empty();
            }
            int jarFlag = arguments.indexOf("-jar");
            if (jarFlag < 0 || jarFlag + 1 >= arguments.size()) {
                return Optional.empty();
            }
            Path jar = Path.of(classPath).toAbsolutePath().normalize();
            if (!jar.equals(Path.of(arguments.get(jarFlag + 1)).toAbsolutePath().normalize()) || !isBootJar(jar)) {
                return Optional.empty();
            }
            List<String> fromEnvironment = new ArrayList<>();
            for (String name : ENV_OPTIONS) {
                String value = env.get(name);
                if (value != null && !value.isBlank()) {
                    fromEnvironment.addAll(Arrays.asList(value.trim().split("\\s+")));
                }
            }
            Path cacheRoot = ServerJvm.cacheRoot(env);
            if (cacheRoot == null) {
                return Optional.empty();
            }
            return Optional.of(new Launch(jar, List.copyOf(arguments.subList(0, jarFlag)), List.copyOf(fromEnvironment),
                    cacheRoot));
        }

        /** Why this JVM must serve itself although it could relaunch, or null. */
        String refusal() {
            Optional<String> agent = allOptions().filter(o -> AGENT_OPTION.matcher(o).matches()).findFirst();
            if (agent.isPresent()) {
                return "a Java agent or debugger is attached (" + agent.get() + ")";
            }
            if (allOptions().anyMatch("-XX:+AlwaysPreTouch"::equals)) {
                // the launching JVM has already touched its whole initial heap: a second one would double it
                return "this JVM already holds its whole heap (-XX:+AlwaysPreTouch)";
            }
            return allOptions().filter(o -> OWN_RESOURCE_OPTION.matcher(o).matches()).findFirst()
                    .map(o -> "this JVM already binds or writes what the server would (" + o + ")").orElse(null);
        }

        /**
         * The child's command line: the tuned options that do not clash with the operator's, then the
         * operator's own command-line options (the environment's reach the child by inheritance), then the
         * extracted jar and the arguments. {@code archive} is used when it exists, else written to
         * {@code pendingArchive} when the child exits, if {@code canWriteArchive}: HotSpot refuses to start
         * with {@code -XX:ArchiveClassesAtExit} when it has no base archive of the JDK's own classes. On a JDK of
         * feature release 25 or later ({@code javaFeature}) the archive is an ahead-of-time cache
         * ({@code -XX:AOTCacheOutput}/{@code -XX:AOTCache}, JEPs 483 and 514), which holds the classes loaded
         * and linked and the methods' profiles; before, a dynamic class-data-sharing archive.
         */
        List<String> command(Path java, Path extractedJar, Path archive, Path pendingArchive, boolean canWriteArchive,
                             String[] args, int javaFeature) {
            List<String> command = new ArrayList<>();
            command.add(java.toString());
            command.add("-D" + PARENT_PROPERTY + "=" + ProcessHandle.current().pid());
            if (none(JIT_OPTION)) {
                command.addAll(JIT_OPTIONS);
            }
            if (none(CDS_OPTION) && (canWriteArchive || Files.isRegularFile(archive))) {
                boolean aotCache = javaFeature >= AOT_CACHE_FEATURE;
                if (Files.isRegularFile(archive)) {
                    command.add((aotCache ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=") + archive);
                    // Classes come from the archive ready-made: preloading them on the second core only took
                    // CPU time from the compilers (measured, docs/performance.md).
                    command.add("-D" + ClassPreloader.SWITCH + "=false");
                } else {
                    command.add((aotCache ? "-XX:AOTCacheOutput=" : "-XX:ArchiveClassesAtExit=") + pendingArchive);
                }
                // The archive is optional: a mismatch falls back silently instead of printing warnings at
                // every start, and the classes that cannot be archived are not listed when it is written.
                command.add("-Xlog:cds*=off");
                if (aotCache) {
                    command.add("-Xlog:aot*=off");
                }
            }
            command.addAll(commandLineOptions);
            command.add("-jar");
            command.add(extractedJar.toString());
            command.addAll(Arrays.asList(args));
            return command;
        }

        /** Whether the operator's JVM options give the actuator a port of its own ({@code -Dmanagement.server.port=}). */
        boolean setsManagementPort() {
            return allOptions().anyMatch(o -> o.startsWith("-Dmanagement.server.port="));
        }

        /** Whether the operator gave no class-sharing or ahead-of-time-cache option, so Tandem chooses the archive. */
        boolean archiveOptionsAreTandems() {
            return none(CDS_OPTION);
        }

        private boolean none(Pattern pattern) {
            return allOptions().noneMatch(o -> pattern.matcher(o).matches());
        }

        private Stream<String> allOptions() {
            return Stream.concat(commandLineOptions.stream(), environmentOptions.stream());
        }
    }

    /**
     * The cache directory: {@code TANDEM_CACHE_DIR}, else {@code $XDG_CACHE_HOME/tandem}, else
     * {@code ~/.cache/tandem}; null when none of them is usable.
     */
    static Path cacheRoot(Map<String, String> env) {
        String explicit = env.get("TANDEM_CACHE_DIR");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit).toAbsolutePath();
        }
        String xdg = env.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "tandem").toAbsolutePath();
        }
        String home = System.getProperty("user.home");
        if (home == null || home.isBlank() || home.equals("?") || !Path.of(home).isAbsolute()) {
            return null; // no usable home directory (a service account without one): serve in this JVM
        }
        return Path.of(home, ".cache", "tandem");
    }

    private static boolean isBootJar(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getManifest() != null && file.getManifest().getMainAttributes().getValue("Spring-Boot-Classes") != null;
        } catch (IOException e) {
            return false;
        }
    }

    /** One jar's extracted copy and class archive, for one JVM build. */
    record Cache(Path directory, Path java) {

        /**
         * The directory for this jar (path, size, modification time) and this JVM (home, version),
         * with the jar extracted into {@code app/}: once, as Spring Boot's own {@code extract} tool does it
         * ({@link BootJarExtraction}).
         */
        static Cache prepare(Launch launch, String javaHome, String vmVersion) throws IOException, InterruptedException {
            Path jar = launch.jar();
            Path directory = launch.cacheRoot().resolve("jvm-" + key(jar.toString(), Files.size(jar),
                    Files.getLastModifiedTime(jar).toMillis(), tail(jar), javaHome, vmVersion));
            Path java = Path.of(javaHome, "bin", "java");
            Cache cache = new Cache(directory, java);
            createPrivately(directory);
            requirePrivate(launch.cacheRoot(), directory);
            holdInUse(directory);
            if (!Files.isRegularFile(cache.extractedJar())) {
                // One launch extracts; another launching the same new jar at the same moment waits for it
                // rather than replacing an app/ whose server may already be starting.
                try (FileChannel channel = FileChannel.open(directory.resolve(EXTRACTING), StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE); FileLock extracting = channel.lock()) {
                    if (!Files.isRegularFile(cache.extractedJar())) {
                        cache.extract(jar);
                    }
                }
            }
            cache.removeAbandonedArchives();
            Files.setLastModifiedTime(directory, FileTime.from(Instant.now()));
            removeUnused(launch.cacheRoot(), directory, KEEP_OTHERS);
            return cache;
        }

        /** Creates the directory (and missing parents) readable and writable by this user only, where POSIX. */
        static void createPrivately(Path directory) throws IOException {
            if (posix()) {
                Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(directory);
            }
        }

        private static boolean posix() {
            return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        }

        /**
         * The server JVM runs the code it finds in {@code directory}: refuses it unless it is this user's own
         * and no other user can write to it or replace it (a shared cache directory such as {@code /tmp/tandem},
         * where another local user could have planted a jar under the predictable name). Where the file
         * system has no owners or Unix modes there is nothing to check.
         */
        static void requirePrivate(Path root, Path directory) throws IOException {
            String user = System.getProperty("user.name");
            if (user != null && !user.equals("?") && !Files.getOwner(directory).getName().equals(user)) {
                throw new IOException(directory + " belongs to " + Files.getOwner(directory).getName() + ", not " + user);
            }
            for (Path path : List.of(directory, root)) {
                Integer mode;
                try {
                    mode = (Integer) Files.getAttribute(path, "unix:mode");
                } catch (UnsupportedOperationException | IllegalArgumentException noUnixModes) {
                    return;
                }
                boolean othersWrite = (mode & 0002) != 0;
                boolean sticky = (mode & 01000) != 0;
                if (othersWrite && (path.equals(directory) || !sticky)) {
                    throw new IOException(path + " can be written by other users");
                }
            }
        }

        /**
         * A shared lock on the directory's {@code in-use} file, held until this JVM exits (the OS releases
         * it then, however it ends): {@link #removeUnused} never deletes a directory a server runs from.
         */
        static void holdInUse(Path directory) throws IOException {
            FileChannel channel = FileChannel.open(directory.resolve(IN_USE), StandardOpenOption.CREATE,
                    StandardOpenOption.READ, StandardOpenOption.WRITE);
            IN_USE_LOCKS.add(channel.lock(0, Long.MAX_VALUE, true));
        }

        /**
         * Deletes the directories of other jars or JVMs, apart from the {@code keep} most recently used
         * ones and any a running server holds: every rebuilt jar gets a directory of its own (~130 MB).
         */
        static void removeUnused(Path root, Path current, int keep) throws IOException {
            List<Path> others;
            try (Stream<Path> dirs = Files.list(root)) {
                others = dirs.filter(d -> !d.equals(current) && d.getFileName().toString().startsWith("jvm-") && Files.isDirectory(d))
                        .sorted(Comparator.comparing(Cache::lastUsed).reversed()).toList();
            }
            for (Path other : others.subList(Math.min(keep, others.size()), others.size())) {
                try (FileChannel channel = FileChannel.open(other.resolve(IN_USE), StandardOpenOption.CREATE,
                        StandardOpenOption.READ, StandardOpenOption.WRITE);
                     FileLock unused = channel.tryLock(0, Long.MAX_VALUE, false)) {
                    if (unused != null) {
                        deleteTree(other);
                    }
                } catch (IOException | java.nio.channels.OverlappingFileLockException inUseOrGone) {
                    // a server runs from it, or another launch removed it first
                }
            }
        }

        private static FileTime lastUsed(Path directory) {
            try {
                return Files.getLastModifiedTime(directory);
            } catch (IOException e) {
                return FileTime.fromMillis(0);
            }
        }

        static String key(String jarPath, long size, long modifiedMillis, byte[] tail, String javaHome, String vmVersion) {
            MessageDigest digest = sha256();
            digest.update(tail);
            String identity = String.join("\n", jarPath, Long.toString(size), Long.toString(modifiedMillis), javaHome, vmVersion);
            return HexFormat.of().formatHex(digest.digest(identity.getBytes(StandardCharsets.UTF_8)), 0, 8);
        }

        /**
         * The jar's last 64 KiB: its central directory, which lists every entry with its CRC, so a jar
         * replaced in place by another of the same size and modification time still gets a new directory.
         */
        static byte[] tail(Path jar) throws IOException {
            try (FileChannel channel = FileChannel.open(jar, StandardOpenOption.READ)) {
                long size = channel.size();
                ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(size, 64 * 1024));
                long position = size - buffer.capacity();
                while (buffer.hasRemaining()) {
                    if (channel.read(buffer, position + buffer.position()) < 0) {
                        break;
                    }
                }
                return buffer.array();
            }
        }

        private static MessageDigest sha256() {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        Path extractedJar() {
            return directory.resolve("app").resolve("tandem.jar");
        }

        Path archive() {
            return directory.resolve(ARCHIVE);
        }

        private void extract(Path jar) throws IOException {
            System.err.println("tandem: preparing a JVM for this jar, once, in " + directory);
            Path staging = Files.createTempDirectory(directory, "extract-");
            try {
                BootJarExtraction.extract(jar, staging, "tandem.jar");
                Path app = directory.resolve("app");
                if (Files.exists(app)) {
                    deleteTree(app); // an incomplete copy from an interrupted run
                }
                Files.move(staging, app, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                deleteTree(staging);
            }
        }

        /** Archives a child was still writing when its launcher died (older than an hour). */
        private void removeAbandonedArchives() throws IOException {
            Instant hourAgo = Instant.now().minus(Duration.ofHours(1));
            try (DirectoryStream<Path> pending = Files.newDirectoryStream(directory, "*" + PENDING_SUFFIX)) {
                for (Path file : pending) {
                    FileTime modified = Files.getLastModifiedTime(file);
                    if (modified.toInstant().isBefore(hourAgo)) {
                        Files.deleteIfExists(file);
                    }
                }
            }
            // and copies an extraction or a training start left when its launcher was stopped in the middle
            // (and the log of such a training start)
            try (DirectoryStream<Path> staging = Files.newDirectoryStream(directory, "{extract-*,training-data-*,training-*.log}")) {
                for (Path copy : staging) {
                    if (Files.getLastModifiedTime(copy).toInstant().isBefore(hourAgo)) {
                        deleteTree(copy);
                    }
                }
            }
        }

        /**
         * The training start of {@link ServerJvm#prepare}: the server with the operator's JVM options and the
         * archive option, on an embedded database in a scratch directory and a free port (whatever database
         * and port the environment names), told to stop once ready. Its output goes to a log of its own while it
         * runs, so that two {@code prepare} runs at once do not write into each other's, and then replaces
         * {@value #TRAINING_LOG}.
         */
        int train(Launch launch) throws IOException, InterruptedException {
            Path pending = directory.resolve("classes-" + ProcessHandle.current().pid() + PENDING_SUFFIX);
            Path log = directory.resolve("training-" + ProcessHandle.current().pid() + ".log");
            Path data = Files.createTempDirectory(directory, "training-data-");
            // Command-line arguments outrank every other source of settings (the operator's -D options,
            // JAVA_TOOL_OPTIONS, the environment), so the training start cannot reach the real database.
            String scratch = "jdbc:h2:file:" + data.resolve("tandem") + ";DB_CLOSE_ON_EXIT=FALSE;AUTO_RECONNECT=FALSE";
            String[] args = {"--server.port=0", "--spring.datasource.url=" + scratch, "--spring.datasource.username=sa",
                    "--spring.datasource.password=", "--spring.flyway.url=" + scratch, "--spring.flyway.user=sa",
                    "--spring.flyway.password=", "--tandem.data-dir=" + data, "--tandem.demo=false",
                    "--tandem.admin-password=" + randomPassword()};
            if (launch.setsManagementPort()) {
                // the operator's separate port for the actuator may be taken by the running server: any free one
                args = Arrays.copyOf(args, args.length + 1);
                args[args.length - 1] = "--management.server.port=0";
            }
            List<String> command = launch.command(java, extractedJar(), archive(), pending, true, args, Runtime.version().feature());
            command.add(1, "-D" + TRAINING_PROPERTY + "=true");
            Process server = null;
            try {
                // In the scratch directory, so that no application.properties of the working directory applies.
                ProcessBuilder builder = new ProcessBuilder(command).directory(data.toFile()).redirectErrorStream(true)
                        .redirectOutput(log.toFile());
                builder.environment().keySet().removeIf(name -> name.startsWith("TANDEM_") || name.startsWith("SPRING_")
                        || name.startsWith("MANAGEMENT_") || name.startsWith("SERVER_") || name.startsWith("SPRINGDOC_"));
                server = builder.start();
                if (!server.waitFor(5, TimeUnit.MINUTES)) {
                    server.destroyForcibly();
                    server.waitFor();
                }
                int status = server.exitValue();
                keepArchive(pending, status);
                return status;
            } finally {
                if (server != null && server.isAlive()) {
                    server.destroyForcibly(); // prepare itself was interrupted
                    server.waitFor(30, TimeUnit.SECONDS);
                }
                Files.deleteIfExists(pending);
                deleteTree(data);
                if (Files.exists(log)) {
                    Files.move(log, directory.resolve(TRAINING_LOG), StandardCopyOption.REPLACE_EXISTING,
                            StandardCopyOption.ATOMIC_MOVE);
                }
            }
        }

        private static String randomPassword() {
            byte[] bytes = new byte[18];
            new java.security.SecureRandom().nextBytes(bytes);
            return HexFormat.of().formatHex(bytes);
        }

        /** Starts the server JVM, waits for it and returns its exit status. */
        int run(Launch launch, String[] args) {
            Path pending = directory.resolve("classes-" + ProcessHandle.current().pid() + PENDING_SUFFIX);
            boolean canWriteArchive = !Files.isRegularFile(archive()) && classSharingActive();
            List<String> command = launch.command(java, extractedJar(), archive(), pending, canWriteArchive, args,
                    Runtime.version().feature());
            Process server;
            try {
                server = new ProcessBuilder(command).inheritIO().start();
            } catch (IOException e) {
                System.err.println("tandem: cannot start " + java + ": " + e.getMessage());
                return 1;
            }
            Thread stop = new Thread(() -> {
                // This JVM was asked to stop (SIGTERM, Ctrl-C): pass it on and wait for the graceful shutdown.
                server.destroy();
                try {
                    if (!server.waitFor(STOP_WAIT.toSeconds(), TimeUnit.SECONDS)) {
                        server.destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                keepArchive(pending, server.isAlive() ? -1 : server.exitValue());
            }, "tandem-server-stop");
            Runtime.getRuntime().addShutdownHook(stop);
            int status;
            while (true) {
                try {
                    status = server.waitFor();
                    break;
                } catch (InterruptedException e) {
                    // keep waiting: the shutdown hook decides when the server stops
                }
            }
            keepArchive(pending, status);
            return status;
        }

        /**
         * Adopts the archive the first server wrote on exit, unless another one was adopted meanwhile or the
         * server did not stop as a server does ({@code status} 0, or 130/143 after Ctrl-C/SIGTERM): one that
         * failed to start (port in use, bad configuration) archived only part of its classes, and the
         * first archive is kept for good.
         */
        synchronized void keepArchive(Path pending, int status) {
            try {
                if ((status == 0 || status == 130 || status == 143) && Files.isRegularFile(pending) && Files.size(pending) > 0 && !Files.exists(archive())) {
                    try {
                        Files.move(pending, archive(), StandardCopyOption.ATOMIC_MOVE);
                    } catch (AtomicMoveNotSupportedException e) {
                        Files.move(pending, archive());
                    }
                }
                Files.deleteIfExists(pending);
            } catch (IOException e) {
                // the next start writes one again
            }
        }
    }

    /**
     * Whether this JVM runs with the JDK's class-data-sharing archive, as the server JVM (same JDK, same
     * operator options) then will: only then can it write an archive of its own. Asked only while the
     * cache has no archive yet, as it loads the management classes.
     */
    static boolean classSharingActive() {
        try {
            var diagnostics = java.lang.management.ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
            if (diagnostics == null) {
                return false;
            }
            try {
                return "true".equals(diagnostics.getVMOption("UseSharedSpaces").getValue());
            } catch (IllegalArgumentException noSuchFlag) {
                // Newer JDKs no longer have the flag; their java.vm.info says "sharing" as 17's does.
                return String.valueOf(System.getProperty("java.vm.info")).contains("sharing");
            }
        } catch (RuntimeException | LinkageError notHotSpot) {
            return false;
        }
    }

    /** On the child: stop (gracefully, through the shutdown hooks) once the launching JVM is gone. */
    private static void stopWithParent(String parentPid) {
        Optional<ProcessHandle> parent;
        try {
            parent = ProcessHandle.of(Long.parseLong(parentPid));
        } catch (NumberFormatException e) {
            return;
        }
        if (parent.isEmpty()) {
            System.err.println("tandem: the launching process " + parentPid + " is gone; stopping");
            System.exit(1);
        }
        parent.get().onExit().thenRun(() -> {
            System.err.println("tandem: the launching process " + parentPid + " ended; stopping");
            System.exit(1);
        });
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
