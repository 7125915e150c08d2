package dev.tandem.checks.manifest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A read-only view of one node of a YAML document, with its line. Looking up an absent key never fails; it gives
 * a missing node that carries the line of its nearest present ancestor.
 *
 * <p>The nodes behind these views are a compact tree that {@link ManifestReader} builds straight from the
 * parser's events: scalars are strings, mappings and sequences are arrays with one line number per entry.
 * SnakeYAML's own node tree keeps two position objects and comment lists per node; for a large set of manifests,
 * all held at once because checks relate objects to each other, that was several times the memory and most of
 * the garbage collector's work.
 */
public final class YamlNode {

    /** YAML null ({@code ~}, {@code null}, or nothing), as a value. */
    static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    /** The plain key {@code <<} (a merge key), told apart by identity from a quoted {@code "<<"}. */
    @SuppressWarnings("StringOperationCanBeSimplified")
    static final String MERGE_KEY = new String("<<");

    /** A mapping: keys in document order, their values, and the line of each key. */
    static final class MapValue {
        final int line;
        String[] keys = new String[4];
        Object[] values = new Object[4];
        int[] lines = new int[4];
        int size;

        MapValue(int line) {
            this.line = line;
        }

        void put(String key, Object value, int keyLine) {
            if (size == keys.length) {
                keys = java.util.Arrays.copyOf(keys, size * 2);
                values = java.util.Arrays.copyOf(values, size * 2);
                lines = java.util.Arrays.copyOf(lines, size * 2);
            }
            keys[size] = key;
            values[size] = value;
            lines[size] = keyLine;
            size++;
        }
    }

    /** A sequence: its items and the line each starts on. */
    static final class ListValue {
        final int line;
        Object[] items = new Object[4];
        int[] lines = new int[4];
        int size;

        ListValue(int line) {
            this.line = line;
        }

        void add(Object item, int itemLine) {
            if (size == items.length) {
                items = java.util.Arrays.copyOf(items, size * 2);
                lines = java.util.Arrays.copyOf(lines, size * 2);
            }
            items[size] = item;
            lines[size] = itemLine;
            size++;
        }
    }

    private final Object value; // null when missing; NULL, a String, a MapValue or a ListValue otherwise
    private final int line;

    YamlNode(Object value, int line) {
        this.value = value;
        this.line = line;
    }

    /** A missing node that reports {@code line} as its line. */
    public static YamlNode missing(int line) {
        return new YamlNode(null, line);
    }

    /**
     * The child under {@code key} of a mapping; a missing node otherwise. Follows YAML merge keys ({@code <<}).
     * The child's line is the key's, so a finding about a block mapping points at its name, not its first entry.
     */
    public YamlNode get(String key) {
        if (value instanceof MapValue) {
            MapValue map = (MapValue) value;
            int i = indexOf(map, key);
            if (i >= 0) {
                return new YamlNode(map.values[i], map.lines[i]);
            }
            YamlNode merged = fromMerge(map, key, 0);
            if (merged != null) {
                return merged;
            }
        }
        return new YamlNode(null, line);
    }

    private static int indexOf(MapValue map, String key) {
        String[] keys = map.keys;
        for (int i = 0; i < map.size; i++) {
            if (keys[i] != MERGE_KEY && keys[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    private static YamlNode fromMerge(MapValue map, String key, int depth) {
        if (depth > 8) {
            return null;
        }
        for (int i = 0; i < map.size; i++) {
            if (map.keys[i] == MERGE_KEY) {
                Object source = map.values[i];
                List<Object> sources = new ArrayList<>();
                if (source instanceof ListValue) {
                    ListValue list = (ListValue) source;
                    for (int j = 0; j < list.size; j++) {
                        sources.add(list.items[j]);
                    }
                } else {
                    sources.add(source);
                }
                for (Object s : sources) {
                    if (s instanceof MapValue) {
                        MapValue m = (MapValue) s;
                        int found = indexOf(m, key);
                        if (found >= 0) {
                            return new YamlNode(m.values[found], m.lines[found]);
                        }
                        YamlNode deeper = fromMerge(m, key, depth + 1);
                        if (deeper != null) {
                            return deeper;
                        }
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
        return value != null && value != NULL;
    }

    public boolean isMap() {
        return value instanceof MapValue;
    }

    public boolean isList() {
        return value instanceof ListValue;
    }

    public boolean isScalar() {
        return value instanceof String;
    }

    /** The items of a sequence; empty for anything else. */
    public List<YamlNode> items() {
        if (!(value instanceof ListValue)) {
            return List.of();
        }
        ListValue list = (ListValue) value;
        List<YamlNode> items = new ArrayList<>(list.size);
        for (int i = 0; i < list.size; i++) {
            items.add(new YamlNode(list.items[i], list.lines[i]));
        }
        return items;
    }

    /** The entries of a mapping, in document order (the first of duplicate keys wins); empty for anything else. */
    public Map<String, YamlNode> entries() {
        if (!(value instanceof MapValue)) {
            return Map.of();
        }
        MapValue map = (MapValue) value;
        Map<String, YamlNode> entries = new LinkedHashMap<>();
        for (int i = 0; i < map.size; i++) {
            entries.putIfAbsent(map.keys[i], new YamlNode(map.values[i], map.lines[i]));
        }
        return entries;
    }

    /** A mapping of scalars (labels, annotations, selectors) as strings (null as ""); other values are left out. */
    public Map<String, String> stringMap() {
        if (!(value instanceof MapValue)) {
            return Map.of();
        }
        MapValue map = (MapValue) value;
        Map<String, String> strings = new LinkedHashMap<>(Math.max(4, map.size * 2));
        for (int i = 0; i < map.size; i++) {
            Object v = map.values[i];
            if (v instanceof String) {
                strings.putIfAbsent(map.keys[i], (String) v);
            } else if (v == NULL) {
                strings.putIfAbsent(map.keys[i], "");
            }
        }
        return strings;
    }

    /** The value of a scalar, or {@code null} when missing, null or not a scalar. */
    public String text() {
        return value instanceof String ? (String) value : null;
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
        switch (t.strip().toLowerCase(Locale.ROOT)) {
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

    /**
     * A canonical text of the node's content: mappings with sorted keys, scalars by value. Two nodes with the same
     * content (whatever their key order or quoting) have the same canonical text.
     */
    public String canonical() {
        StringBuilder s = new StringBuilder();
        canonical(value, s, 0);
        return s.toString();
    }

    private static void canonical(Object v, StringBuilder s, int depth) {
        if (v == null || v == NULL || depth > 64) {
            s.append('~');
        } else if (v instanceof String) {
            s.append('"').append(((String) v).replace("\"", "\\\"")).append('"');
        } else if (v instanceof ListValue) {
            ListValue list = (ListValue) v;
            s.append('[');
            for (int i = 0; i < list.size; i++) {
                canonical(list.items[i], s, depth + 1);
                s.append(',');
            }
            s.append(']');
        } else {
            MapValue map = (MapValue) v;
            TreeMap<String, Object> sorted = new TreeMap<>();
            for (int i = 0; i < map.size; i++) {
                sorted.putIfAbsent(map.keys[i], map.values[i]);
            }
            s.append('{');
            sorted.forEach((k, x) -> {
                s.append('"').append(k.replace("\"", "\\\"")).append("\":");
                canonical(x, s, depth + 1);
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
