package dev.tandem.checks;

import dev.tandem.checks.internal.FileWalk;
import dev.tandem.checks.manifest.ManifestObject;
import dev.tandem.checks.manifest.ManifestReader;
import dev.tandem.checks.manifest.ManifestSet;
import dev.tandem.checks.manifest.rules.ManifestChecks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs manifest checks over Kubernetes YAML: files, directories (every {@code *.yaml} and {@code *.yml} below,
 * skipping hidden directories, dependencies ({@code node_modules}, {@code vendor}), build output
 * ({@code target}), test fixtures ({@code src/test}, {@code testdata}, {@code fixtures}) and the unrendered
 * {@code templates/} of Helm charts), or text in memory. Immutable and thread-safe: one instance can serve many
 * analyses at once.
 */
public final class ManifestAnalyzer {

    private final List<ManifestCheck> checks;

    /** An analyzer with every built-in manifest check. */
    public ManifestAnalyzer() {
        this(ManifestChecks.builtIn());
    }

    public ManifestAnalyzer(List<ManifestCheck> checks) {
        this.checks = List.copyOf(checks);
    }

    public List<ManifestCheck> checks() {
        return checks;
    }

    /** @throws InvalidManifestException when a file is missing, unreadable or not valid YAML (every such file is named) */
    public Analysis analyze(List<Path> filesOrDirs) {
        return analyze(filesOrDirs, Exemptions.none());
    }

    /** @throws InvalidManifestException when a file is missing, unreadable or not valid YAML (every such file is named) */
    public Analysis analyze(List<Path> filesOrDirs, Exemptions exemptions) {
        List<ParseProblem> problems = new ArrayList<>();
        List<ManifestSource> sources = new ArrayList<>();
        for (Path path : filesOrDirs) {
            List<Path> files;
            if (Files.isDirectory(path)) {
                try {
                    files = manifestFiles(path);
                } catch (IOException e) {
                    problems.add(new ParseProblem(FileWalk.display(path), 0, "cannot list the directory: " + e.getMessage()));
                    continue;
                }
            } else if (Files.exists(path)) {
                files = List.of(path);
            } else {
                problems.add(new ParseProblem(FileWalk.display(path), 0, "no such file or directory"));
                continue;
            }
            for (Path file : files) {
                try {
                    sources.add(new ManifestSource(FileWalk.display(file), Files.readString(file, StandardCharsets.UTF_8)));
                } catch (IOException | java.io.UncheckedIOException e) {
                    problems.add(new ParseProblem(FileWalk.display(file), 0, "cannot read the file: " + e.getMessage()));
                }
            }
        }
        return analyze(sources, exemptions, problems);
    }

    /** @throws InvalidManifestException when the text is not valid YAML */
    public Analysis analyze(String fileName, String yaml) {
        return analyze(fileName, yaml, Exemptions.none());
    }

    /** @throws InvalidManifestException when the text is not valid YAML */
    public Analysis analyze(String fileName, String yaml, Exemptions exemptions) {
        return analyzeSources(List.of(new ManifestSource(fileName, yaml)), exemptions);
    }

    /** @throws InvalidManifestException when any source is not valid YAML (every such source is named) */
    public Analysis analyzeSources(List<ManifestSource> sources, Exemptions exemptions) {
        return analyze(sources, exemptions, new ArrayList<>());
    }

    private Analysis analyze(List<ManifestSource> sources, Exemptions exemptions, List<ParseProblem> problems) {
        ManifestReader reader = new ManifestReader();
        List<ManifestObject> objects = new ArrayList<>();
        for (ManifestSource source : sources) {
            try {
                reader.read(source.fileName(), source.yaml(), objects);
            } catch (InvalidManifestException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidManifestException(problems);
        }
        return analyze(new ManifestSet(objects), sources.size(), exemptions);
    }

    /** Runs the checks over objects already read. */
    public Analysis analyze(ManifestSet manifests, int filesAnalysed, Exemptions exemptions) {
        List<Finding> findings = new ArrayList<>();
        List<CheckDefinition> definitions = new ArrayList<>(checks.size());
        for (ManifestCheck check : checks) {
            Findings out = new Findings(check.definition().id(), exemptions);
            check.check(manifests, out);
            findings.addAll(out.list());
            definitions.add(check.definition());
        }
        return new Analysis(definitions, findings, manifests.size(), filesAnalysed);
    }

    /** The manifest files below {@code dir}, in a stable (sorted) order. Skipped directories are not entered. */
    public static List<Path> manifestFiles(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                if (d.equals(dir)) {
                    return FileVisitResult.CONTINUE;
                }
                String name = d.getFileName().toString();
                Path parent = d.getParent();
                String parentName = parent == null || parent.getFileName() == null ? null : parent.getFileName().toString();
                boolean chartTemplates = name.equals("templates") && parent != null && Files.exists(parent.resolve("Chart.yaml"));
                return FileWalk.skipDirectory(parentName, name, true) || chartTemplates
                        ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                String name = file.getFileName().toString();
                if (attrs.isRegularFile() && (name.endsWith(".yaml") || name.endsWith(".yml"))) {
                    files.add(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (file.equals(dir)) {
                    throw e;
                }
                return FileVisitResult.CONTINUE; // an unreadable corner of the tree is not the manifests' fault
            }
        });
        files.sort(null);
        return files;
    }
}
