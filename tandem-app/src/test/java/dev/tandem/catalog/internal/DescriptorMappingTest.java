package dev.tandem.catalog.internal;

import dev.tandem.catalog.ImportOutcome;
import dev.tandem.catalog.Link;
import dev.tandem.catalog.backstage.ComponentDescriptor;
import dev.tandem.catalog.backstage.Descriptor;
import dev.tandem.catalog.backstage.DescriptorReader;
import dev.tandem.catalog.backstage.EntityRef;
import dev.tandem.catalog.backstage.Metadata;
import dev.tandem.catalog.internal.CatalogState.Membership;
import dev.tandem.catalog.internal.CatalogState.Meta;
import dev.tandem.catalog.internal.CatalogState.ServiceState;
import dev.tandem.catalog.internal.CatalogState.TeamState;
import dev.tandem.shared.DocumentProblem;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The cross-document checks and the mapping of descriptors to catalog state, without Spring or a database. */
class DescriptorMappingTest {

    private static final CatalogState EMPTY = new CatalogState(Map.of(), Map.of(), Map.of(), Map.of(), Map.of(),
            Map.of(), Map.of(), Set.of());

    private static DescriptorMapping.Result map(String yaml) {
        return map(yaml, EMPTY);
    }

    private static DescriptorMapping.Result map(String yaml, CatalogState stored) {
        return DescriptorMapping.map(new DescriptorReader().read(yaml), stored);
    }

    private static String group(String name, String extraSpec) {
        return doc("Group", name, "", "type: team\nchildren: []\n" + extraSpec);
    }

    private static String component(String name, String metadata, String extraSpec) {
        return doc("Component", name, metadata, "type: service\nlifecycle: production\n" + extraSpec);
    }

    /** One document; {@code metadata} and {@code spec} are YAML blocks without indentation. */
    private static String doc(String kind, String name, String metadata, String spec) {
        return "---\napiVersion: backstage.io/v1alpha1\nkind: " + kind + "\nmetadata:\n  name: " + name + "\n"
                + indent(metadata) + "spec:\n" + indent(spec);
    }

    private static String indent(String block) {
        return block.lines().map(l -> "  " + l + "\n").reduce("", String::concat);
    }

    private static ServiceState service(DescriptorMapping.Result result, String name) {
        assertThat(result.problems()).isEmpty();
        assertThat(result.desired().services()).containsKey(name);
        return result.desired().services().get(name);
    }

    // --- problems -------------------------------------------------------------------------------------

    @Test
    void aDuplicateEntityIsReportedOnTheSecondDocument() {
        DescriptorMapping.Result result = map(group("payments", "") + group("platform", "") + group("payments", ""));

        assertThat(result.problems()).hasSize(1);
        DocumentProblem p = result.problems().get(0);
        assertThat(p.index()).isEqualTo(2);
        assertThat(p.kind()).isEqualTo("Group");
        assertThat(p.name()).isEqualTo("payments");
        assertThat(p.path()).isEqualTo("metadata.name");
        assertThat(p.message()).contains("already defined in document 1 (line ");
    }

    @Test
    void theSameNameOfDifferentKindsIsNoDuplicate() {
        DescriptorMapping.Result result = map(group("checkout", "") + component("checkout", "", "owner: checkout\n"));

        assertThat(result.problems()).isEmpty();
        assertThat(result.desired().teams()).containsKey("checkout");
        assertThat(result.desired().services()).containsKey("checkout");
    }

    @Test
    void anUnresolvedReferenceNamesTheFieldAndTheMissingEntity() {
        DescriptorMapping.Result result = map(group("payments", "")
                + component("checkout", "", "owner: ghosts\nsystem: nowhere\ndependsOn:\n  - ledger\n"));

        assertThat(result.problems())
                .extracting(DocumentProblem::index, DocumentProblem::path)
                .containsExactlyInAnyOrder(tuple(1, "spec.owner"), tuple(1, "spec.system"), tuple(1, "spec.dependsOn[0]"));
        assertThat(result.problems()).filteredOn(p -> p.path().equals("spec.owner")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("group 'ghosts'").contains("neither in this file nor in the catalog"));
        assertThat(result.problems()).filteredOn(p -> p.path().equals("spec.dependsOn[0]")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("component 'ledger'"));
    }

    @Test
    void referencesResolveAgainstTheStoredCatalog() {
        TeamState storedTeam = new TeamState("stored-team", null, null, null, null, "team", null, Meta.EMPTY);
        CatalogState stored = new CatalogState(Map.of("stored-team", storedTeam), Map.of(), Map.of(), Map.of(),
                Map.of(), Map.of(), Map.of(), Set.of());

        DescriptorMapping.Result result = map(component("checkout", "", "owner: stored-team\n"), stored);

        assertThat(result.problems()).isEmpty();
        assertThat(result.desired().services().get("checkout").owner()).isEqualTo("stored-team");
        // and the same file against an empty catalog is refused
        assertThat(map(component("checkout", "", "owner: stored-team\n")).problems())
                .extracting(DocumentProblem::path).containsExactly("spec.owner");
    }

    @Test
    void theOwnerMustBeAGroupNotAUser() {
        String alice = doc("User", "alice", "", "memberOf: []\n");
        DescriptorMapping.Result result = map(alice + component("checkout", "", "owner: user:alice\n"));

        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.index()).isEqualTo(1);
            assertThat(p.path()).isEqualTo("spec.owner");
            assertThat(p.message()).contains("must be a group").contains("user:alice");
        });
        assertThat(result.desired().services().get("checkout").owner()).isNull();
    }

    @Test
    void referencesIntoAnotherNamespaceAreRefused() {
        DescriptorMapping.Result result = map(group("payments", "")
                + component("checkout", "", "owner: payments\nsystem: shop/checkout-system\n"));

        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("spec.system");
            assertThat(p.message()).contains("only the default namespace");
        });
    }

    @Test
    void entitiesInAnotherNamespaceAreRefused() {
        DescriptorMapping.Result result = map(doc("Group", "payments", "namespace: finance\n", "type: team\nchildren: []\n"));

        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.index()).isZero();
            assertThat(p.path()).isEqualTo("metadata.namespace");
            assertThat(p.message()).contains("'finance'");
        });
    }

    @Test
    void anUnknownReadinessLevelIsRefused() {
        DescriptorMapping.Result result = map(group("payments", "")
                + component("checkout", "annotations:\n  tandem.dev/readiness-level: D\n", "owner: payments\n"));

        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("metadata.annotations.tandem.dev/readiness-level");
            assertThat(p.message()).contains("A, B or C").contains("'D'");
        });
    }

    @Test
    void aTierOutsideOneToFourOrNotANumberIsRefused() {
        for (String tier : List.of("0", "5", "high")) {
            DescriptorMapping.Result result = map(group("payments", "")
                    + component("checkout", "annotations:\n  tandem.dev/tier: '" + tier + "'\n", "owner: payments\n"));

            assertThat(result.problems()).as("tier %s", tier).singleElement().satisfies(p -> {
                assertThat(p.path()).isEqualTo("metadata.annotations.tandem.dev/tier");
                assertThat(p.message()).contains("'" + tier + "'");
            });
        }
    }

    @Test
    void aComponentCannotDependOnItself() {
        DescriptorMapping.Result result = map(group("payments", "")
                + component("checkout", "", "owner: payments\ndependsOn:\n  - component:checkout\n"));

        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("spec.dependsOn[0]");
            assertThat(p.message()).contains("cannot depend on itself");
        });
    }

    @Test
    void dependsOnMayNotNameAnApi() {
        // the reader already refuses this in a file, so the descriptor is built in code, as an export would
        String api = doc("API", "payments-api", "", "type: openapi\nlifecycle: production\nowner: payments\ndefinition: x\n");
        List<Descriptor> descriptors = new ArrayList<>(new DescriptorReader().read(group("payments", "") + api));
        descriptors.add(new ComponentDescriptor(2, 0, Metadata.of("checkout"), "service", "production",
                EntityRef.parse("payments", "group"), null, null, List.of(EntityRef.parse("api:payments-api", null)),
                List.of(), List.of()));
        DescriptorMapping.Result result = DescriptorMapping.map(descriptors, EMPTY);

        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.index()).isEqualTo(2);
            assertThat(p.path()).isEqualTo("spec.dependsOn[0]");
            assertThat(p.message()).contains("components and resources only").contains("api:payments-api");
        });
        assertThat(result.desired().services().get("checkout").dependsOn()).isEmpty();
    }

    @Test
    void everyProblemOfTheFileIsCollected() {
        DescriptorMapping.Result result = map(group("payments", "")
                + component("checkout", "annotations:\n  tandem.dev/tier: '9'\n", "owner: nobody\n")
                + component("ledger", "annotations:\n  tandem.dev/readiness-level: Z\n", "owner: payments\n"));

        assertThat(result.problems()).extracting(DocumentProblem::index, DocumentProblem::path).containsExactlyInAnyOrder(
                tuple(1, "metadata.annotations.tandem.dev/tier"), tuple(1, "spec.owner"),
                tuple(2, "metadata.annotations.tandem.dev/readiness-level"));
    }

    // --- mapped state ---------------------------------------------------------------------------------

    @Test
    void theReadinessLevelDefaultsToBAndTheTierToNone() {
        ServiceState s = service(map(group("payments", "") + component("checkout", "", "owner: payments\n")), "checkout");

        assertThat(s.level()).isEqualTo("B");
        assertThat(s.tier()).isNull();
        assertThat(s.repositoryUrl()).isNull();
        assertThat(s.runbookUrl()).isNull();
    }

    @Test
    void annotationsBecomeServiceFieldsAndLeaveTheKeptMetadata() {
        String metadata = """
                title: Checkout
                description: Takes orders.
                labels:
                  cost-centre: cc-7
                annotations:
                  tandem.dev/readiness-level: a
                  tandem.dev/tier: ' 2 '
                  backstage.io/source-location: url:https://git.example.com/shop/checkout
                  github.com/project-slug: shop/checkout
                tags: [java, http]
                links:
                  - url: https://grafana.example.com/d/checkout
                    title: Dashboard
                    type: dashboard
                  - url: https://runbooks.example.com/checkout
                    title: Runbook
                    type: runbook
                """;
        ServiceState s = service(map(group("payments", "") + component("checkout", metadata, "owner: payments\n")), "checkout");

        assertThat(s.title()).isEqualTo("Checkout");
        assertThat(s.description()).isEqualTo("Takes orders.");
        assertThat(s.type()).isEqualTo("service");
        assertThat(s.lifecycle()).isEqualTo("production");
        assertThat(s.level()).isEqualTo("A");
        assertThat(s.tier()).isEqualTo(2);
        assertThat(s.repositoryUrl()).isEqualTo("https://git.example.com/shop/checkout");
        assertThat(s.runbookUrl()).isEqualTo("https://runbooks.example.com/checkout");
        assertThat(s.tags()).containsExactly("java", "http");
        assertThat(s.links()).containsExactly(
                new Link("https://grafana.example.com/d/checkout", "Dashboard", "dashboard"),
                new Link("https://runbooks.example.com/checkout", "Runbook", "runbook"));
        assertThat(s.meta().annotations()).containsExactly(Map.entry("github.com/project-slug", "shop/checkout"));
        assertThat(s.meta().labels()).containsExactly(Map.entry("cost-centre", "cc-7"));
    }

    @Test
    void aSourceLocationWithoutPrefixIsTakenAsIsAndTheRunbookAnnotationWinsOverALink() {
        String metadata = """
                annotations:
                  backstage.io/source-location: https://git.example.com/shop/checkout
                  tandem.dev/runbook-url: https://wiki.example.com/runbooks/checkout
                links:
                  - url: https://runbooks.example.com/old
                    type: runbook
                """;
        ServiceState s = service(map(group("payments", "") + component("checkout", metadata, "owner: payments\n")), "checkout");

        assertThat(s.repositoryUrl()).isEqualTo("https://git.example.com/shop/checkout");
        assertThat(s.runbookUrl()).isEqualTo("https://wiki.example.com/runbooks/checkout");
    }

    @Test
    void anEmptyRunbookAnnotationMeansNoRunbookEvenWithARunbookLink() {
        String metadata = """
                annotations:
                  tandem.dev/runbook-url: ''
                links:
                  - url: https://runbooks.example.com/checkout
                    type: runbook
                """;
        ServiceState s = service(map(group("payments", "") + component("checkout", metadata, "owner: payments\n")), "checkout");

        assertThat(s.runbookUrl()).isNull();
        assertThat(s.links()).extracting(Link::url).containsExactly("https://runbooks.example.com/checkout");
    }

    @Test
    void dependenciesAreSplitIntoServicesAndResourcesAndSorted() {
        String resource = doc("Resource", "ledger-db", "", "type: database\nowner: payments\n");
        String api = doc("API", "payments-api", "", "type: openapi\nlifecycle: production\nowner: payments\ndefinition: x\n");
        DescriptorMapping.Result result = map(group("payments", "") + resource + api
                + component("zeta", "", "owner: payments\n")
                + component("alpha", "", "owner: payments\n")
                + component("checkout", "", """
                        owner: group:payments
                        dependsOn:
                          - zeta
                          - resource:ledger-db
                          - component:alpha
                        providesApis:
                          - payments-api
                        consumesApis:
                          - api:payments-api
                        """));
        ServiceState s = service(result, "checkout");

        assertThat(s.owner()).isEqualTo("payments");
        assertThat(s.dependsOn()).containsExactly("alpha", "zeta");
        assertThat(s.resources()).containsExactly("ledger-db");
        assertThat(s.providesApis()).containsExactly("payments-api");
        assertThat(s.consumesApis()).containsExactly("payments-api");
    }

    @Test
    void membershipsComeFromMemberOfAndFromGroupMembers() {
        String yaml = group("payments", "members:\n  - bob\n") + group("platform", "")
                + doc("User", "alice", "annotations:\n  tandem.dev/role: sre\n", "memberOf:\n  - payments\n  - group:platform\n")
                + doc("User", "bob", "", "profile:\n  displayName: Bob N\n  email: bob@example.com\nmemberOf: []\n");
        DescriptorMapping.Result result = map(yaml);

        assertThat(result.problems()).isEmpty();
        assertThat(result.desired().memberships()).containsExactlyInAnyOrder(
                new Membership("payments", "alice"), new Membership("platform", "alice"), new Membership("payments", "bob"));
        assertThat(result.peopleInFile()).containsExactlyInAnyOrder("alice", "bob");
        assertThat(result.desired().people().get("alice").role()).isEqualTo("SRE");
        assertThat(result.desired().people().get("alice").meta().annotations()).isEmpty();
        assertThat(result.desired().people().get("bob").role()).isEqualTo("ENGINEER");
        assertThat(result.desired().people().get("bob").displayName()).isEqualTo("Bob N");
        assertThat(result.desired().people().get("bob").email()).isEqualTo("bob@example.com");
    }

    @Test
    void anUnknownPersonRoleIsRefused() {
        DescriptorMapping.Result result = map(doc("User", "alice", "annotations:\n  tandem.dev/role: wizard\n", "memberOf: []\n"));

        assertThat(result.problems()).singleElement()
                .satisfies(p -> assertThat(p.path()).isEqualTo("metadata.annotations.tandem.dev/role"));
    }

    @Test
    void groupChildrenSetTheParentOfEachChild() {
        String yaml = doc("Group", "engineering", "annotations:\n  tandem.dev/chat-channel: '#eng'\n",
                "type: department\nprofile:\n  displayName: Engineering\nchildren:\n  - payments\n  - group:platform\n")
                + group("payments", "") + group("platform", "");
        DescriptorMapping.Result result = map(yaml);

        assertThat(result.problems()).isEmpty();
        Map<String, TeamState> teams = result.desired().teams();
        assertThat(teams.get("payments").parent()).isEqualTo("engineering");
        assertThat(teams.get("platform").parent()).isEqualTo("engineering");
        assertThat(teams.get("engineering").parent()).isNull();
        assertThat(teams.get("engineering").type()).isEqualTo("department");
        assertThat(teams.get("engineering").displayName()).isEqualTo("Engineering");
        assertThat(teams.get("engineering").chatChannel()).isEqualTo("#eng");
        assertThat(teams.get("engineering").meta().annotations()).doesNotContainKey(Annotations.CHAT_CHANNEL);
    }

    @Test
    void aChildWhoseParentSaysOtherwiseIsRefused() {
        String yaml = doc("Group", "engineering", "", "type: department\nchildren:\n  - payments\n")
                + group("sales", "") + group("payments", "parent: sales\n");
        DescriptorMapping.Result result = map(yaml);

        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("payments");
            assertThat(p.path()).isEqualTo("spec.parent");
        });
    }

    @Test
    void locationsAreSkippedWithANote() {
        String location = doc("Location", "more", "", "type: url\ntargets:\n  - https://example.com/catalog-info.yaml\n");
        DescriptorMapping.Result result = map(group("payments", "") + location);

        assertThat(result.problems()).isEmpty();
        assertThat(result.skipped()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo("Location");
            assertThat(e.name()).isEqualTo("more");
            assertThat(e.outcome()).isEqualTo(ImportOutcome.SKIPPED);
            assertThat(e.note()).isNotBlank();
        });
        assertThat(result.desired().teams()).containsOnlyKeys("payments");
    }
}
