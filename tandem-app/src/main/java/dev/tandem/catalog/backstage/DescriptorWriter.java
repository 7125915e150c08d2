package dev.tandem.catalog.backstage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Writes descriptors back as a multi-document {@code catalog-info.yaml}, in the shape people write
 * by hand: fixed key order, optional fields left out when empty, references in their shortest form.
 * What this writes, {@link DescriptorReader} reads back to equal descriptors (apart from positions).
 *
 * <p>Locations are written as their envelope only, since that is all a descriptor keeps of them.
 */
public final class DescriptorWriter {

    private static final String API_VERSION = DocumentParser.API_VERSIONS.get(0);

    public String write(List<? extends Descriptor> descriptors) {
        Yaml yaml = yaml();
        List<String> documents = new ArrayList<>();
        for (Descriptor descriptor : descriptors) {
            documents.add(yaml.dump(document(descriptor)));
        }
        return String.join("---\n", documents);
    }

    private static Map<String, Object> document(Descriptor descriptor) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("apiVersion", API_VERSION);
        doc.put("kind", descriptor.kind());
        doc.put("metadata", metadata(descriptor.metadata()));
        Map<String, Object> spec = spec(descriptor);
        if (spec != null) {
            doc.put("spec", spec);
        }
        return doc;
    }

    private static Map<String, Object> metadata(Metadata metadata) {
        Map<String, Object> out = new LinkedHashMap<>();
        put(out, "name", metadata.name());
        if (!EntityRef.DEFAULT_NAMESPACE.equals(metadata.namespace())) {
            put(out, "namespace", metadata.namespace());
        }
        put(out, "title", metadata.title());
        put(out, "description", metadata.description());
        put(out, "labels", new LinkedHashMap<>(metadata.labels()));
        put(out, "annotations", new LinkedHashMap<>(metadata.annotations()));
        put(out, "tags", new ArrayList<>(metadata.tags()));
        List<Object> links = new ArrayList<>();
        for (Link link : metadata.links()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            put(entry, "url", link.url());
            put(entry, "title", link.title());
            put(entry, "icon", link.icon());
            put(entry, "type", link.type());
            links.add(entry);
        }
        put(out, "links", links);
        return out;
    }

    private static Map<String, Object> spec(Descriptor descriptor) {
        Map<String, Object> spec = new LinkedHashMap<>();
        if (descriptor instanceof ComponentDescriptor c) {
            put(spec, "type", c.type());
            put(spec, "lifecycle", c.lifecycle());
            ref(spec, RefField.OWNER, c.owner());
            ref(spec, RefField.SYSTEM, c.system());
            ref(spec, RefField.SUBCOMPONENT_OF, c.subcomponentOf());
            refs(spec, RefField.DEPENDS_ON, c.dependsOn(), false);
            refs(spec, RefField.PROVIDES_APIS, c.providesApis(), false);
            refs(spec, RefField.CONSUMES_APIS, c.consumesApis(), false);
        } else if (descriptor instanceof ApiDescriptor a) {
            put(spec, "type", a.type());
            put(spec, "lifecycle", a.lifecycle());
            ref(spec, RefField.OWNER, a.owner());
            ref(spec, RefField.SYSTEM, a.system());
            put(spec, "definition", a.definition());
        } else if (descriptor instanceof ResourceDescriptor r) {
            put(spec, "type", r.type());
            ref(spec, RefField.OWNER, r.owner());
            ref(spec, RefField.SYSTEM, r.system());
            refs(spec, RefField.DEPENDS_ON, r.dependsOn(), false);
        } else if (descriptor instanceof SystemDescriptor s) {
            ref(spec, RefField.OWNER, s.owner());
            ref(spec, RefField.DOMAIN, s.domain());
        } else if (descriptor instanceof DomainDescriptor d) {
            ref(spec, RefField.OWNER, d.owner());
        } else if (descriptor instanceof GroupDescriptor g) {
            put(spec, "type", g.type());
            profile(spec, g.displayName(), g.email());
            ref(spec, RefField.PARENT, g.parent());
            refs(spec, RefField.CHILDREN, g.children(), true);
            refs(spec, RefField.MEMBERS, g.members(), false);
        } else if (descriptor instanceof UserDescriptor u) {
            profile(spec, u.displayName(), u.email());
            refs(spec, RefField.MEMBER_OF, u.memberOf(), true);
        } else {
            return null;
        }
        return spec;
    }

    private static void profile(Map<String, Object> spec, String displayName, String email) {
        Map<String, Object> profile = new LinkedHashMap<>();
        put(profile, "displayName", displayName);
        put(profile, "email", email);
        put(spec, "profile", profile);
    }

    private static void ref(Map<String, Object> spec, RefField field, EntityRef ref) {
        if (ref != null) {
            spec.put(field.key, field.compact(ref));
        }
    }

    /** Required lists are written even when empty, because the reader insists on seeing them. */
    private static void refs(Map<String, Object> spec, RefField field, List<EntityRef> refs, boolean required) {
        if (required || !refs.isEmpty()) {
            spec.put(field.key, new ArrayList<>(refs.stream().map(field::compact).toList()));
        }
    }

    /** Leaves out absent and empty values so that the output stays as small as a hand-written file. */
    private static void put(Map<String, Object> out, String key, Object value) {
        boolean empty = value == null
                || value instanceof String s && s.isEmpty()
                || value instanceof Map<?, ?> m && m.isEmpty()
                || value instanceof List<?> l && l.isEmpty();
        if (!empty) {
            out.put(key, value);
        }
    }

    private static Yaml yaml() {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setIndicatorIndent(2);
        options.setIndentWithIndicator(true);
        options.setSplitLines(false);
        options.setWidth(Integer.MAX_VALUE);
        return new Yaml(options);
    }
}
