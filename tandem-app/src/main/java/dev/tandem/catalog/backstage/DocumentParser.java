package dev.tandem.catalog.backstage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Turns one YAML document into a descriptor: checks the envelope ({@code apiVersion}, {@code kind},
 * {@code metadata}) here and hands {@code spec} to {@link SpecParser}.
 */
final class DocumentParser {

    static final List<String> API_VERSIONS = List.of("backstage.io/v1alpha1", "backstage.io/v1beta1");

    static final int MAX_TITLE = 200;
    static final int MAX_DESCRIPTION = 4000;
    static final int MAX_URL = 2000;
    static final int MAX_ANNOTATION_KEY = 253;
    static final int MAX_ANNOTATION_VALUE = 4000;
    /** For free-text fields the format leaves open; generous, but keeps rows and pages bounded. */
    static final int MAX_TEXT = 4000;

    private DocumentParser() {
    }

    /** The descriptor, or {@code null} when the document had problems (already reported). */
    static Descriptor parse(Node root, DocumentContext ctx) {
        if (!(root instanceof MappingNode rootMapping)) {
            ctx.report(root, "", "a descriptor must be a map with apiVersion, kind, metadata and spec, found "
                    + Nodes.describe(root));
            return null;
        }
        Fields doc = new Fields("", rootMapping);
        Optional<EntityKind> kind = label(doc, ctx);
        ctx.checkKeys(root, "");
        checkApiVersion(doc, ctx);
        checkKind(doc, kind, ctx);
        Metadata metadata = metadata(doc, ctx);
        Descriptor descriptor = null;
        if (kind.isPresent()) {
            int line = Nodes.line(root);
            descriptor = kind.get() == EntityKind.LOCATION
                    ? new LocationDescriptor(ctx.index(), line, metadata)
                    : spec(doc, ctx).map(spec -> SpecParser.parse(kind.get(), ctx, line, metadata, spec))
                            .orElse(null);
        }
        return ctx.hasProblems() ? null : descriptor;
    }

    /** Finds kind and name before validating anything, so that every problem can be labelled. */
    private static Optional<EntityKind> label(Fields doc, DocumentContext ctx) {
        String kindText = plain(doc.get("kind"));
        Optional<EntityKind> kind = kindText == null ? Optional.empty() : EntityKind.of(kindText);
        String name = null;
        if (doc.get("metadata") instanceof MappingNode metadata) {
            name = plain(new Fields("metadata", metadata).get("name"));
        }
        ctx.label(kind.map(k -> k.canonical).orElse(kindText), name);
        return kind;
    }

    private static String plain(Node node) {
        return node instanceof ScalarNode scalar && !Nodes.isNull(node) ? scalar.getValue() : null;
    }

    private static void checkApiVersion(Fields doc, DocumentContext ctx) {
        String expected = "; expected " + String.join(" or ", API_VERSIONS);
        String apiVersion = ctx.string(doc, "apiVersion", true, MAX_TEXT);
        if (apiVersion != null && !API_VERSIONS.contains(apiVersion)) {
            ctx.report(doc.get("apiVersion"), "apiVersion", "unsupported apiVersion " + Names.quote(apiVersion) + expected);
        }
    }

    private static void checkKind(Fields doc, Optional<EntityKind> kind, DocumentContext ctx) {
        String text = ctx.string(doc, "kind", true, MAX_TEXT);
        if (text != null && kind.isEmpty()) {
            ctx.report(doc.get("kind"), "kind", "unknown kind " + Names.quote(text) + "; supported: " + EntityKind.SUPPORTED);
        }
    }

    private static Optional<Fields> spec(Fields doc, DocumentContext ctx) {
        Node node = doc.get("spec");
        if (node == null) {
            ctx.report(doc.node(), "spec", "required field is missing");
            return Optional.empty();
        }
        return Optional.ofNullable(ctx.mapping(node, "spec"));
    }

    private static Metadata metadata(Fields doc, DocumentContext ctx) {
        Node node = doc.get("metadata");
        if (node == null) {
            ctx.report(doc.node(), "metadata", "required field is missing");
            return null;
        }
        Fields meta = ctx.mapping(node, "metadata");
        if (meta == null) {
            return null;
        }
        String name = checkedName(meta, "name", true, ctx);
        String namespace = checkedName(meta, "namespace", false, ctx);
        String title = ctx.string(meta, "title", false, MAX_TITLE);
        String description = ctx.string(meta, "description", false, MAX_DESCRIPTION);
        Map<String, String> labels = ctx.stringMap(meta, "labels", MAX_ANNOTATION_KEY, MAX_ANNOTATION_VALUE);
        Map<String, String> annotations = ctx.stringMap(meta, "annotations", MAX_ANNOTATION_KEY, MAX_ANNOTATION_VALUE);
        return new Metadata(name, namespace, title, description, labels, annotations, tags(meta, ctx), links(meta, ctx));
    }

    private static String checkedName(Fields meta, String key, boolean required, DocumentContext ctx) {
        String value = ctx.string(meta, key, required, Integer.MAX_VALUE);
        if (value != null && !Names.isValidName(value)) {
            ctx.report(meta.get(key), meta.path(key), Names.quote(value) + " is not a valid " + key + ": " + Names.NAME_RULE);
            return null;
        }
        return value;
    }

    private static List<String> tags(Fields meta, DocumentContext ctx) {
        Node node = meta.get("tags");
        if (node == null) {
            return List.of();
        }
        if (!(node instanceof SequenceNode sequence)) {
            ctx.report(node, meta.path("tags"), "expected a list of tags, found " + Nodes.describe(node));
            return List.of();
        }
        List<String> tags = new ArrayList<>();
        for (int i = 0; i < sequence.getValue().size(); i++) {
            Node item = sequence.getValue().get(i);
            String path = Nodes.item(meta.path("tags"), i);
            String tag = ctx.scalar(item, path, true, Integer.MAX_VALUE, "a tag");
            if (tag != null && !Names.isValidTag(tag)) {
                ctx.report(item, path, Names.quote(tag) + " is not a valid tag: " + Names.TAG_RULE);
            } else if (tag != null) {
                tags.add(tag);
            }
        }
        return tags;
    }

    private static List<Link> links(Fields meta, DocumentContext ctx) {
        Node node = meta.get("links");
        if (node == null) {
            return List.of();
        }
        if (!(node instanceof SequenceNode sequence)) {
            ctx.report(node, meta.path("links"), "expected a list of links, found " + Nodes.describe(node));
            return List.of();
        }
        List<Link> links = new ArrayList<>();
        for (int i = 0; i < sequence.getValue().size(); i++) {
            Fields link = ctx.mapping(sequence.getValue().get(i), Nodes.item(meta.path("links"), i));
            if (link != null) {
                links.add(new Link(ctx.string(link, "url", true, MAX_URL), ctx.string(link, "title", false, MAX_TITLE),
                        ctx.string(link, "icon", false, MAX_TEXT), ctx.string(link, "type", false, MAX_TEXT)));
            }
        }
        return links;
    }
}
