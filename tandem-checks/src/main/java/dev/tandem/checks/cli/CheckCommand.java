package dev.tandem.checks.cli;

import dev.tandem.checks.Analysis;
import dev.tandem.checks.InvalidManifestException;
import dev.tandem.checks.Level;
import dev.tandem.checks.ManifestAnalyzer;
import dev.tandem.checks.ParseProblem;
import dev.tandem.checks.RepositoryAnalyzer;
import dev.tandem.checks.report.ReportFormat;
import dev.tandem.checks.report.Summary;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code tandem check}: production-readiness checks for a CI pipeline, without a server. Plain Java and picocli
 * only, so it runs without starting (or loading) Spring.
 */
@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false, versionProvider = CheckCommand.Version.class,
        description = {"Check Kubernetes manifests and a repository for production readiness.",
                "Each PATH is a manifest file, or a directory: its *.yaml/*.yml manifests are checked, and it is "
                        + "checked as a repository (Dockerfiles, CODEOWNERS, CI, runbooks, ...).",
                "Exit 0 when every check the level requires passes (or is exempt), 1 when one fails, "
                        + "2 on a usage error or a file that is not valid YAML (named with its line)."})
public class CheckCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Manifest files or directories (repositories).")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--level", paramLabel = "A|B|C", defaultValue = "B", converter = LevelConverter.class,
            description = "Readiness level whose required checks decide the exit code: A critical, B standard, C experimental (default: ${DEFAULT-VALUE}).")
    Level level;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", converter = FormatConverter.class,
            description = "text, json, sarif or junit (default: ${DEFAULT-VALUE}).")
    ReportFormat format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the report to FILE (a summary line still goes to standard output).")
    Path output;

    @Option(names = "--no-repository", description = "Check only the manifests in directories, not the repository checks.")
    boolean noRepository;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        for (Path path : paths) {
            if (!Files.exists(path)) {
                err.println(path + ": no such file or directory");
                return 2;
            }
        }
        Analysis analysis;
        try {
            analysis = analyze();
        } catch (InvalidManifestException e) {
            for (ParseProblem p : e.problems()) {
                err.println(p);
            }
            return 2;
        } catch (UncheckedIOException | IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
        try {
            write(analysis);
        } catch (IOException e) {
            err.println((output == null ? "cannot write the report: " : output + ": cannot write the report: ") + e.getMessage());
            return 2;
        }
        return analysis.meets(level) ? 0 : 1;
    }

    private Analysis analyze() {
        Analysis analysis = new ManifestAnalyzer().analyze(paths);
        if (!noRepository) {
            RepositoryAnalyzer repositories = new RepositoryAnalyzer();
            for (Path path : repositoryRoots(paths)) {
                analysis = analysis.merge(repositories.analyze(path));
            }
        }
        return analysis;
    }

    /**
     * The directories checked as repositories: those that are Git work trees (they hold {@code .git}), or,
     * when none is, the first directory given. A manifests folder named next to its repository
     * ({@code tandem check . deploy/}) is then not judged as a repository of its own.
     */
    static List<Path> repositoryRoots(List<Path> paths) {
        List<Path> directories = paths.stream().filter(Files::isDirectory).toList();
        List<Path> gitRoots = directories.stream().filter(p -> Files.exists(p.resolve(".git"))).toList();
        if (!gitRoots.isEmpty()) {
            return gitRoots;
        }
        return directories.isEmpty() ? List.of() : List.of(directories.get(0));
    }

    private void write(Analysis analysis) throws IOException {
        Path base = Path.of("").toAbsolutePath();
        if (output == null) {
            PrintWriter out = spec.commandLine().getOut();
            format.write(analysis, level, base, out);
            out.flush();
            return;
        }
        Path parent = output.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (Writer writer = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            format.write(analysis, level, base, writer);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(Summary.of(analysis, level).line() + " Report (" + format + "): " + output);
        out.flush();
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"tandem check " + dev.tandem.checks.Checks.version()};
        }
    }

    static final class LevelConverter implements CommandLine.ITypeConverter<Level> {
        @Override
        public Level convert(String value) {
            try {
                return Level.valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("expected A, B or C but was '" + value + "'");
            }
        }
    }

    static final class FormatConverter implements CommandLine.ITypeConverter<ReportFormat> {
        @Override
        public ReportFormat convert(String value) {
            try {
                return ReportFormat.of(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /**
     * Runs {@code check} on its own, outside the {@code tandem} command tree, and returns the exit code: a launcher
     * that sees {@code check} as its first argument can call this before building anything else.
     */
    public static int run(String... args) {
        return new CommandLine(new CheckCommand()).execute(args);
    }

    /** {@code java -cp … dev.tandem.checks.cli.CheckCommand PATH…}. */
    public static void main(String[] args) {
        System.exit(run(args));
    }
}
