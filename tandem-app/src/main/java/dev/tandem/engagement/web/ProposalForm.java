package dev.tandem.engagement.web;

import dev.tandem.engagement.Engagement;
import dev.tandem.engagement.Proposal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

/** The proposal form; services are typed one per line or separated by commas. */
record ProposalForm(String team, String title, String services, String pain, Integer incidents, Integer sloMisses,
                    Integer toilPercent, String upcomingLaunch, String hopes, Integer willingness, Integer motivation,
                    String relationship, Integer risk, Integer version) {

    static ProposalForm blank(String team) {
        return new ProposalForm(team, "", "", "", 0, 0, 0, "", "", 3, 3, "none", 3, null);
    }

    static ProposalForm of(Engagement e) {
        Engagement.Intake in = e.intake();
        return new ProposalForm(e.team(), e.title(), String.join("\n", e.services()), in.pain(), in.incidents(),
                in.sloMisses(), in.toilPercent(), in.upcomingLaunch() == null ? "" : in.upcomingLaunch().toString(),
                in.hopes(), in.willingness(), in.motivation(), in.relationship().slug(), in.risk(), e.version());
    }

    static List<String> lines(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("[,\\n]")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** The launch date, or null; an unreadable date is reported by the caller as a field problem. */
    LocalDate launch() {
        return upcomingLaunch == null || upcomingLaunch.isBlank() ? null : LocalDate.parse(upcomingLaunch.trim());
    }

    boolean launchReadable() {
        try {
            launch();
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    Proposal toProposal() {
        return new Proposal(team, title, lines(services), pain, incidents, sloMisses, toilPercent,
                launchReadable() ? launch() : null, hopes, willingness, motivation, relationship, risk, version);
    }
}
