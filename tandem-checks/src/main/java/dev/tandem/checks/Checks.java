package dev.tandem.checks;

import dev.tandem.checks.manifest.rules.ManifestChecks;
import dev.tandem.checks.repository.RepositoryChecks;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/** The catalog of built-in checks: every manifest check, then every repository check. */
public final class Checks {

    private static final List<CheckDefinition> ALL;
    private static final Map<String, Integer> POSITION = new HashMap<>();

    static {
        List<CheckDefinition> all = new ArrayList<>();
        ManifestChecks.builtIn().forEach(c -> all.add(c.definition()));
        RepositoryChecks.builtIn().forEach(c -> all.add(c.definition()));
        ALL = List.copyOf(all);
        for (int i = 0; i < ALL.size(); i++) {
            POSITION.put(ALL.get(i).id(), i);
        }
    }

    /** Built-in checks in catalog order, then any others by id. */
    static final Comparator<CheckDefinition> ORDER = Comparator
            .comparingInt((CheckDefinition c) -> POSITION.getOrDefault(c.id(), Integer.MAX_VALUE))
            .thenComparing(CheckDefinition::id);

    private Checks() {
    }

    /** Every built-in check definition, in a stable order (manifest checks first, then repository checks). */
    public static List<CheckDefinition> all() {
        return ALL;
    }

    public static Optional<CheckDefinition> byId(String id) {
        Integer i = POSITION.get(id);
        return i == null ? Optional.empty() : Optional.of(ALL.get(i));
    }

    /** The version of this engine, for reports. */
    public static String version() {
        try (InputStream in = Checks.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version");
                if (v != null && !v.startsWith("$")) {
                    return v;
                }
            }
        } catch (IOException e) {
            // fall through to the unknown version
        }
        return "development";
    }
}
