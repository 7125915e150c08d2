package dev.tandem.readiness.internal;

import dev.tandem.catalog.ReadinessLevel;
import dev.tandem.readiness.Checklist;
import dev.tandem.readiness.ChecklistItem;
import dev.tandem.readiness.Phase;
import dev.tandem.readiness.Requirement;
import org.yaml.snakeyaml.nodes.Node;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Reads a checklist document ({@code apiVersion: tandem.dev/v1}, {@code kind: Checklist}). The format is
 * described in {@code docs/readiness.md}. Every problem is reported with its line and field path, and a
 * document with any problem yields nothing.
 */
public final class ChecklistReader {

    public static final String API_VERSION = "tandem.dev/v1";
    static final Pattern ID = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    static final int MAX_ITEMS = 500;

    private final Predicate<String> knownCheck;

    /** {@code knownCheck} says whether an automatic check id exists, so items bind only to real checks. */
    public ChecklistReader(Predicate<String> knownCheck) {
        this.knownCheck = knownCheck;
    }

    public Checklist read(String text) {
        YamlNodes y = new YamlNodes("Checklist");
        Node root = y.parse(text);
        Map<String, Node> top = y.map(root, "");
        y.onlyKnown(top, "", "apiVersion", "kind", "metadata", "spec");
        String apiVersion = y.text(top.get("apiVersion"), "apiVersion", true, 63);
        if (apiVersion != null && !apiVersion.equals(API_VERSION)) {
            y.problem(top.get("apiVersion"), "apiVersion", "expected " + API_VERSION);
        }
        String kind = y.text(top.get("kind"), "kind", true, 63);
        if (kind != null && !kind.equals("Checklist")) {
            y.problem(top.get("kind"), "kind", "expected Checklist");
        }
        Map<String, Node> metadata = y.map(top.get("metadata"), "metadata");
        if (!top.containsKey("metadata")) {
            y.problem(root, "metadata", "is required");
        }
        y.onlyKnown(metadata, "metadata", "name", "title", "description");
        String name = y.text(metadata.get("name"), "metadata.name", true, 63);
        if (name != null && !ID.matcher(name).matches()) {
            y.problem(metadata.get("name"), "metadata.name", "use lowercase letters, digits and '-' (at most 63)");
        }
        y.name(name);
        String title = y.text(metadata.get("title"), "metadata.title", false, 200);
        String description = y.text(metadata.get("description"), "metadata.description", false, 4000);

        Map<String, Node> spec = y.map(top.get("spec"), "spec");
        if (!top.containsKey("spec")) {
            y.problem(root, "spec", "is required");
        }
        y.onlyKnown(spec, "spec", "categories", "items");
        List<Checklist.Category> categories = categories(y, spec.get("categories"));
        Set<String> categoryIds = new HashSet<>();
        categories.forEach(c -> categoryIds.add(c.id()));
        List<ChecklistItem> items = items(y, spec.get("items"), categoryIds);
        y.throwIfAny();
        return new Checklist(name, 0, title == null ? name : title, description, List.copyOf(categories),
                List.copyOf(items), null, null);
    }

    private List<Checklist.Category> categories(YamlNodes y, Node node) {
        List<Checklist.Category> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        if (YamlNodes.isNull(node)) {
            y.problem(node, "spec.categories", "is required: list the categories in display order");
            return out;
        }
        List<Node> list = y.list(node, "spec.categories");
        for (int i = 0; i < list.size(); i++) {
            String path = "spec.categories[" + i + "]";
            Map<String, Node> c = y.map(list.get(i), path);
            y.onlyKnown(c, path, "id", "title");
            String id = y.text(c.get("id"), path + ".id", true, 63);
            String title = y.text(c.get("title"), path + ".title", true, 200);
            if (id != null && !ID.matcher(id).matches()) {
                y.problem(c.get("id"), path + ".id", "use lowercase letters, digits and '-'");
            } else if (id != null && !seen.add(id)) {
                y.problem(c.get("id"), path + ".id", "category '" + id + "' is listed twice");
            }
            if (id != null && title != null) {
                out.add(new Checklist.Category(id, title));
            }
        }
        return out;
    }

    private List<ChecklistItem> items(YamlNodes y, Node node, Set<String> categoryIds) {
        List<ChecklistItem> out = new ArrayList<>();
        if (YamlNodes.isNull(node)) {
            y.problem(node, "spec.items", "is required");
            return out;
        }
        List<Node> list = y.list(node, "spec.items");
        if (list.size() > MAX_ITEMS) {
            y.problem(node, "spec.items", "has " + list.size() + " items; at most " + MAX_ITEMS + " are allowed");
            return out;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String path = "spec.items[" + i + "]";
            Map<String, Node> m = y.map(list.get(i), path);
            y.onlyKnown(m, path, "id", "phase", "category", "title", "guidance", "levels", "checks");
            String id = y.text(m.get("id"), path + ".id", true, 63);
            if (id != null && !ID.matcher(id).matches()) {
                y.problem(m.get("id"), path + ".id", "use lowercase letters, digits and '-' (at most 63)");
            } else if (id != null && !seen.add(id)) {
                y.problem(m.get("id"), path + ".id", "item '" + id + "' appears twice");
            }
            String phaseText = y.text(m.get("phase"), path + ".phase", true, 63);
            Phase phase = Phase.parse(phaseText);
            if (phaseText != null && phase == null) {
                y.problem(m.get("phase"), path + ".phase", "expected design or pre-production");
            }
            String category = y.text(m.get("category"), path + ".category", true, 63);
            if (category != null && !categoryIds.contains(category)) {
                y.problem(m.get("category"), path + ".category",
                        "unknown category '" + category + "'; declare it in spec.categories");
            }
            String title = y.text(m.get("title"), path + ".title", true, 200);
            String guidance = y.text(m.get("guidance"), path + ".guidance", false, 4000);
            Map<ReadinessLevel, Requirement> levels = levels(y, m.get("levels"), path + ".levels");
            List<String> checks = checks(y, m.get("checks"), path + ".checks");
            out.add(new ChecklistItem(id, phase, category, title, guidance, levels, checks));
        }
        return out;
    }

    private Map<ReadinessLevel, Requirement> levels(YamlNodes y, Node node, String path) {
        Map<ReadinessLevel, Requirement> out = new EnumMap<>(ReadinessLevel.class);
        if (YamlNodes.isNull(node)) {
            y.problem(node, path, "is required: say for A, B and C whether the item is required, recommended or not-applicable");
            return out;
        }
        Map<String, Node> m = y.map(node, path);
        y.onlyKnown(m, path, "A", "B", "C");
        for (ReadinessLevel level : ReadinessLevel.values()) {
            Node value = m.get(level.name());
            String text = y.text(value, path + "." + level.name(), true, 63);
            Requirement r = Requirement.parse(text);
            if (text != null && r == null) {
                y.problem(value, path + "." + level.name(), "expected required, recommended or not-applicable");
            }
            if (r != null) {
                out.put(level, r);
            }
        }
        return out;
    }

    private List<String> checks(YamlNodes y, Node node, String path) {
        List<String> out = new ArrayList<>();
        List<Node> list = y.list(node, path);
        for (int i = 0; i < list.size(); i++) {
            String id = y.text(list.get(i), path + "[" + i + "]", true, 100);
            if (id != null && !knownCheck.test(id)) {
                y.problem(list.get(i), path + "[" + i + "]", "unknown check '" + id + "'");
            } else if (id != null && !out.contains(id)) {
                out.add(id);
            }
        }
        return List.copyOf(out);
    }
}
