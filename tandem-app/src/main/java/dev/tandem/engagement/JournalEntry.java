package dev.tandem.engagement;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One dated entry in an engagement's journal: a note, a decision, a fix handed to a team member (the
 * SRE coaches, the team does the work; {@code assignee} and {@code done} track it), or a link.
 */
public record JournalEntry(long id, long engagementId, LocalDate date, Kind kind, String title, String body, String url,
                           String assignee, boolean done, String author, Instant createdAt, Instant updatedAt,
                           int version) {

    public enum Kind {
        NOTE("Note"), DECISION("Decision"), FIX("Fix handed over"), LINK("Link");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public static Kind parse(String text) {
            if (text != null) {
                for (Kind k : values()) {
                    if (k.name().equalsIgnoreCase(text.trim())) {
                        return k;
                    }
                }
            }
            return null;
        }
    }

    /** An entry as written in a form or sent to the API; {@code version} only when editing. */
    public record Draft(LocalDate date, String kind, String title, String body, String url, String assignee,
                        Boolean done, Integer version) {
    }
}
