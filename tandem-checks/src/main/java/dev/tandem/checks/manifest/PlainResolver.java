package dev.tandem.checks.manifest;

import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Tags composed nodes with only what the checks read from tags: YAML null and the merge key. Every other plain
 * scalar stays a string, and {@link YamlNode} parses numbers and booleans from the text when a check asks. This
 * skips SnakeYAML's regular-expression matching of every scalar against the int, float, bool and timestamp
 * forms, a large share of composing time that the checks would not use.
 */
final class PlainResolver extends Resolver {

    @Override
    protected void addImplicitResolvers() {
        // none: resolve() below decides
    }

    @Override
    public Tag resolve(NodeId kind, String value, boolean implicit) {
        if (kind == NodeId.scalar) {
            if (implicit && isNull(value)) {
                return Tag.NULL;
            }
            return implicit && value.equals("<<") ? Tag.MERGE : Tag.STR;
        }
        return kind == NodeId.sequence ? Tag.SEQ : Tag.MAP;
    }

    private static boolean isNull(String value) {
        return value.isEmpty() || value.equals("~") || value.equals("null") || value.equals("Null") || value.equals("NULL");
    }
}
