package dev.tandem.checks.manifest;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A read-only view of one node of a YAML document, with its line. Checks walk these views rather than the maps
 * SnakeYAML would construct: composing nodes is cheaper than constructing Java objects, and every node keeps the
 * line a finding should point at. Looking up an absent key never fails; it gives a missing node that carries the
 * line of its nearest present ancestor.
 */
public final class YamlNode {

    private final Node node;
    private final int line;

    private YamlNode(Node node, int line) {
        this.node = node;
        this.line = line;
    }

    /** A missing node that reports {@code line} as its line. */
    public static YamlNode missing(int line) {
        return new YamlNode(null, line);
    }

    /** Wraps a composed SnakeYAML node. */
    public static YamlNode of(Node node) {
        return new YamlNode(node, node == null ? 0 : node.getStartMark().getLine() + 1);
    }

    /**
     * The child under {@code key} of a mapping; a missing node otherwise. Follows YAML merge keys ({@code <<}).
     * The child's line is the key's, so a finding about a block mapping points at its name, not its first entry.
     */
    public YamlNode get(String key) {
        if (node instanceof MappingNode) {
            NodeTuple found = lookup((MappingNode) node, key, 0);
            if (found != null) {
                return new YamlNode(found.getValueNode(), found.getKeyNode().getStartMark().getLine() + 1);
            }
        }
        return new YamlNode(null, line);
    }

    private static NodeTuple lookup(MappingNode map, String key, int depth) {
        Node merge = null;
        for (NodeTuple t : map.getValue()) {
            Node k = t.getKeyNode();
            if (k instanceof ScalarNode) {
                String name = ((ScalarNode) k).getValue();
                if (name.equals(key)) {
                    return t;
                }
                if (name.equals("<<") && k.getTag().equals(Tag.MERGE)) {
                    merge = t.getValueNode();
                }
            }
        }
        if (merge != null && depth < 8) {
            List<Node> sources = merge instanceof SequenceNode ? ((SequenceNode) merge).getValue() : List.of(merge);
            for (Node source : sources) {
                if (source instanceof MappingNode) {
                    NodeTuple found = lookup((MappingNode) source, key, depth + 1);
                    if (found != null) {
                        return found;
                    }
                }
            }
        }
        return null;
    }

    /** {@code get(k1).get(k2)…}. */
    public YamlNode path(String... keys) {
        YamlNode n = this;
        for (String key : keys) {
            n = n.get(key);
        }
        return n;
    }

    /** True when the node is present and not YAML {@code null}. */
    public boolean exists() {
        return node != null && !isNull();
    }

    private boolean isNull() {
        return node instanceof ScalarNode && node.getTag().equals(Tag.NULL);
    }

    public boolean isMap() {
        return node instanceof MappingNode;
    }

    public boolean isList() {
        return node instanceof SequenceNode;
    }

    public boolean isScalar() {
        return node instanceof ScalarNode && !isNull();
    }

    /** The items of a sequence; empty for anything else. */
    public List<YamlNode> items() {
        if (!(node instanceof SequenceNode)) {
            return List.of();
        }
        List<Node> values = ((SequenceNode) node).getValue();
        List<YamlNode> items = new ArrayList<>(values.size());
        for (Node v : values) {
            items.add(of(v));
        }
        return items;
    }

    /** The entries of a mapping with scalar keys, in document order; empty for anything else. */
    public Map<String, YamlNode> entries() {
        if (!(node instanceof MappingNode)) {
            return Map.of();
        }
        Map<String, YamlNode> entries = new LinkedHashMap<>();
        for (NodeTuple t : ((MappingNode) node).getValue()) {
            if (t.getKeyNode() instanceof ScalarNode) {
                entries.putIfAbsent(((ScalarNode) t.getKeyNode()).getValue(), of(t.getValueNode()));
            }
        }
        return entries;
    }

    /** A mapping of scalars (labels, annotations, selectors) as strings; non-scalar values are left out. */
    public Map<String, String> stringMap() {
        if (!(node instanceof MappingNode)) {
            return Map.of();
        }
        List<NodeTuple> tuples = ((MappingNode) node).getValue();
        Map<String, String> map = new LinkedHashMap<>(Math.max(4, tuples.size() * 2));
        for (NodeTuple t : tuples) {
            if (t.getKeyNode() instanceof ScalarNode && t.getValueNode() instanceof ScalarNode) {
                map.putIfAbsent(((ScalarNode) t.getKeyNode()).getValue(), ((ScalarNode) t.getValueNode()).getValue());
            }
        }
        return map;
    }

    /** The value of a scalar, or {@code null} when missing, null or not a scalar. */
    public String text() {
        return isScalar() ? ((ScalarNode) node).getValue() : null;
    }

    public String text(String orElse) {
        String t = text();
        return t == null ? orElse : t;
    }

    /** The value of an integer scalar (quoted or not), or {@code null}. */
    public Integer integer() {
        String t = text();
        if (t == null) {
            return null;
        }
        try {
            return Integer.valueOf(t.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The value of a boolean scalar ({@code true/false}, and YAML 1.1's {@code yes/no/on/off}), or {@code null}. */
    public Boolean bool() {
        String t = text();
        if (t == null) {
            return null;
        }
        switch (t.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true": case "yes": case "on": case "y":
                return Boolean.TRUE;
            case "false": case "no": case "off": case "n":
                return Boolean.FALSE;
            default:
                return null;
        }
    }

    /**
     * The node's 1-based line: where its key is, for a mapping entry; where it starts, otherwise; for a missing
     * node, the line of its nearest present ancestor.
     */
    public int line() {
        return line;
    }

    /** The node's last line (1-based), where SnakeYAML knows it. */
    public int endLine() {
        return node == null || node.getEndMark() == null ? line : node.getEndMark().getLine() + 1;
    }

    /**
     * A canonical text of the node's content: mappings with sorted keys, scalars by value. Two nodes with the same
     * content (whatever their key order or quoting) have the same canonical text.
     */
    public String canonical() {
        StringBuilder s = new StringBuilder();
        canonical(node, s, 0);
        return s.toString();
    }

    private static void canonical(Node n, StringBuilder s, int depth) {
        if (n == null || depth > 64) {
            s.append('~');
        } else if (n instanceof ScalarNode) {
            s.append('"').append(((ScalarNode) n).getValue().replace("\"", "\\\"")).append('"');
        } else if (n instanceof SequenceNode) {
            s.append('[');
            for (Node v : ((SequenceNode) n).getValue()) {
                canonical(v, s, depth + 1);
                s.append(',');
            }
            s.append(']');
        } else if (n instanceof MappingNode) {
            TreeMap<String, Node> sorted = new TreeMap<>();
            for (NodeTuple t : ((MappingNode) n).getValue()) {
                StringBuilder key = new StringBuilder();
                canonical(t.getKeyNode(), key, depth + 1);
                sorted.putIfAbsent(key.toString(), t.getValueNode());
            }
            s.append('{');
            sorted.forEach((k, v) -> {
                s.append(k).append(':');
                canonical(v, s, depth + 1);
                s.append(',');
            });
            s.append('}');
        }
    }

    @Override
    public String toString() {
        return exists() ? canonical() : "(missing)";
    }
}
