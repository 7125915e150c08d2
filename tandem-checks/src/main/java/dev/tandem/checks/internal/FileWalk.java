package dev.tandem.checks.internal;

import java.nio.file.Path;
import java.util.Set;

/** How paths are shown in findings, and the directories the manifest and repository walks skip. */
public final class FileWalk {

    /** Dependencies, build output and test fixtures: not the project's own manifests or Dockerfiles. */
    static final Set<String> SKIPPED_DIRECTORIES = Set.of("node_modules", "target", "vendor", "bower_components",
            "__pycache__", "testdata", "fixtures", "__fixtures__");

    private FileWalk() {
    }

    /**
     * True when a walk skips the directory {@code name} (under {@code parent}, may be {@code null}): the directories
     * above, {@code src/test}, and hidden directories unless {@code hiddenToo} is false ({@code .git} always).
     */
    public static boolean skipDirectory(String parent, String name, boolean hiddenToo) {
        if (SKIPPED_DIRECTORIES.contains(name) || name.equals(".git") || (name.equals("test") && "src".equals(parent))) {
            return true;
        }
        return hiddenToo && name.startsWith(".") && !name.equals(".") && !name.equals("..");
    }

    /** The path as given, normalised ({@code ./a/../b.yaml} → {@code b.yaml}), with {@code /} separators. */
    public static String display(Path path) {
        String s = path.normalize().toString().replace('\\', '/');
        return s.isEmpty() ? "." : s;
    }
}
