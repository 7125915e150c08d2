package dev.tandem.checks;

/**
 * The object a finding is about: a Kubernetes object (and optionally one of its containers) or, for repository
 * checks, a file or the repository itself. As an {@link Exemption} target, a {@code null} field matches anything.
 *
 * @param kind      e.g. {@code Deployment}, {@code Dockerfile}, {@code Repository}
 * @param namespace the object's namespace as written, or {@code null} when it names none
 * @param name      the object's name
 * @param container the container's name, or {@code null} for the object as a whole
 */
public record ObjectRef(String kind, String namespace, String name, String container) {

    public static ObjectRef of(String kind, String namespace, String name) {
        return new ObjectRef(kind, namespace, name, null);
    }

    public ObjectRef withContainer(String container) {
        return new ObjectRef(kind, namespace, name, container);
    }

    /** True when this reference, read as a pattern whose {@code null} fields are wildcards, matches {@code other}. */
    public boolean matches(ObjectRef other) {
        return other != null
                && (kind == null || kind.equalsIgnoreCase(other.kind))
                && (namespace == null || namespace.equals(other.namespace))
                && (name == null || name.equals(other.name))
                && (container == null || container.equals(other.container));
    }

    /** {@code Deployment shop/web (container app)}. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(kind).append(' ');
        if (namespace != null) {
            s.append(namespace).append('/');
        }
        s.append(name);
        if (container != null) {
            s.append(" (container ").append(container).append(')');
        }
        return s.toString();
    }
}
