package dev.tandem.catalog.internal;

/** The annotations through which Backstage descriptors carry Tandem's own fields. */
public final class Annotations {

    public static final String READINESS_LEVEL = "tandem.dev/readiness-level";
    public static final String TIER = "tandem.dev/tier";
    public static final String RUNBOOK_URL = "tandem.dev/runbook-url";
    public static final String CHAT_CHANNEL = "tandem.dev/chat-channel";
    public static final String ROLE = "tandem.dev/role";
    /** Backstage's own: where the source lives, as {@code url:https://…}. */
    public static final String SOURCE_LOCATION = "backstage.io/source-location";

    private Annotations() {
    }
}
