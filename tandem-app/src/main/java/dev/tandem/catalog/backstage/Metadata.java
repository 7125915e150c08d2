package dev.tandem.catalog.backstage;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code metadata} block shared by every kind.
 *
 * <p>Absent collections become empty ones and an absent namespace becomes {@code default}, so callers
 * never have to tell "missing" from "empty" and two readings of equivalent files compare equal.
 * Map order is kept so that writing a descriptor back preserves the author's order.
 */
public record Metadata(String name, String namespace, String title, String description,
                       Map<String, String> labels, Map<String, String> annotations,
                       List<String> tags, List<Link> links) {

    public Metadata {
        namespace = namespace == null || namespace.isEmpty() ? EntityRef.DEFAULT_NAMESPACE : namespace;
        labels = copy(labels);
        annotations = copy(annotations);
        tags = tags == null ? List.of() : List.copyOf(tags);
        links = links == null ? List.of() : List.copyOf(links);
    }

    /** A minimal metadata block, handy for building descriptors in code. */
    public static Metadata of(String name) {
        return new Metadata(name, null, null, null, null, null, null, null);
    }

    private static Map<String, String> copy(Map<String, String> map) {
        return map == null || map.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
