package dev.tandem.catalog.backstage;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The kinds Tandem understands, with the spelling Backstage uses when it writes them. */
enum EntityKind {
    COMPONENT("Component"),
    API("API"),
    RESOURCE("Resource"),
    SYSTEM("System"),
    DOMAIN("Domain"),
    GROUP("Group"),
    USER("User"),
    LOCATION("Location");

    static final String SUPPORTED = Arrays.stream(values()).map(k -> k.canonical).collect(Collectors.joining(", "));

    final String canonical;

    EntityKind(String canonical) {
        this.canonical = canonical;
    }

    /** Case-insensitive because hand-written files often say {@code component} or {@code Api}. */
    static Optional<EntityKind> of(String text) {
        return Arrays.stream(values()).filter(k -> k.canonical.equalsIgnoreCase(text)).findFirst();
    }
}
