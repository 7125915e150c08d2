package dev.tandem.engagement.internal;

import dev.tandem.engagement.Charter;
import dev.tandem.engagement.Engagement;
import dev.tandem.engagement.ExitCriterion;
import dev.tandem.engagement.JournalEntry;
import dev.tandem.engagement.Transition;

import java.time.ZoneOffset;
import java.util.List;

/**
 * The first draft of an after-action report, in Markdown: what was agreed (the charter), what happened
 * (phases, decisions, fixes handed over), what the signals say (contributed sections), and headings for
 * what only the people involved can write.
 */
public final class ReportDraft {

    private ReportDraft() {
    }

    public static String markdown(Engagement e, Charter charter, List<JournalEntry> journal, List<Transition> transitions,
                                  List<String> contributed) {
        StringBuilder md = new StringBuilder();
        md.append("# After-action report: ").append(line(e.title())).append("\n\n");
        md.append("- Team: ").append(e.team()).append('\n');
        md.append("- Embedded SREs: ").append(e.sres().isEmpty() ? "none recorded"
                : String.join(", ", e.sres().stream().map(s -> s.person() + " (" + s.sharePercent() + " %)").toList())).append('\n');
        md.append("- Services in scope: ").append(e.services().isEmpty() ? "none" : String.join(", ", e.services())).append('\n');
        md.append("- Planned: ").append(e.plannedStart() == null ? "?" : e.plannedStart()).append(" to ")
                .append(e.plannedEnd() == null ? "?" : e.plannedEnd()).append('\n');
        if (e.startedAt() != null) {
            md.append("- Started: ").append(e.startedAt().atZone(ZoneOffset.UTC).toLocalDate()).append('\n');
        }
        md.append('\n');

        md.append("## What we set out to do\n\n");
        if (charter == null) {
            md.append("No charter was written.\n\n");
        } else {
            para(md, "Background", charter.background());
            para(md, "Goal", charter.goal());
            para(md, "Value for customers", charter.customerValue());
            para(md, "Commander's intent", charter.commandersIntent());
            list(md, "In scope", charter.inScope());
            list(md, "Out of scope", charter.outOfScope());
            md.append("**Exit criteria (charter version ").append(charter.version()).append(")**\n\n");
            if (charter.exitCriteria().isEmpty()) {
                md.append("None.\n\n");
            } else {
                for (ExitCriterion c : charter.exitCriteria()) {
                    md.append("- ").append(line(c.describe())).append('\n');
                }
                md.append('\n');
            }
        }

        md.append("## How it went\n\n");
        for (Transition t : transitions) {
            md.append("- ").append(t.at().atZone(ZoneOffset.UTC).toLocalDate()).append(": ").append(t.to().label())
                    .append(" (").append(t.actor()).append(')')
                    .append(t.reason() == null || t.reason().isBlank() ? "" : ": " + line(t.reason())).append('\n');
        }
        md.append('\n');
        // The journal comes newest first; the report tells the story in order.
        List<JournalEntry> oldestFirst = new java.util.ArrayList<>(journal);
        java.util.Collections.reverse(oldestFirst);
        List<JournalEntry> decisions = oldestFirst.stream().filter(j -> j.kind() == JournalEntry.Kind.DECISION).toList();
        List<JournalEntry> fixes = oldestFirst.stream().filter(j -> j.kind() == JournalEntry.Kind.FIX).toList();
        if (!decisions.isEmpty()) {
            md.append("**Decisions**\n\n");
            decisions.forEach(d -> md.append("- ").append(d.date()).append(": ").append(line(d.title())).append('\n'));
            md.append('\n');
        }
        if (!fixes.isEmpty()) {
            long done = fixes.stream().filter(JournalEntry::done).count();
            md.append("**Fixes handed to the team** (").append(done).append(" of ").append(fixes.size()).append(" done)\n\n");
            fixes.forEach(f -> md.append("- [").append(f.done() ? 'x' : ' ').append("] ").append(line(f.title()))
                    .append(" (").append(f.assignee()).append(")\n"));
            md.append('\n');
        }
        long notes = journal.stream().filter(j -> j.kind() == JournalEntry.Kind.NOTE).count();
        md.append("The journal holds ").append(journal.size()).append(" entries (").append(notes).append(" notes).\n\n");

        for (String section : contributed) {
            md.append(section.strip()).append("\n\n");
        }

        md.append("## What went well\n\n_To be written._\n\n");
        md.append("## What we would do differently\n\n_To be written._\n\n");
        md.append("## What the team keeps doing after we leave\n\n_To be written._\n");
        return md.toString();
    }

    private static void para(StringBuilder md, String heading, String text) {
        if (text != null && !text.isBlank()) {
            md.append("**").append(heading).append("**: ").append(text.strip()).append("\n\n");
        }
    }

    private static void list(StringBuilder md, String heading, List<String> items) {
        if (!items.isEmpty()) {
            md.append("**").append(heading).append("**\n\n");
            items.forEach(i -> md.append("- ").append(line(i)).append('\n'));
            md.append('\n');
        }
    }

    /** One line: a title with a line break would break the list it is in. */
    private static String line(String s) {
        return s == null ? "" : s.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
