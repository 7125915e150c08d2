package dev.tandem.catalog.backstage;

import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Small helpers over SnakeYAML's node tree. We read nodes rather than constructed objects so that
 * every problem can carry a line number and no YAML tag can make SnakeYAML instantiate a class.
 */
final class Nodes {

    private static final Pattern SIMPLE_KEY = Pattern.compile("[A-Za-z0-9_$]+");

    private Nodes() {
    }

    /** YAML's null ({@code ~}, {@code null} or nothing at all) means the field is absent. */
    static boolean isNull(Node node) {
        return node == null || node instanceof ScalarNode scalar && Tag.NULL.equals(scalar.getTag());
    }

    /** SnakeYAML counts lines from zero; people count from one. */
    static int line(Node node) {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    static String describe(Node node) {
        if (isNull(node)) {
            return "nothing";
        }
        if (node instanceof MappingNode) {
            return "a map";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        return "a string";
    }

    /** Dotted paths for ordinary keys, quoted brackets for keys like {@code backstage.io/techdocs-ref}. */
    static String child(String path, String key) {
        if (SIMPLE_KEY.matcher(key).matches()) {
            return path.isEmpty() ? key : path + '.' + key;
        }
        return path + "[\"" + key.replace("\"", "\\\"") + "\"]";
    }

    static String item(String path, int index) {
        return path + '[' + index + ']';
    }
}
