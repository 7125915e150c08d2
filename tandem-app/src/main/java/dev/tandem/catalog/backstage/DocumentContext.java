package dev.tandem.catalog.backstage;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads typed values out of one document's nodes. Every accessor reports what is wrong and returns
 * a harmless value instead of throwing, so that validation carries on and the author sees every
 * problem of the file in one run.
 */
final class DocumentContext {

    private final int index;
    private final Problems problems;
    private String kind;
    private String name;
    private int reported;

    DocumentContext(int index, Problems problems) {
        this.index = index;
        this.problems = problems;
    }

    int index() {
        return index;
    }

    /** Sets the kind and name that label this document's problems. */
    void label(String kind, String name) {
        this.kind = kind;
        this.name = name;
    }

    boolean hasProblems() {
        return reported > 0;
    }

    void report(Node at, String path, String message) {
        reported++;
        problems.add(new DescriptorProblem(index, at == null ? null : Nodes.line(at), kind, name, path, message));
    }

    /** Reports duplicate and non-string keys anywhere in the document, following each node once. */
    void checkKeys(Node node, String path) {
        checkKeys(node, path, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private void checkKeys(Node node, String path, Set<Node> seen) {
        if (!seen.add(node)) {
            return;
        }
        if (node instanceof SequenceNode sequence) {
            List<Node> items = sequence.getValue();
            for (int i = 0; i < items.size(); i++) {
                checkKeys(items.get(i), Nodes.item(path, i), seen);
            }
        } else if (node instanceof MappingNode mapping) {
            Map<String, Node> keys = new HashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                    report(tuple.getKeyNode(), path, "keys must be strings, found " + Nodes.describe(tuple.getKeyNode()));
                    continue;
                }
                String childPath = Nodes.child(path, key.getValue());
                Node first = keys.putIfAbsent(key.getValue(), key);
                if (first != null) {
                    report(key, childPath, "duplicate key " + Names.quote(key.getValue())
                            + " (first defined at line " + Nodes.line(first) + ")");
                }
                checkKeys(tuple.getValueNode(), childPath, seen);
            }
        }
    }

    /** The node as fields, or {@code null} (reported) when it is not a map. */
    Fields mapping(Node node, String path) {
        if (node instanceof MappingNode mapping) {
            return new Fields(path, mapping);
        }
        report(node, path, "expected a map, found " + Nodes.describe(node));
        return null;
    }

    /** An optional sub-map such as {@code spec.profile}; {@code null} when absent or malformed. */
    Fields optionalMapping(Fields parent, String key) {
        Node node = parent.get(key);
        return node == null ? null : mapping(node, parent.path(key));
    }

    String string(Fields fields, String key, boolean required, int max) {
        Node node = fields.get(key);
        if (node == null) {
            if (required) {
                report(fields.node(), fields.path(key), "required field is missing");
            }
            return null;
        }
        return scalar(node, fields.path(key), required, max, "a string");
    }

    /** Scalars of any YAML type are taken as their text: {@code tier: 1} means "1". */
    String scalar(Node node, String path, boolean required, int max, String expected) {
        if (!(node instanceof ScalarNode scalar)) {
            report(node, path, "expected " + expected + ", found " + Nodes.describe(node));
            return null;
        }
        String value = Nodes.isNull(node) ? "" : scalar.getValue();
        if (value.isEmpty()) {
            if (required) {
                report(node, path, "must not be empty");
            }
            return null;
        }
        if (value.length() > max) {
            report(node, path, "too long: " + value.length() + " characters, at most " + max + " allowed");
            return null;
        }
        return value;
    }

    EntityRef ref(Fields fields, RefField field, boolean required) {
        Node node = fields.get(field.key);
        if (node == null) {
            if (required) {
                report(fields.node(), fields.path(field.key), "required field is missing");
            }
            return null;
        }
        return refValue(node, fields.path(field.key), field);
    }

    /**
     * A list of references. A required list must be present but may be empty, which is how Backstage
     * models "a group with no children".
     */
    List<EntityRef> refs(Fields fields, RefField field, boolean required) {
        Node node = fields.get(field.key);
        String path = fields.path(field.key);
        if (node == null) {
            if (required) {
                report(fields.node(), path, "required field is missing (write [] for none)");
            }
            return List.of();
        }
        if (!(node instanceof SequenceNode sequence)) {
            report(node, path, "expected a list of entity references, found " + Nodes.describe(node));
            return List.of();
        }
        List<EntityRef> refs = new ArrayList<>();
        List<Node> items = sequence.getValue();
        for (int i = 0; i < items.size(); i++) {
            EntityRef ref = refValue(items.get(i), Nodes.item(path, i), field);
            if (ref != null) {
                refs.add(ref);
            }
        }
        return refs;
    }

    private EntityRef refValue(Node node, String path, RefField field) {
        String text = scalar(node, path, true, Integer.MAX_VALUE, "an entity reference");
        if (text == null) {
            return null;
        }
        EntityRef ref;
        try {
            ref = EntityRef.parse(text, field.defaultKind);
        } catch (IllegalArgumentException e) {
            report(node, path, e.getMessage());
            return null;
        }
        if (!field.allowedKinds.contains(ref.kind())) {
            report(node, path, Names.quote(text) + " refers to a " + ref.kind() + "; " + field.key
                    + " must refer to a " + String.join(" or ", field.allowedKinds));
            return null;
        }
        return ref;
    }

    /** A map of strings such as labels or annotations; absent or malformed gives an empty map. */
    Map<String, String> stringMap(Fields parent, String key, int maxKey, int maxValue) {
        Node node = parent.get(key);
        if (node == null) {
            return Map.of();
        }
        Fields fields = mapping(node, parent.path(key));
        if (fields == null) {
            return Map.of();
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (NodeTuple tuple : fields.entries()) {
            String entryKey = ((ScalarNode) tuple.getKeyNode()).getValue();
            String path = fields.path(entryKey);
            if (entryKey.isEmpty() || entryKey.length() > maxKey) {
                report(tuple.getKeyNode(), path, "key must be 1-" + maxKey + " characters");
                continue;
            }
            Node valueNode = tuple.getValueNode();
            if (Nodes.isNull(valueNode)) {
                report(valueNode, path, "expected a string, found nothing");
                continue;
            }
            String value = scalar(valueNode, path, false, maxValue, "a string");
            if (value != null || valueNode instanceof ScalarNode) {
                values.put(entryKey, value == null ? "" : value);
            }
        }
        return values;
    }
}
