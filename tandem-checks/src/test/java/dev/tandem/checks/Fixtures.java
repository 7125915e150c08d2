package dev.tandem.checks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** Test resources and one-line analyses of them. */
public final class Fixtures {

    private Fixtures() {
    }

    public static String text(String resource) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path path(String resource) {
        try {
            return Path.of(Fixtures.class.getResource("/" + resource).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Analyses a manifest resource with every built-in manifest check; findings point at the resource name. */
    public static Analysis analyze(String resource) {
        return new ManifestAnalyzer().analyze(resource, text(resource));
    }

    public static Analysis analyze(String resource, Exemptions exemptions) {
        return new ManifestAnalyzer().analyze(resource, text(resource), exemptions);
    }

    public static CheckResult result(Analysis analysis, String checkId) {
        return analysis.result(checkId).orElseThrow(() -> new AssertionError("no result for " + checkId));
    }

    /** The 1-based line of the first line of {@code text} containing {@code fragment}. */
    public static int lineOf(String text, String fragment) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(fragment)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line contains " + fragment);
    }
}
