package dev.tandem.catalog.internal;

import dev.tandem.catalog.Link;
import dev.tandem.catalog.backstage.Descriptor;
import dev.tandem.catalog.backstage.DescriptorReader;
import dev.tandem.catalog.backstage.DescriptorWriter;
import dev.tandem.catalog.internal.CatalogState.ApiState;
import dev.tandem.catalog.internal.CatalogState.DomainState;
import dev.tandem.catalog.internal.CatalogState.Membership;
import dev.tandem.catalog.internal.CatalogState.Meta;
import dev.tandem.catalog.internal.CatalogState.PersonState;
import dev.tandem.catalog.internal.CatalogState.ResourceState;
import dev.tandem.catalog.internal.CatalogState.ServiceState;
import dev.tandem.catalog.internal.CatalogState.SystemState;
import dev.tandem.catalog.internal.CatalogState.TeamState;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The export/import round trip without a database: state → descriptors → YAML → descriptors → state
 * must give back an equal state, which is what makes "export, then re-import" a no-op.
 */
class StateDescriptorsTest {

    private static final CatalogState EMPTY = new CatalogState(Map.of(), Map.of(), Map.of(), Map.of(), Map.of(),
            Map.of(), Map.of(), Set.of());

    /** Exports the state to YAML and imports it into an empty catalog. */
    private static DescriptorMapping.Result roundTrip(CatalogState state) {
        String yaml = new DescriptorWriter().write(StateDescriptors.of(state));
        List<Descriptor> read = new DescriptorReader().read(yaml);
        return DescriptorMapping.map(read, EMPTY);
    }

    private static <T> Map<String, T> byName(Function<T, String> name, List<T> values) {
        return values.stream().collect(Collectors.toMap(name, v -> v, (a, b) -> a, LinkedHashMap::new));
    }

    private static Meta meta(String title) {
        return new Meta(title, Map.of(), Map.of(), List.of(), List.of(), Map.of());
    }

    private static ServiceState plainService(String name, String owner) {
        return new ServiceState(name, null, null, "service", owner, null, "B", "production", null, null, null,
                List.of(), List.of(), Meta.EMPTY, List.of(), List.of(), List.of(), List.of());
    }

    private static CatalogState fullState() {
        Map<String, TeamState> teams = byName(TeamState::name, List.of(
                new TeamState("engineering", "Engineering", "All of engineering.", "#eng", "eng@example.com",
                        "department", null, new Meta("Engineering department", Map.of("org", "tech"),
                        Map.of("example.com/cost-centre", "cc-1"), List.of("org"),
                        List.of(Map.of("url", "https://wiki.example.com/eng", "title", "Wiki", "icon", "docs",
                                "type", "wiki")), Map.of())),
                new TeamState("payments", "Payments", "Card payments.", "#team-payments", "payments@example.com",
                        "team", "engineering", meta("Payments Team")),
                new TeamState("platform", null, null, null, null, "team", "engineering", Meta.EMPTY),
                new TeamState("payments-ops", "Payments Ops", null, null, null, "sub-team", "payments", Meta.EMPTY)));
        Map<String, PersonState> people = byName(PersonState::name, List.of(
                new PersonState("alice", "Alice Martin", "alice@example.com", "SRE",
                        new Meta(null, Map.of(), Map.of("example.com/badge", "42"), List.of(), List.of(), Map.of())),
                new PersonState("bob", "Bob Nguyen", null, "ENGINEER", Meta.EMPTY),
                new PersonState("carol", null, null, "MANAGER", Meta.EMPTY)));
        Set<Membership> memberships = Set.of(new Membership("payments", "alice"), new Membership("platform", "alice"),
                new Membership("payments", "bob"), new Membership("engineering", "carol"));
        Map<String, DomainState> domains = Map.of("commerce",
                new DomainState("commerce", "Commerce", "Baskets into money.", "payments", meta("Commerce")));
        Map<String, SystemState> systems = Map.of("payments-platform", new SystemState("payments-platform",
                "Payments Platform", "Everything payments.", "payments", "commerce", meta("Payments Platform")));
        Map<String, ResourceState> resources = Map.of("ledger-db", new ResourceState("ledger-db", "Ledger DB",
                "PostgreSQL for the ledger.", "database", "platform", "payments-platform",
                new Meta("Ledger DB", Map.of(), Map.of(), List.of("postgres"), List.of(),
                        Map.of("dependsOn", "component:default/ledger"))));
        Map<String, ApiState> apis = Map.of("payments-api", new ApiState("payments-api", "Payments API", "Pay.",
                "openapi", "production", "payments", "payments-platform",
                "openapi: 3.0.3\ninfo:\n  title: Payments API\n  version: 1.0.0\n", meta("Payments API")));
        ServiceState checkout = new ServiceState("checkout", "Checkout", "Takes an order through payment <b>fast</b>.",
                "website", "payments", "payments-platform", "A", "experimental", 2,
                "https://git.example.com/payments/checkout", "https://wiki.example.com/runbooks/checkout",
                List.of("java", "tier-1"),
                List.of(new Link("https://grafana.example.com/d/checkout", "Dashboard", "dashboard"),
                        new Link("https://runbooks.example.com/checkout", "Old runbook", "runbook"),
                        new Link("https://docs.example.com/checkout", null, null)),
                new Meta("Checkout", Map.of("team-label", "payments"), Map.of("github.com/project-slug", "payments/checkout"),
                        List.of(), List.of(), Map.of("subcomponentOf", "component:default/shop")),
                List.of("ledger", "shop"), List.of("ledger-db"), List.of("payments-api"), List.of("payments-api"));
        Map<String, ServiceState> services = byName(ServiceState::name, List.of(checkout,
                plainService("ledger", "payments"), plainService("shop", "platform")));
        return new CatalogState(teams, people, domains, systems, resources, apis, services, memberships);
    }

    @Test
    void aFullCatalogSurvivesExportAndImport() {
        CatalogState state = fullState();

        DescriptorMapping.Result result = roundTrip(state);

        assertThat(result.problems()).isEmpty();
        assertThat(result.skipped()).isEmpty();
        CatalogState back = result.desired();
        // compared part by part first, so that a failure says which part differs
        assertThat(back.teams()).isEqualTo(state.teams());
        assertThat(back.people()).isEqualTo(state.people());
        assertThat(back.memberships()).isEqualTo(state.memberships());
        assertThat(back.domains()).isEqualTo(state.domains());
        assertThat(back.systems()).isEqualTo(state.systems());
        assertThat(back.resources()).isEqualTo(state.resources());
        assertThat(back.apis()).isEqualTo(state.apis());
        assertThat(back.services()).isEqualTo(state.services());
        assertThat(back).isEqualTo(state);
    }

    @Test
    void theTeamHierarchyIsWrittenAsParentAndChildren() {
        String yaml = new DescriptorWriter().write(StateDescriptors.of(fullState()));

        CatalogState back = roundTrip(fullState()).desired();
        assertThat(back.teams().get("payments-ops").parent()).isEqualTo("payments");
        assertThat(back.teams().get("payments").parent()).isEqualTo("engineering");
        assertThat(back.teams().get("engineering").parent()).isNull();
        assertThat(yaml).contains("parent: engineering").contains("parent: payments");
    }

    @Test
    void aPersonInTwoTeamsKeepsBothMemberships() {
        CatalogState back = roundTrip(fullState()).desired();

        assertThat(back.memberships()).filteredOn(m -> m.person().equals("alice"))
                .extracting(Membership::team).containsExactlyInAnyOrder("payments", "platform");
        assertThat(back.people().get("alice").role()).isEqualTo("SRE");
        assertThat(back.people().get("carol").role()).isEqualTo("MANAGER");
    }

    @Test
    void aServiceWithEveryFieldSetComesBackEqual() {
        ServiceState before = fullState().services().get("checkout");

        ServiceState after = roundTrip(fullState()).desired().services().get("checkout");

        assertThat(after).isEqualTo(before);
        assertThat(after.tier()).isEqualTo(2);
        assertThat(after.level()).isEqualTo("A");
        assertThat(after.runbookUrl()).isEqualTo("https://wiki.example.com/runbooks/checkout");
        assertThat(after.repositoryUrl()).isEqualTo("https://git.example.com/payments/checkout");
    }

    @Test
    void aRunbookThatIsAlsoTheRunbookLinkComesBackEqual() {
        ServiceState s = new ServiceState("search", "Search", null, "service", "payments", null, "C", "production", 4,
                null, "https://runbooks.example.com/search", List.of(),
                List.of(new Link("https://runbooks.example.com/search", "Runbook", "runbook")),
                meta("Search"), List.of(), List.of(), List.of(), List.of());
        CatalogState state = new CatalogState(Map.of("payments", new TeamState("payments", null, null, null, null,
                "team", null, Meta.EMPTY)), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of("search", s), Set.of());

        DescriptorMapping.Result result = roundTrip(state);

        assertThat(result.problems()).isEmpty();
        assertThat(result.desired()).isEqualTo(state);
    }

    @Test
    void aServiceWithARunbookLinkButNoRunbookComesBackEqual() {
        ServiceState s = new ServiceState("search", null, null, "service", "payments", null, "B", "production", null,
                null, null, List.of(), List.of(new Link("https://runbooks.example.com/search", "Runbook", "runbook")),
                Meta.EMPTY, List.of(), List.of(), List.of(), List.of());
        CatalogState state = new CatalogState(Map.of("payments", new TeamState("payments", null, null, null, null,
                "team", null, Meta.EMPTY)), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of("search", s), Set.of());

        DescriptorMapping.Result result = roundTrip(state);

        assertThat(result.problems()).isEmpty();
        assertThat(result.desired().services().get("search")).isEqualTo(s);
    }

    @Test
    void aRunbookThatIsTheSecondRunbookLinkComesBackEqual() {
        ServiceState s = new ServiceState("search", null, null, "service", "payments", null, "B", "production", null,
                null, "https://runbooks.example.com/search-v2", List.of(),
                List.of(new Link("https://runbooks.example.com/search-v1", "Old", "runbook"),
                        new Link("https://runbooks.example.com/search-v2", "New", "runbook")),
                Meta.EMPTY, List.of(), List.of(), List.of(), List.of());
        CatalogState state = new CatalogState(Map.of("payments", new TeamState("payments", null, null, null, null,
                "team", null, Meta.EMPTY)), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of("search", s), Set.of());

        DescriptorMapping.Result result = roundTrip(state);

        assertThat(result.problems()).isEmpty();
        assertThat(result.desired().services().get("search")).isEqualTo(s);
    }
}
