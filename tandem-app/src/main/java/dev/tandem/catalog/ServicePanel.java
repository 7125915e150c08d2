package dev.tandem.catalog;

import java.util.List;
import java.util.Objects;

/**
 * A compact section of a service's page that another module fills ({@link ServicePanels}): a title, a link
 * to the module's full page about the service, one row per item, and what to say when there is none. All
 * texts are plain text; the page escapes them. Links are paths inside the application ({@code /slos/x}).
 *
 * @param title     the section heading, also the table's caption
 * @param link      the full page the panel summarises, shown as "All …" next to the heading
 * @param columns   the column headers after the first (the item's label): one per {@link Row#values()} entry
 * @param rows      the items, in the order shown
 * @param emptyText said when there are no rows
 * @param emptyLink where to go from the empty state (to create the first item), or null
 * @param emptyLinkText the text of that link, or null
 */
public record ServicePanel(String title, String link, List<String> columns, List<Row> rows, String emptyText,
                           String emptyLink, String emptyLinkText) {

    public ServicePanel {
        Objects.requireNonNull(title, "title");
        requirePath(link, "link");
        if (emptyLink != null) {
            requirePath(emptyLink, "emptyLink");
        }
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        Objects.requireNonNull(emptyText, "emptyText");
        for (Row row : rows) {
            if (row.values().size() != columns.size()) {
                throw new IllegalArgumentException("panel '" + title + "': row '" + row.label() + "' has "
                        + row.values().size() + " values for " + columns.size() + " columns");
            }
        }
    }

    /** The words a row's status may take; the page styles the row by it. */
    public enum Status {
        OK, WARN, BAD, NONE;

        /** The CSS-friendly lower-case word ("ok", "warn", "bad", "none"). */
        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One item: its label (linked to its own page when {@code link} is not null), the texts of the further
     * columns, and a status with the word shown for it (such as "healthy" or "exhausted"; may be blank).
     */
    public record Row(String label, String link, List<String> values, Status status, String statusText) {

        public Row {
            Objects.requireNonNull(label, "label");
            values = List.copyOf(values);
            status = status == null ? Status.NONE : status;
            statusText = statusText == null ? "" : statusText;
            if (link != null) {
                requirePath(link, "row link");
            }
        }
    }

    /** Panels link inside the application only: a path from its root, never another host or a script. */
    private static void requirePath(String link, String what) {
        if (link == null || !link.startsWith("/") || link.startsWith("//")) {
            throw new IllegalArgumentException(what + " must be a path inside the application (\"/…\"), not: " + link);
        }
    }
}
