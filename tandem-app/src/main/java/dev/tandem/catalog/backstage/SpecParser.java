package dev.tandem.catalog.backstage;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Reads the {@code spec} of each kind; which fields are required follows Backstage's own schemas. */
final class SpecParser {

    static final int MAX_DEFINITION = 1_000_000;
    private static final int MAX = DocumentParser.MAX_TEXT;

    private SpecParser() {
    }

    static Descriptor parse(EntityKind kind, DocumentContext ctx, int line, Metadata metadata, Fields spec) {
        int index = ctx.index();
        return switch (kind) {
            case COMPONENT -> new ComponentDescriptor(index, line, metadata,
                    ctx.string(spec, "type", true, MAX), ctx.string(spec, "lifecycle", true, MAX),
                    ctx.ref(spec, RefField.OWNER, true), ctx.ref(spec, RefField.SYSTEM, false),
                    ctx.ref(spec, RefField.SUBCOMPONENT_OF, false), ctx.refs(spec, RefField.DEPENDS_ON, false),
                    ctx.refs(spec, RefField.PROVIDES_APIS, false), ctx.refs(spec, RefField.CONSUMES_APIS, false));
            case API -> new ApiDescriptor(index, line, metadata,
                    ctx.string(spec, "type", true, MAX), ctx.string(spec, "lifecycle", true, MAX),
                    ctx.ref(spec, RefField.OWNER, true), ctx.ref(spec, RefField.SYSTEM, false),
                    definition(spec, ctx));
            case RESOURCE -> new ResourceDescriptor(index, line, metadata, ctx.string(spec, "type", true, MAX),
                    ctx.ref(spec, RefField.OWNER, true), ctx.ref(spec, RefField.SYSTEM, false),
                    ctx.refs(spec, RefField.DEPENDS_ON, false));
            case SYSTEM -> new SystemDescriptor(index, line, metadata,
                    ctx.ref(spec, RefField.OWNER, true), ctx.ref(spec, RefField.DOMAIN, false));
            case DOMAIN -> new DomainDescriptor(index, line, metadata, ctx.ref(spec, RefField.OWNER, true));
            case GROUP -> group(index, line, metadata, spec, ctx);
            case USER -> user(index, line, metadata, spec, ctx);
            case LOCATION -> new LocationDescriptor(index, line, metadata);
        };
    }

    private static GroupDescriptor group(int index, int line, Metadata metadata, Fields spec, DocumentContext ctx) {
        String type = ctx.string(spec, "type", true, MAX);
        Profile profile = profile(spec, ctx);
        return new GroupDescriptor(index, line, metadata, type, profile.displayName, profile.email,
                ctx.ref(spec, RefField.PARENT, false), ctx.refs(spec, RefField.CHILDREN, true),
                ctx.refs(spec, RefField.MEMBERS, false));
    }

    private static UserDescriptor user(int index, int line, Metadata metadata, Fields spec, DocumentContext ctx) {
        Profile profile = profile(spec, ctx);
        return new UserDescriptor(index, line, metadata, profile.displayName, profile.email,
                ctx.refs(spec, RefField.MEMBER_OF, true));
    }

    private record Profile(String displayName, String email) {
    }

    /** The picture is checked for shape only; descriptors do not carry it. */
    private static Profile profile(Fields spec, DocumentContext ctx) {
        Fields profile = ctx.optionalMapping(spec, "profile");
        if (profile == null) {
            return new Profile(null, null);
        }
        ctx.string(profile, "picture", false, DocumentParser.MAX_URL);
        return new Profile(ctx.string(profile, "displayName", false, DocumentParser.MAX_TITLE),
                ctx.string(profile, "email", false, MAX));
    }

    /**
     * Backstage lets a definition pull text from elsewhere with {@code $text}, {@code $json} or
     * {@code $yaml}. Tandem never fetches URLs or files while reading a catalog, so those are refused
     * with a hint instead of being silently dropped.
     */
    private static String definition(Fields spec, DocumentContext ctx) {
        Node node = spec.get("definition");
        String path = spec.path("definition");
        if (node instanceof MappingNode mapping) {
            Fields fields = new Fields(path, mapping);
            for (String key : new String[] {"$text", "$json", "$yaml"}) {
                if (fields.has(key)) {
                    ctx.report(node, path, "substitution " + key + " is not supported; paste the definition inline as text");
                    return null;
                }
            }
        }
        if (node != null && !(node instanceof ScalarNode)) {
            ctx.report(node, path, "expected the API definition as text, found " + Nodes.describe(node));
            return null;
        }
        return ctx.string(spec, "definition", true, MAX_DEFINITION);
    }
}
