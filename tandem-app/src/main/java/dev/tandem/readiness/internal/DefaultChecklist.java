package dev.tandem.readiness.internal;

import dev.tandem.readiness.Checklists;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Installs the checklist Tandem ships (readiness/default-checklist.yaml) at start-up. When a release
 * changes it, the new content becomes a new version; reviews already started keep theirs.
 */
@Component
class DefaultChecklist {

    private final Checklists checklists;

    DefaultChecklist(Checklists checklists) {
        this.checklists = checklists;
    }

    @EventListener(ApplicationReadyEvent.class)
    void install() {
        checklists.installDefault(text());
    }

    static String text() {
        try {
            return new ClassPathResource("readiness/default-checklist.yaml").getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
