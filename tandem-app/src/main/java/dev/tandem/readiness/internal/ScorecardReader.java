package dev.tandem.readiness.internal;

import dev.tandem.catalog.ReadinessLevel;
import dev.tandem.readiness.Scorecard;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** Reads a scorecard document ({@code kind: Scorecard}); the format is in {@code docs/readiness.md}. */
public final class ScorecardReader {

    static final Set<String> OPERATORS = Set.of("==", "!=", ">", ">=", "<", "<=", "exists");
    static final int MAX_LEVELS = 10;
    static final int MAX_CHECKS = 200;

    private final Predicate<String> knownCheck;

    public ScorecardReader(Predicate<String> knownCheck) {
        this.knownCheck = knownCheck;
    }

    /**
     * A reader for documents that were valid when stored: checks removed since then, and rule names a
     * later release gave to a built-in check, do not make a stored scorecard unreadable.
     */
    public static ScorecardReader stored() {
        return new ScorecardReader(null);
    }

    public Scorecard read(String text) {
        YamlNodes y = new YamlNodes("Scorecard");
        Node root = y.parse(text);
        Map<String, Node> top = y.map(root, "");
        y.onlyKnown(top, "", "apiVersion", "kind", "metadata", "spec");
        String apiVersion = y.text(top.get("apiVersion"), "apiVersion", true, 63);
        if (apiVersion != null && !apiVersion.equals(ChecklistReader.API_VERSION)) {
            y.problem(top.get("apiVersion"), "apiVersion", "expected " + ChecklistReader.API_VERSION);
        }
        String kind = y.text(top.get("kind"), "kind", true, 63);
        if (kind != null && !kind.equals("Scorecard")) {
            y.problem(top.get("kind"), "kind", "expected Scorecard");
        }
        Map<String, Node> metadata = y.map(top.get("metadata"), "metadata");
        y.onlyKnown(metadata, "metadata", "name", "title", "description");
        String name = y.text(metadata.get("name"), "metadata.name", true, 63);
        if (name != null && !ChecklistReader.ID.matcher(name).matches()) {
            y.problem(metadata.get("name"), "metadata.name", "use lowercase letters, digits and '-' (at most 63)");
        }
        y.name(name);
        String title = y.text(metadata.get("title"), "metadata.title", false, 200);
        String description = y.text(metadata.get("description"), "metadata.description", false, 4000);
        Map<String, Node> spec = y.map(top.get("spec"), "spec");
        if (!top.containsKey("spec")) {
            y.problem(root, "spec", "is required");
        }
        y.onlyKnown(spec, "spec", "filter", "rules", "levels");
        Scorecard.Filter filter = filter(y, spec.get("filter"));
        List<Scorecard.Rule> rules = rules(y, spec.get("rules"));
        Set<String> ruleIds = new HashSet<>();
        rules.forEach(r -> ruleIds.add(r.id()));
        List<Scorecard.Level> levels = levels(y, spec.get("levels"), ruleIds);
        y.throwIfAny();
        return new Scorecard(name, title == null ? name : title, description, filter, rules, levels, null, 0);
    }

    private Scorecard.Filter filter(YamlNodes y, Node node) {
        Map<String, Node> m = y.map(node, "spec.filter");
        y.onlyKnown(m, "spec.filter", "owners", "levels", "lifecycles", "tags");
        List<ReadinessLevel> levels = new ArrayList<>();
        List<String> levelTexts = strings(y, m.get("levels"), "spec.filter.levels");
        for (int i = 0; i < levelTexts.size(); i++) {
            ReadinessLevel l = ReadinessLevel.parse(levelTexts.get(i));
            if (l == null) {
                y.problem(m.get("levels"), "spec.filter.levels[" + i + "]", "expected A, B or C");
            } else {
                levels.add(l);
            }
        }
        return new Scorecard.Filter(strings(y, m.get("owners"), "spec.filter.owners"), List.copyOf(levels),
                strings(y, m.get("lifecycles"), "spec.filter.lifecycles"), strings(y, m.get("tags"), "spec.filter.tags"));
    }

    private List<Scorecard.Rule> rules(YamlNodes y, Node node) {
        List<Scorecard.Rule> out = new ArrayList<>();
        List<Node> list = y.list(node, "spec.rules");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String path = "spec.rules[" + i + "]";
            Map<String, Node> m = y.map(list.get(i), path);
            y.onlyKnown(m, path, "id", "title", "fact", "operator", "value");
            String id = y.text(m.get("id"), path + ".id", true, 63);
            if (id != null && (!ChecklistReader.ID.matcher(id).matches() || (knownCheck != null && knownCheck.test(id)))) {
                y.problem(m.get("id"), path + ".id", "use lowercase letters, digits and '-', and a name no built-in check has");
            } else if (id != null && !seen.add(id)) {
                y.problem(m.get("id"), path + ".id", "rule '" + id + "' is defined twice");
            }
            String title = y.text(m.get("title"), path + ".title", true, 200);
            String fact = y.text(m.get("fact"), path + ".fact", true, 100);
            String operator = y.text(m.get("operator"), path + ".operator", true, 8);
            if (operator != null && !OPERATORS.contains(operator)) {
                y.problem(m.get("operator"), path + ".operator", "expected one of ==, !=, >, >=, <, <=, exists");
            }
            Object value = scalar(m.get("value"));
            if (operator != null && !operator.equals("exists") && value == null) {
                y.problem(m.get("value"), path + ".value", "is required for operator " + operator);
            }
            if (operator != null && operator.matches("[<>]=?") && value != null && !(value instanceof Double)) {
                y.problem(m.get("value"), path + ".value", "operator " + operator + " compares numbers");
            }
            out.add(new Scorecard.Rule(id, title, fact, operator, value));
        }
        return out;
    }

    private List<Scorecard.Level> levels(YamlNodes y, Node node, Set<String> ruleIds) {
        List<Scorecard.Level> out = new ArrayList<>();
        if (YamlNodes.isNull(node)) {
            y.problem(node, "spec.levels", "is required: list the levels from the lowest to the highest");
            return out;
        }
        List<Node> list = y.list(node, "spec.levels");
        if (list.size() > MAX_LEVELS) {
            y.problem(node, "spec.levels", "at most " + MAX_LEVELS + " levels");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String path = "spec.levels[" + i + "]";
            Map<String, Node> m = y.map(list.get(i), path);
            y.onlyKnown(m, path, "name", "checks");
            String name = y.text(m.get("name"), path + ".name", true, 63);
            if (name != null && !names.add(name)) {
                y.problem(m.get("name"), path + ".name", "level '" + name + "' appears twice");
            }
            List<String> checks = strings(y, m.get("checks"), path + ".checks");
            if (checks.isEmpty()) {
                y.problem(m.get("checks"), path + ".checks", "a level needs at least one check");
            }
            if (checks.size() > MAX_CHECKS) {
                y.problem(m.get("checks"), path + ".checks", "at most " + MAX_CHECKS + " checks per level");
            }
            for (int c = 0; c < checks.size(); c++) {
                if (knownCheck != null && !knownCheck.test(checks.get(c)) && !ruleIds.contains(checks.get(c))) {
                    y.problem(m.get("checks"), path + ".checks[" + c + "]", "unknown check '" + checks.get(c)
                            + "'; use a built-in check id, fact.<key> or one of spec.rules");
                }
            }
            out.add(new Scorecard.Level(name, checks));
        }
        return out;
    }

    private static List<String> strings(YamlNodes y, Node node, String path) {
        List<String> out = new ArrayList<>();
        List<Node> list = y.list(node, path);
        for (int i = 0; i < list.size(); i++) {
            String s = y.text(list.get(i), path + "[" + i + "]", true, 100);
            if (s != null) {
                out.add(s);
            }
        }
        return List.copyOf(out);
    }

    private static Object scalar(Node node) {
        if (!(node instanceof ScalarNode s) || Tag.NULL.equals(s.getTag())) {
            return null;
        }
        if (Tag.BOOL.equals(s.getTag())) {
            return Boolean.parseBoolean(s.getValue());
        }
        if (Tag.INT.equals(s.getTag()) || Tag.FLOAT.equals(s.getTag())) {
            try {
                return Double.parseDouble(s.getValue().replace("_", ""));
            } catch (NumberFormatException e) {
                return s.getValue();
            }
        }
        return s.getValue();
    }
}
