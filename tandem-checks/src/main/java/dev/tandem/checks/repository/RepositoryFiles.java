package dev.tandem.checks.repository;

import dev.tandem.checks.Location;
import dev.tandem.checks.ObjectRef;
import dev.tandem.checks.internal.FileWalk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The files of a repository, listed once (relative paths with {@code /} separators, sorted) so that every check
 * answers from the same listing. The walk enters hidden directories ({@code .github}, {@code .gitlab}, …) but not
 * {@code .git}, dependencies, build output or test fixtures.
 */
public final class RepositoryFiles {

    private static final int MAX_DEPTH = 12;

    private final Path root;
    private final List<String> files;
    private final Set<String> fileSet;
    private final Set<String> read = new LinkedHashSet<>();

    private RepositoryFiles(Path root, List<String> files) {
        this.root = root;
        this.files = List.copyOf(files);
        this.fileSet = new HashSet<>(files);
    }

    /** Lists the files below {@code root}. */
    public static RepositoryFiles scan(Path root) throws IOException {
        List<String> files = new ArrayList<>();
        Files.walkFileTree(root, java.util.EnumSet.noneOf(java.nio.file.FileVisitOption.class), MAX_DEPTH, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (dir.equals(root)) {
                    return FileVisitResult.CONTINUE;
                }
                Path parent = dir.getParent();
                String parentName = parent == null || parent.equals(root) || parent.getFileName() == null ? null : parent.getFileName().toString();
                return FileWalk.skipDirectory(parentName, dir.getFileName().toString(), false)
                        ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile()) {
                    files.add(root.relativize(file).toString().replace('\\', '/'));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (file.equals(root)) {
                    throw e;
                }
                return FileVisitResult.CONTINUE;
            }
        });
        files.sort(null);
        return new RepositoryFiles(root, files);
    }

    /** For tests and callers that already know the listing. */
    public static RepositoryFiles of(Path root, List<String> relativePaths) {
        List<String> sorted = new ArrayList<>(relativePaths);
        sorted.sort(null);
        return new RepositoryFiles(root, sorted);
    }

    public Path root() {
        return root;
    }

    /** Every file, relative to the root, sorted. */
    public List<String> files() {
        return files;
    }

    public boolean exists(String relative) {
        return fileSet.contains(relative);
    }

    /** The first of {@code candidates} that exists. */
    public Optional<String> firstExisting(String... candidates) {
        for (String c : candidates) {
            if (exists(c)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    public List<String> matching(Predicate<String> relativePath) {
        return files.stream().filter(relativePath).toList();
    }

    /** The files directly inside {@code directory} (relative, without a trailing slash; "" for the root). */
    public List<String> inDirectory(String directory) {
        String prefix = directory.isEmpty() ? "" : directory + "/";
        return files.stream().filter(f -> f.startsWith(prefix) && f.indexOf('/', prefix.length()) < 0).toList();
    }

    /** True when some file lies anywhere below {@code directory}. */
    public boolean hasFilesUnder(String directory) {
        String prefix = directory + "/";
        return files.stream().anyMatch(f -> f.startsWith(prefix));
    }

    /** The file's text (UTF-8, undecodable bytes replaced). */
    public String read(String relative) {
        try {
            read.add(relative);
            return new String(Files.readAllBytes(root.resolve(relative)), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + display(relative), e);
        }
    }

    /** How many distinct files checks have read. */
    public int filesRead() {
        return read.size();
    }

    /** The path as findings show it: the root as given, joined with {@code relative}, normalised. */
    public String display(String relative) {
        return FileWalk.display(root.resolve(relative));
    }

    public Location location(String relative, int line) {
        return new Location(display(relative), line);
    }

    /** The repository as the object of a finding: kind {@code Repository}, named after its directory. */
    public ObjectRef repositoryRef() {
        Path abs = root.toAbsolutePath().normalize();
        return ObjectRef.of("Repository", null, abs.getFileName() == null ? abs.toString() : abs.getFileName().toString());
    }

    /** A file of the repository as the object of a finding. */
    public ObjectRef fileRef(String kind, String relative) {
        return ObjectRef.of(kind, null, relative);
    }

    /** The file name part of a relative path, lower-cased. */
    static String lowerName(String relative) {
        return relative.substring(relative.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    }
}
