package dev.tandem.readiness.internal;

import dev.tandem.shared.DocumentProblem;
import dev.tandem.shared.InvalidDocumentException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reading Tandem's own YAML documents (checklists, scorecards) as SnakeYAML nodes, so every problem
 * carries its line and no YAML tag can instantiate a class. Problems are collected, not thrown one by one,
 * so an author sees them all at once.
 */
final class YamlNodes {

    static final int MAX_PROBLEMS = 100;

    private final String kind;
    private final List<DocumentProblem> problems = new ArrayList<>();
    private String name;

    YamlNodes(String kind) {
        this.kind = kind;
    }

    /** The single document of the text, or a problem naming the line where YAML itself failed. */
    Node parse(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(20);
        options.setAllowDuplicateKeys(false);
        options.setCodePointLimit(2 * 1024 * 1024);
        try {
            List<Node> documents = new ArrayList<>();
            for (Node n : new Yaml(options).composeAll(new StringReader(text))) {
                if (n != null) {
                    documents.add(n);
                }
            }
            if (documents.isEmpty()) {
                fail(new DocumentProblem(-1, null, kind, null, "", "the file is empty"));
            }
            if (documents.size() > 1) {
                fail(new DocumentProblem(1, line(documents.get(1)), kind, null, "",
                        "expected one " + kind + " document, found " + documents.size()));
            }
            return documents.get(0);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new InvalidDocumentException(List.of(new DocumentProblem(0, line, kind, null, "",
                    "not valid YAML: " + e.getProblem())));
        } catch (YAMLException e) {
            throw new InvalidDocumentException(List.of(new DocumentProblem(0, null, kind, null, "",
                    "not valid YAML: " + e.getMessage())));
        }
    }

    private void fail(DocumentProblem problem) {
        throw new InvalidDocumentException(List.of(problem));
    }

    void name(String name) {
        this.name = name;
    }

    void problem(Node node, String path, String message) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(new DocumentProblem(0, node == null ? null : line(node), kind, name, path, message));
        }
    }

    void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new InvalidDocumentException(problems);
        }
    }

    static int line(Node node) {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    static boolean isNull(Node node) {
        return node == null || node instanceof ScalarNode s && Tag.NULL.equals(s.getTag());
    }

    /** The entries of a map node by key, keeping their order; a non-map is reported and read as empty. */
    Map<String, Node> map(Node node, String path) {
        Map<String, Node> out = new LinkedHashMap<>();
        if (isNull(node)) {
            return out;
        }
        if (!(node instanceof MappingNode mapping)) {
            problem(node, path, "expected a map");
            return out;
        }
        for (NodeTuple t : mapping.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode key) {
                out.put(key.getValue(), t.getValueNode());
            } else {
                problem(t.getKeyNode(), path, "keys must be plain strings");
            }
        }
        return out;
    }

    List<Node> list(Node node, String path) {
        if (isNull(node)) {
            return List.of();
        }
        if (!(node instanceof SequenceNode seq)) {
            problem(node, path, "expected a list");
            return List.of();
        }
        return seq.getValue();
    }

    String text(Node node, String path, boolean required, int maxLength) {
        if (isNull(node)) {
            if (required) {
                problem(node, path, "is required");
            }
            return null;
        }
        if (!(node instanceof ScalarNode scalar)) {
            problem(node, path, "expected text");
            return null;
        }
        String value = scalar.getValue().strip();
        if (required && value.isEmpty()) {
            problem(node, path, "must not be empty");
            return null;
        }
        if (value.length() > maxLength) {
            problem(node, path, "is longer than " + maxLength + " characters");
            return null;
        }
        return value.isEmpty() ? null : value;
    }

    /** Reports keys this reader does not know, so a typo never passes silently. */
    void onlyKnown(Map<String, Node> entries, String path, String... known) {
        List<String> allowed = List.of(known);
        entries.forEach((key, value) -> {
            if (!allowed.contains(key)) {
                problem(value, path.isEmpty() ? key : path + "." + key,
                        "unknown field; expected one of " + String.join(", ", allowed));
            }
        });
    }
}
