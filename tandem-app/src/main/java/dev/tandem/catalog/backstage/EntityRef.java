package dev.tandem.catalog.backstage;

import java.util.Locale;
import java.util.Objects;

/**
 * A reference to another catalog entity, as written in descriptor fields such as {@code spec.owner}.
 *
 * <p>The kind is stored in lowercase because Backstage compares kinds case-insensitively; keeping one
 * spelling makes references usable as map keys. A missing namespace means {@code default}, so two
 * spellings of the same reference are always equal.
 */
public record EntityRef(String kind, String namespace, String name) {

    public static final String DEFAULT_NAMESPACE = "default";

    public EntityRef {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        kind = kind.toLowerCase(Locale.ROOT);
        namespace = namespace == null || namespace.isEmpty() ? DEFAULT_NAMESPACE : namespace;
    }

    /**
     * Parses {@code [kind:][namespace/]name}.
     *
     * @param defaultKind the kind implied by the field the reference appears in; {@code null} when the
     *                    text must spell out its kind
     * @throws IllegalArgumentException with a message fit to show to the author of the file
     */
    public static EntityRef parse(String text, String defaultKind) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("entity reference must not be empty");
        }
        String rest = text;
        String kind = defaultKind;
        int colon = rest.indexOf(':');
        if (colon >= 0) {
            kind = rest.substring(0, colon);
            rest = rest.substring(colon + 1);
            if (!Names.isValidKind(kind)) {
                throw new IllegalArgumentException("invalid entity reference " + Names.quote(text)
                        + ": kind " + Names.quote(kind) + " must be letters and digits, starting with a letter");
            }
        } else if (kind == null) {
            throw new IllegalArgumentException("invalid entity reference " + Names.quote(text)
                    + ": a kind is required, e.g. \"component:" + text + "\"");
        }
        String namespace = DEFAULT_NAMESPACE;
        int slash = rest.indexOf('/');
        if (slash >= 0) {
            namespace = rest.substring(0, slash);
            rest = rest.substring(slash + 1);
            if (!Names.isValidName(namespace)) {
                throw new IllegalArgumentException("invalid entity reference " + Names.quote(text)
                        + ": namespace " + Names.quote(namespace) + " " + Names.NAME_RULE);
            }
        }
        if (!Names.isValidName(rest)) {
            throw new IllegalArgumentException("invalid entity reference " + Names.quote(text)
                    + ": name " + Names.quote(rest) + " " + Names.NAME_RULE);
        }
        return new EntityRef(kind, namespace, rest);
    }

    /** The canonical, fully qualified form; stable enough to store and compare as text. */
    @Override
    public String toString() {
        return kind + ':' + namespace + '/' + name;
    }

    /**
     * The shortest text that {@link #parse} turns back into this reference, for writing files that
     * read the way people write them by hand.
     */
    public String compact(String defaultKind) {
        StringBuilder out = new StringBuilder();
        if (defaultKind == null || !kind.equalsIgnoreCase(defaultKind)) {
            out.append(kind).append(':');
        }
        if (!DEFAULT_NAMESPACE.equals(namespace)) {
            out.append(namespace).append('/');
        }
        return out.append(name).toString();
    }
}
