package dev.tandem.catalog.backstage;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * A YAML mapping seen as named fields, remembering where it sits in the document so that problems
 * about its fields can name a path and a line. Duplicate and non-string keys are reported elsewhere
 * (once per document); here the first occurrence wins.
 */
final class Fields {

    private final String path;
    private final MappingNode node;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

    Fields(String path, MappingNode node) {
        this.path = path;
        this.node = node;
        for (NodeTuple tuple : node.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode key) {
                entries.putIfAbsent(key.getValue(), tuple);
            }
        }
    }

    String path() {
        return path;
    }

    MappingNode node() {
        return node;
    }

    /** The value of a field, or {@code null} when it is missing or YAML null. */
    Node get(String key) {
        NodeTuple tuple = entries.get(key);
        return tuple == null || Nodes.isNull(tuple.getValueNode()) ? null : tuple.getValueNode();
    }

    /** Whether the key is written at all, even with a null value. */
    boolean has(String key) {
        return entries.containsKey(key);
    }

    String path(String key) {
        return Nodes.child(path, key);
    }

    Collection<NodeTuple> entries() {
        return entries.values();
    }
}
