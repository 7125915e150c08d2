package dev.tandem.slo.format;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A YAML node with its field path and its document's problem list, so that every reading step can say
 * precisely what is wrong and where. Reading never throws: a problem is recorded and null returned.
 */
final class YamlNode {

    /** Collects problems and warnings for one object (document or list item) of a file. */
    static final class Context {
        final int document;
        String kind;
        String name;
        final List<SloProblem> problems;
        final List<SloProblem> warnings;

        Context(int document, List<SloProblem> problems, List<SloProblem> warnings) {
            this.document = document;
            this.problems = problems;
            this.warnings = warnings;
        }

        void problem(YamlNode at, String message) {
            problems.add(new SloProblem(document, at.line(), kind, name, at.path, message));
        }

        void problem(YamlNode at, String field, String message) {
            problems.add(new SloProblem(document, at.line(), kind, name, at.child(field), message));
        }

        void warning(YamlNode at, String message) {
            warnings.add(new SloProblem(document, at.line(), kind, name, at.path, message));
        }
    }

    final Node node;
    final String path;
    final Context ctx;

    YamlNode(Node node, String path, Context ctx) {
        this.node = node;
        this.path = path;
        this.ctx = ctx;
    }

    int line() {
        return node == null ? 0 : node.getStartMark().getLine() + 1;
    }

    String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    boolean isMapping() {
        return node instanceof MappingNode;
    }

    boolean isSequence() {
        return node instanceof SequenceNode;
    }

    boolean isNull() {
        return node == null || (node instanceof ScalarNode && node.getTag().equals(Tag.NULL));
    }

    /** The value under {@code key}, or null when absent. Reports a problem if this node is not a mapping. */
    YamlNode get(String key) {
        if (!(node instanceof MappingNode)) {
            return null;
        }
        for (NodeTuple t : ((MappingNode) node).getValue()) {
            if (t.getKeyNode() instanceof ScalarNode && ((ScalarNode) t.getKeyNode()).getValue().equals(key)) {
                YamlNode v = new YamlNode(t.getValueNode(), child(key), ctx);
                return v.isNull() ? null : v;
            }
        }
        return null;
    }

    boolean has(String key) {
        return get(key) != null;
    }

    /** Requires a mapping; reports every key outside {@code allowed} as an unsupported field. */
    boolean expectMapping(Set<String> allowed) {
        if (!(node instanceof MappingNode)) {
            ctx.problem(this, "must be a mapping");
            return false;
        }
        for (NodeTuple t : ((MappingNode) node).getValue()) {
            String key = t.getKeyNode() instanceof ScalarNode ? ((ScalarNode) t.getKeyNode()).getValue() : "?";
            if (allowed != null && !allowed.contains(key)) {
                ctx.problems.add(new SloProblem(ctx.document, t.getKeyNode().getStartMark().getLine() + 1, ctx.kind,
                        ctx.name, child(key), "unsupported field '" + key + "' (allowed here: " + String.join(", ", new java.util.TreeSet<>(allowed)) + ")"));
            }
        }
        return true;
    }

    List<String> keys() {
        List<String> keys = new ArrayList<>();
        if (node instanceof MappingNode) {
            for (NodeTuple t : ((MappingNode) node).getValue()) {
                if (t.getKeyNode() instanceof ScalarNode) {
                    keys.add(((ScalarNode) t.getKeyNode()).getValue());
                }
            }
        }
        return keys;
    }

    List<YamlNode> items() {
        List<YamlNode> items = new ArrayList<>();
        if (!(node instanceof SequenceNode)) {
            ctx.problem(this, "must be a list");
            return items;
        }
        List<Node> values = ((SequenceNode) node).getValue();
        for (int i = 0; i < values.size(); i++) {
            items.add(new YamlNode(values.get(i), path + "[" + i + "]", ctx));
        }
        return items;
    }

    /** A scalar as text; reports and returns null for a mapping or list. */
    String text() {
        if (!(node instanceof ScalarNode)) {
            ctx.problem(this, "must be a single value, not a " + (isMapping() ? "mapping" : "list"));
            return null;
        }
        return ((ScalarNode) node).getValue();
    }

    String text(String key) {
        YamlNode v = get(key);
        return v == null ? null : v.text();
    }

    String requireText(String key) {
        YamlNode v = get(key);
        if (v == null) {
            ctx.problem(this, key, "is required");
            return null;
        }
        String s = v.text();
        if (s != null && s.isBlank()) {
            ctx.problem(v, "must not be empty");
            return null;
        }
        return s;
    }

    /** A number as an exact decimal; reports and returns null when the value is not a number. */
    BigDecimal decimal() {
        String s = text();
        if (s == null) {
            return null;
        }
        Tag tag = node.getTag();
        if (!tag.equals(Tag.INT) && !tag.equals(Tag.FLOAT)) {
            ctx.problem(this, "must be a number, not '" + s + "'");
            return null;
        }
        try {
            return new BigDecimal(s.replace("_", "")).stripTrailingZeros();
        } catch (NumberFormatException e) {
            ctx.problem(this, "must be a number, not '" + s + "'");
            return null;
        }
    }

    Boolean bool() {
        String s = text();
        if (s == null) {
            return null;
        }
        if (!node.getTag().equals(Tag.BOOL)) {
            ctx.problem(this, "must be true or false, not '" + s + "'");
            return null;
        }
        return Boolean.valueOf(s.toLowerCase(java.util.Locale.ROOT));
    }

    /** A mapping of strings (labels, annotations); list values are reported as unsupported. */
    Map<String, String> stringMap() {
        Map<String, String> map = new LinkedHashMap<>();
        if (!(node instanceof MappingNode)) {
            ctx.problem(this, "must be a mapping of names to values");
            return map;
        }
        for (String key : keys()) {
            YamlNode v = get(key);
            if (v == null) {
                map.put(key, "");
            } else if (!(v.node instanceof ScalarNode)) {
                ctx.problem(v, "only single values are supported here");
            } else {
                map.put(key, v.text());
            }
        }
        return map;
    }

    /** The node as plain Java values: maps, lists, strings, longs, doubles, booleans, nulls. */
    Object plain() {
        return plain(node);
    }

    static Object plain(Node n) {
        if (n instanceof MappingNode) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (NodeTuple t : ((MappingNode) n).getValue()) {
                map.put(String.valueOf(plain(t.getKeyNode())), plain(t.getValueNode()));
            }
            return map;
        }
        if (n instanceof SequenceNode) {
            List<Object> list = new ArrayList<>();
            for (Node item : ((SequenceNode) n).getValue()) {
                list.add(plain(item));
            }
            return list;
        }
        ScalarNode s = (ScalarNode) n;
        Tag tag = s.getTag();
        try {
            if (tag.equals(Tag.NULL)) {
                return null;
            }
            if (tag.equals(Tag.BOOL)) {
                return Boolean.valueOf(s.getValue().toLowerCase(java.util.Locale.ROOT));
            }
            if (tag.equals(Tag.INT)) {
                return Long.valueOf(s.getValue().replace("_", ""));
            }
            if (tag.equals(Tag.FLOAT)) {
                return Double.valueOf(s.getValue().replace("_", ""));
            }
        } catch (NumberFormatException e) {
            return s.getValue();
        }
        return s.getValue();
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> plainMap() {
        if (!(node instanceof MappingNode)) {
            ctx.problem(this, "must be a mapping");
            return Map.of();
        }
        return (Map<String, Object>) plain();
    }
}
