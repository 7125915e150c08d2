package dev.tandem.catalog.internal;

import dev.tandem.catalog.backstage.Metadata;
import dev.tandem.catalog.internal.CatalogState.Meta;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What an import keeps of a descriptor's metadata only to write it back on export (labels, the
 * annotations Tandem does not read, links of non-service entities), and small list helpers of the
 * mapping.
 */
final class KeptMetadata {

    private KeptMetadata() {
    }

    static Meta of(Metadata m, boolean service, Set<String> mapped) {
        Map<String, String> annotations = new LinkedHashMap<>(m.annotations());
        mapped.forEach(annotations::remove);
        List<Map<String, String>> links = new ArrayList<>();
        if (!service) {
            for (var l : m.links()) {
                Map<String, String> link = new LinkedHashMap<>();
                link.put("url", l.url());
                putIf(link, "title", l.title());
                putIf(link, "icon", l.icon());
                putIf(link, "type", l.type());
                links.add(link);
            }
        }
        return new Meta(m.title(), m.labels(), annotations, service ? List.of() : m.tags(), links, Map.of());
    }

    private static void putIf(Map<String, String> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    static void addIfResolved(List<String> names, String name) {
        if (name != null && !names.contains(name)) {
            names.add(name);
        }
    }

    static List<String> sorted(List<String> names) {
        return List.copyOf(new TreeSet<>(names));
    }

}
