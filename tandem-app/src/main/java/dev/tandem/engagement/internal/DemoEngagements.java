package dev.tandem.engagement.internal;

import dev.tandem.catalog.DemoCatalog;
import dev.tandem.engagement.CharterDraft;
import dev.tandem.engagement.Charters;
import dev.tandem.engagement.Engagement;
import dev.tandem.engagement.EngagementState;
import dev.tandem.engagement.Engagements;
import dev.tandem.engagement.Journal;
import dev.tandem.engagement.JournalEntry;
import dev.tandem.engagement.Plan;
import dev.tandem.engagement.Proposal;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * The demo's engagements: one running with the payments team (charter, criteria, journal), and two
 * proposals waiting in the queue, so that a newcomer sees the program's pages with something in them.
 * Written through the ordinary components, in the demo's own transaction.
 */
@Component
class DemoEngagements {

    private final Engagements engagements;
    private final Charters charters;
    private final Journal journal;

    DemoEngagements(Engagements engagements, Charters charters, Journal journal) {
        this.engagements = engagements;
        this.charters = charters;
        this.journal = journal;
    }

    @EventListener
    void onDemo(DemoCatalog.Loaded loaded) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Engagement payments = engagements.propose(new Proposal("payments", "Payments: from pager fatigue to SLOs",
                List.of("checkout", "payments-gateway", "ledger"),
                "Nine incidents last quarter, most of them at night; alerts page on causes rather than symptoms.",
                9, 2, 45, null, "Fewer pages, an SLO for checkout, and postmortems the team runs itself.",
                5, 5, "occasional", 2, null));
        payments = engagements.plan(payments.id(), new Plan(today.minusWeeks(3), today.plusWeeks(9),
                List.of(new Plan.Assignment("ayumi.tanaka", 50)), payments.version()));
        charters.save(payments.id(), new CharterDraft(
                "Checkout and the payment gateway page the team several times a week; most pages need no action.",
                "Page only for what users feel, and run incidents and postmortems without SRE help.",
                "Payments that go through, and a team rested enough to build what customers ask for.",
                "When in doubt, protect the checkout path and the team's sleep.",
                List.of("alerting on checkout and payments-gateway", "an SLO and error budget for checkout", "postmortem practice"),
                List.of("the ledger's database migration"), null, null, List.of("chen.wei", "priya.nair"), 14,
                List.of(Map.of("kind", "review-approved", "service", "checkout", "level", "A"),
                        Map.of("kind", "maturity-score", "area", "incident-response", "score", 4),
                        Map.of("kind", "manual", "key", "postmortems", "title", "The team runs its own postmortems")),
                0));
        payments = engagements.accept(payments.id(), "Low risk and a motivated team; the first engagement of the program.",
                payments.version());
        engagements.move(payments.id(), EngagementState.LEARNING, "Kick-off held; shadowing the on-call.", payments.version());
        journal.add(payments.id(), new JournalEntry.Draft(today.minusWeeks(2), "DECISION", "Alert on symptoms, not causes",
                "Pages only for user-facing symptoms; causes become tickets.", null, null, false, null));
        journal.add(payments.id(), new JournalEntry.Draft(today.minusWeeks(1), "FIX", "Replace the disk-usage pages with a ticket",
                null, null, "priya.nair", false, null));

        engagements.propose(new Proposal("identity", "Identity: ready for the login launch", List.of("auth-gateway", "accounts"),
                "A new login flow launches soon; no SLOs yet and the on-call runbook is out of date.",
                3, 0, 20, LocalDate.now(ZoneOffset.UTC).plusDays(60), "Launch without drama.", 4, 4, "established", 2, null));
        engagements.propose(new Proposal("storefront", "Storefront: search latency", List.of("search", "web-frontend"),
                "Search latency spikes every evening; two SLO misses.", 4, 2, 30, null,
                "Understand the spikes.", 2, 3, "none", 4, null));
    }
}
