package dev.tandem.checks;

import java.nio.file.Path;
import java.util.Set;

/** How paths are shown in findings, and the directories a walk skips. */
final class Paths {

    static final Set<String> SKIPPED_DIRECTORIES = Set.of("node_modules", "target", "vendor", "bower_components", "__pycache__");

    private Paths() {
    }

    /** The path as given, normalised ({@code ./a/../b.yaml} → {@code b.yaml}), with {@code /} separators. */
    static String display(Path path) {
        String s = path.normalize().toString().replace('\\', '/');
        return s.isEmpty() ? "." : s;
    }
}
