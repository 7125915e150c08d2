package dev.tandem.engagement.web;

import dev.tandem.engagement.Charter;
import dev.tandem.engagement.CharterDraft;
import dev.tandem.engagement.ExitCriterion;

import java.util.List;
import java.util.Map;

/** The charter's text as a form; lists are one entry per line. The exit criteria are edited one by one. */
record CharterForm(String background, String goal, String customerValue, String commandersIntent, String inScope,
                   String outOfScope, String syncCadence, String feedbackCadence, String contacts, Integer holdDays,
                   Integer version) {

    static CharterForm of(Charter c) {
        if (c == null) {
            return new CharterForm("", "", "", "", "", "", Charter.DEFAULT_SYNC, Charter.DEFAULT_FEEDBACK, "",
                    Charter.DEFAULT_HOLD_DAYS, 0);
        }
        return new CharterForm(c.background(), c.goal(), c.customerValue(), c.commandersIntent(),
                String.join("\n", c.inScope()), String.join("\n", c.outOfScope()), c.syncCadence(), c.feedbackCadence(),
                String.join("\n", c.contacts()), c.holdDays(), c.version());
    }

    CharterDraft toDraft(List<Map<String, Object>> criteria) {
        return new CharterDraft(background, goal, customerValue, commandersIntent, lines(inScope), lines(outOfScope),
                syncCadence, feedbackCadence, lines(contacts), holdDays, criteria, version);
    }

    static List<Map<String, Object>> maps(Charter c) {
        return c == null ? List.of() : c.exitCriteria().stream().map(ExitCriterion::toMap).toList();
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : text.lines().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
