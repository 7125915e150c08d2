package dev.tandem.checks.manifest;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.parser.Parser;

import java.util.HashMap;
import java.util.Map;

/**
 * Builds {@link YamlNode}'s compact tree from SnakeYAML parser events, one document at a time. Tags are not
 * interpreted: plain {@code ~}, {@code null}, {@code Null}, {@code NULL} and empty scalars are null, a plain
 * {@code <<} key is a merge key, and every other scalar is its text (checks parse numbers and booleans when they
 * need them). Anchors and aliases share nodes; an alias must follow its anchor's end, so no structure is recursive.
 */
final class TreeReader {

    /** A YAML structure Tandem refuses (the parser itself reports syntax errors). */
    static final class StructureException extends RuntimeException {
        final int line;

        StructureException(String message, Mark mark) {
            super(message);
            this.line = mark == null ? 0 : mark.getLine() + 1;
        }
    }

    private static final int MAX_DEPTH = 100;
    private static final int MAX_COLLECTION_ALIASES = 50;
    private static final int MAX_SHARED_STRINGS = 8192;
    private static final int MAX_SHARED_LENGTH = 40;

    private final Parser parser;
    private final Map<String, Object> anchors = new HashMap<>();
    /** Keys and short values repeat in every object (apiVersion, metadata, app.kubernetes.io/name, 8080…): one copy each. */
    private final Map<String, String> shared = new HashMap<>();
    private int collectionAliases;

    TreeReader(Parser parser) {
        this.parser = parser;
    }

    /** The next document's root, or {@code null} at the end of the stream. An empty document's root is YAML null. */
    YamlNode nextDocument() {
        while (true) {
            Event event = parser.getEvent();
            switch (event.getEventId()) {
                case StreamEnd:
                    return null;
                case DocumentStart: {
                    anchors.clear();
                    collectionAliases = 0;
                    int line = line(parser.peekEvent());
                    Object root = parser.checkEvent(Event.ID.DocumentEnd) ? YamlNode.NULL : node(0);
                    parser.getEvent(); // DocumentEnd
                    return new YamlNode(root, line);
                }
                default:
                    // StreamStart, and comments should a parser report them
            }
        }
    }

    private Object node(int depth) {
        Event event = parser.getEvent();
        if (depth > MAX_DEPTH) {
            throw new StructureException("nested more than " + MAX_DEPTH + " levels deep", event.getStartMark());
        }
        switch (event.getEventId()) {
            case Alias: {
                String anchor = ((AliasEvent) event).getAnchor();
                Object target = anchors.get(anchor);
                if (target == null) {
                    throw new StructureException("alias *" + anchor + " refers to no earlier anchor", event.getStartMark());
                }
                if (!(target instanceof String) && target != YamlNode.NULL && ++collectionAliases > MAX_COLLECTION_ALIASES) {
                    throw new StructureException("more than " + MAX_COLLECTION_ALIASES + " aliases to collections in one document", event.getStartMark());
                }
                return target;
            }
            case Scalar: {
                ScalarEvent scalar = (ScalarEvent) event;
                String text = scalar.getValue();
                boolean plain = scalar.getImplicit().canOmitTagInPlainScalar();
                Object value = plain && isNull(text) ? YamlNode.NULL : plain && text.equals("<<") ? YamlNode.MERGE_KEY : share(text);
                return anchor(scalar, value);
            }
            case SequenceStart: {
                YamlNode.ListValue list = new YamlNode.ListValue(line(event));
                while (!parser.checkEvent(Event.ID.SequenceEnd)) {
                    int itemLine = line(parser.peekEvent());
                    list.add(node(depth + 1), itemLine);
                }
                parser.getEvent();
                return anchor((NodeEvent) event, list);
            }
            case MappingStart: {
                YamlNode.MapValue map = new YamlNode.MapValue(line(event));
                while (!parser.checkEvent(Event.ID.MappingEnd)) {
                    int keyLine = line(parser.peekEvent());
                    Object key = node(depth + 1);
                    Object value = node(depth + 1);
                    if (key instanceof String) {
                        map.put((String) key, value, keyLine);
                    } else if (key == YamlNode.NULL) {
                        map.put("", value, keyLine);
                    } // a mapping or sequence as a key: no Kubernetes field is one, so it is left out
                }
                parser.getEvent();
                return anchor((NodeEvent) event, map);
            }
            default:
                throw new StructureException("unexpected " + event.getEventId(), event.getStartMark());
        }
    }

    private String share(String text) {
        if (text.length() > MAX_SHARED_LENGTH) {
            return text;
        }
        String copy = shared.get(text);
        if (copy != null) {
            return copy;
        }
        if (shared.size() < MAX_SHARED_STRINGS) {
            shared.put(text, text);
        }
        return text;
    }

    private Object anchor(NodeEvent event, Object value) {
        if (event.getAnchor() != null) {
            anchors.put(event.getAnchor(), value);
        }
        return value;
    }

    private static int line(Event event) {
        return event.getStartMark() == null ? 0 : event.getStartMark().getLine() + 1;
    }

    private static boolean isNull(String text) {
        return text.isEmpty() || text.equals("~") || text.equals("null") || text.equals("Null") || text.equals("NULL");
    }
}
