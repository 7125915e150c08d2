package dev.tandem.catalog.backstage;

import static dev.tandem.catalog.backstage.Yamls.component;
import static dev.tandem.catalog.backstage.Yamls.document;
import static dev.tandem.catalog.backstage.Yamls.problems;
import static dev.tandem.catalog.backstage.Yamls.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DescriptorReaderTest {

    @Test
    void readsAComponentWithEveryField() {
        List<Descriptor> read = read("""
                apiVersion: backstage.io/v1alpha1
                kind: Component
                metadata:
                  name: checkout
                  namespace: shop
                  title: Checkout
                  description: Takes orders.
                  labels: {tier: 1}
                  annotations:
                    backstage.io/techdocs-ref: dir:.
                spec:
                  type: service
                  lifecycle: production
                  owner: user:alice
                  system: payments-platform
                  subcomponentOf: shop-front
                  dependsOn: [ledger, resource:ledger-db]
                  providesApis: [checkout-api]
                  consumesApis: [api:ops/payments-api]
                """);
        assertThat(read).singleElement().isInstanceOfSatisfying(ComponentDescriptor.class, c -> {
            assertThat(c.index()).isZero();
            assertThat(c.line()).isEqualTo(1);
            assertThat(c.kind()).isEqualTo("Component");
            assertThat(c.name()).isEqualTo("checkout");
            assertThat(c.metadata().namespace()).isEqualTo("shop");
            assertThat(c.metadata().labels()).containsEntry("tier", "1");
            assertThat(c.metadata().annotations()).containsEntry("backstage.io/techdocs-ref", "dir:.");
            assertThat(c.owner()).hasToString("user:default/alice");
            assertThat(c.system()).hasToString("system:default/payments-platform");
            assertThat(c.subcomponentOf()).hasToString("component:default/shop-front");
            assertThat(c.dependsOn()).extracting(EntityRef::toString)
                    .containsExactly("component:default/ledger", "resource:default/ledger-db");
            assertThat(c.providesApis()).extracting(EntityRef::toString).containsExactly("api:default/checkout-api");
            assertThat(c.consumesApis()).extracting(EntityRef::toString).containsExactly("api:ops/payments-api");
        });
    }

    @Test
    void emptyFileAndEmptyDocumentsGiveNothing() {
        assertThat(read("")).isEmpty();
        assertThat(read("# only a comment\n---\n---\n")).isEmpty();
    }

    @Test
    void emptyDocumentsDoNotCountInIndexes() {
        List<Descriptor> read = read("---\n" + document("Domain", "commerce", "owner: payments") + "---\n---\n"
                + document("Domain", "retail", "owner: payments") + "---\n");
        assertThat(read).extracting(Descriptor::index, Descriptor::line, Descriptor::name)
                .containsExactly(tuple(0, 2, "commerce"), tuple(1, 10, "retail"));
    }

    @Test
    void readsFromAReaderAndAcceptsV1beta1AndAnyKindCase() {
        String yaml = document("api", "payments-api", "type: openapi\nlifecycle: production\nowner: payments\ndefinition: x")
                .replace("v1alpha1", "v1beta1");
        assertThat(new DescriptorReader().read(new StringReader(yaml)))
                .singleElement().extracting(Descriptor::kind).isEqualTo("API");
    }

    @Test
    void eachKindReportsItsRequiredFields() {
        String file = String.join("---\n",
                document("Component", "a", "{}"),
                document("API", "b", "{}"),
                document("Resource", "c", "{}"),
                document("System", "d", "{}"),
                document("Domain", "e", "{}"),
                document("Group", "f", "{}"),
                document("User", "g", "{}"));
        assertThat(problems(file)).extracting(DescriptorProblem::index, DescriptorProblem::kind, DescriptorProblem::path)
                .containsExactlyInAnyOrder(
                        tuple(0, "Component", "spec.type"), tuple(0, "Component", "spec.lifecycle"),
                        tuple(0, "Component", "spec.owner"),
                        tuple(1, "API", "spec.type"), tuple(1, "API", "spec.lifecycle"), tuple(1, "API", "spec.owner"),
                        tuple(1, "API", "spec.definition"),
                        tuple(2, "Resource", "spec.type"), tuple(2, "Resource", "spec.owner"),
                        tuple(3, "System", "spec.owner"),
                        tuple(4, "Domain", "spec.owner"),
                        tuple(5, "Group", "spec.type"), tuple(5, "Group", "spec.children"),
                        tuple(6, "User", "spec.memberOf"));
        assertThat(problems(file)).allSatisfy(p -> assertThat(p.message()).startsWith("required field is missing"));
    }

    @Test
    void missingSpecAndMetadataAreReported() {
        assertThat(problems("apiVersion: backstage.io/v1alpha1\nkind: Domain\n"))
                .extracting(DescriptorProblem::path).containsExactly("metadata", "spec");
    }

    @Test
    void groupAndUserListsMayBeEmptyAndProfilesAreRead() {
        List<Descriptor> read = read(document("Group", "payments", """
                type: team
                profile: {displayName: Payments, email: payments@example.com, picture: https://example.com/p.png}
                parent: engineering
                children: []
                members: [alice, user:ops/bob]
                """) + "---\n" + document("User", "alice", """
                profile:
                  displayName: Alice
                  email: alice@example.com
                memberOf: []
                """));
        assertThat(read.get(0)).isInstanceOfSatisfying(GroupDescriptor.class, g -> {
            assertThat(g.displayName()).isEqualTo("Payments");
            assertThat(g.email()).isEqualTo("payments@example.com");
            assertThat(g.parent()).hasToString("group:default/engineering");
            assertThat(g.children()).isEmpty();
            assertThat(g.members()).extracting(EntityRef::toString)
                    .containsExactly("user:default/alice", "user:ops/bob");
        });
        assertThat(read.get(1)).isInstanceOfSatisfying(UserDescriptor.class, u -> {
            assertThat(u.displayName()).isEqualTo("Alice");
            assertThat(u.email()).isEqualTo("alice@example.com");
            assertThat(u.memberOf()).isEmpty();
        });
    }

    @Test
    void profileMustBeAMap() {
        assertThat(problems(document("User", "alice", "profile: Alice\nmemberOf: []")))
                .extracting(DescriptorProblem::path, DescriptorProblem::message)
                .containsExactly(tuple("spec.profile", "expected a map, found a string"));
    }

    @Test
    void referencesOfTheWrongKindAreRejected() {
        List<DescriptorProblem> problems = problems(component("""
                type: service
                lifecycle: production
                owner: component:ledger
                system: domain:commerce
                dependsOn: [api:payments-api, ledger]
                providesApis: [component:ledger]
                """));
        assertThat(problems).extracting(DescriptorProblem::path)
                .containsExactly("spec.owner", "spec.system", "spec.dependsOn[0]", "spec.providesApis[0]");
        assertThat(problems.get(0).message()).contains("owner must refer to a group or user");
        assertThat(problems.get(2).message()).contains("dependsOn must refer to a component or resource");
        assertThat(problems.get(0).line()).isEqualTo(8);
    }

    @Test
    void malformedReferencesAreReportedWithTheirPath() {
        assertThat(problems(component("type: service\nlifecycle: production\nowner: pay--ments\nconsumesApis: ['', x]")))
                .extracting(DescriptorProblem::path, DescriptorProblem::message)
                .containsExactly(
                        tuple("spec.owner", "invalid entity reference \"pay--ments\": name \"pay--ments\" "
                                + Names.NAME_RULE),
                        tuple("spec.consumesApis[0]", "must not be empty"));
    }

    @Test
    void wrongShapesNameWhatWasFound() {
        assertThat(problems(component("""
                type: [service]
                lifecycle: production
                owner: {name: payments}
                dependsOn: {ledger: true}
                """))).extracting(DescriptorProblem::path, DescriptorProblem::message).containsExactly(
                tuple("spec.type", "expected a string, found a list"),
                tuple("spec.owner", "expected an entity reference, found a map"),
                tuple("spec.dependsOn", "expected a list of entity references, found a map"));
    }

    @Test
    void scalarsOfAnyTypeAreStringsAndNullMeansAbsent() {
        ComponentDescriptor c = (ComponentDescriptor) read(component("""
                type: 42
                lifecycle: true
                owner: 7
                system: ~
                dependsOn:
                """)).get(0);
        assertThat(c.type()).isEqualTo("42");
        assertThat(c.lifecycle()).isEqualTo("true");
        assertThat(c.owner()).hasToString("group:default/7");
        assertThat(c.system()).isNull();
        assertThat(c.dependsOn()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a--b", "-payments", "payments-", "pay_.ments", "päyments", "pay ments", "''"})
    void badNamesAreRejected(String name) {
        assertThat(problems(document("Domain", name, "owner: payments")))
                .singleElement().satisfies(p -> {
                    assertThat(p.path()).isEqualTo("metadata.name");
                    assertThat(p.line()).isEqualTo(4);
                });
    }

    @Test
    void namesAreLimitedTo63Characters() {
        assertThat(read(document("Domain", "a".repeat(63), "owner: payments"))).hasSize(1);
        assertThat(problems(document("Domain", "a".repeat(64), "owner: payments")))
                .singleElement().extracting(DescriptorProblem::message).asString().contains("must be 1-63 characters");
    }

    @Test
    void namespaceFollowsTheNameRules() {
        String yaml = document("Domain", "commerce", "owner: payments").replace("  name: commerce\n",
                "  name: commerce\n  namespace: bad--ns\n");
        assertThat(problems(yaml)).extracting(DescriptorProblem::path).containsExactly("metadata.namespace");
    }

    @Test
    void tagsMustBeLowercaseDashSeparatedRuns() {
        String yaml = document("Domain", "commerce", "owner: payments").replace("  name: commerce\n", """
                  name: commerce
                  tags: [java, c++, "c#", "k8s:prod", Java, a--b, "-x", "%s", [nested]]
                """.formatted("a".repeat(64)));
        assertThat(problems(yaml)).extracting(DescriptorProblem::path).containsExactly(
                "metadata.tags[4]", "metadata.tags[5]", "metadata.tags[6]", "metadata.tags[7]", "metadata.tags[8]");
    }

    @Test
    void linksNeedAUrlAndKeepTheirOptionalFields() {
        String links = """
                  name: commerce
                  links:
                    - url: https://example.com/a
                      title: A
                      icon: dashboard
                      type: runbook
                    - url: https://example.com/b
                """;
        Metadata metadata = read(document("Domain", "commerce", "owner: payments")
                .replace("  name: commerce\n", links)).get(0).metadata();
        assertThat(metadata.links()).containsExactly(
                new Link("https://example.com/a", "A", "dashboard", "runbook"),
                new Link("https://example.com/b", null, null, null));

        String broken = """
                  name: commerce
                  links:
                    - title: no url
                    - just-a-string
                    - url: https://example.com/%s
                """.formatted("x".repeat(2000));
        assertThat(problems(document("Domain", "commerce", "owner: payments").replace("  name: commerce\n", broken)))
                .extracting(DescriptorProblem::path, DescriptorProblem::line)
                .containsExactly(tuple("metadata.links[0].url", 6), tuple("metadata.links[1]", 7),
                        tuple("metadata.links[2].url", 8));
    }

    @Test
    void longTextFieldsAreLimited() {
        String yaml = document("Domain", "commerce", "owner: payments").replace("  name: commerce\n", """
                  name: commerce
                  title: %s
                  description: %s
                  annotations:
                    %s: x
                    example.com/ok: %s
                """.formatted("t".repeat(201), "d".repeat(4001), "k".repeat(254), "v".repeat(4001)));
        assertThat(problems(yaml)).extracting(DescriptorProblem::path).containsExactly(
                "metadata.title", "metadata.description", "metadata.annotations." + "k".repeat(254),
                "metadata.annotations[\"example.com/ok\"]");
    }

    @Test
    void duplicateKeysAreReportedWithBothLines() {
        List<DescriptorProblem> problems = problems("""
                apiVersion: backstage.io/v1alpha1
                kind: Domain
                metadata:
                  name: commerce
                  name: retail
                spec:
                  owner: payments
                  owner: platform
                """);
        assertThat(problems).extracting(DescriptorProblem::path, DescriptorProblem::line, DescriptorProblem::message)
                .containsExactly(
                        tuple("metadata.name", 5, "duplicate key \"name\" (first defined at line 4)"),
                        tuple("spec.owner", 8, "duplicate key \"owner\" (first defined at line 7)"));
        assertThat(problems.get(0).name()).isEqualTo("commerce");
    }

    @Test
    void malformedYamlGivesOneProblemWithItsLine() {
        String yaml = document("Domain", "commerce", "owner: payments") + "---\n"
                + document("Domain", "retail", "owner: [payments\nbroken: here");
        assertThat(problems(yaml)).singleElement().satisfies(p -> {
            assertThat(p.index()).isEqualTo(1);
            assertThat(p.line()).isEqualTo(14);
            assertThat(p.path()).isEmpty();
            assertThat(p.message()).startsWith("malformed YAML at line 14");
        });
    }

    @Test
    void unknownKindAndApiVersionAreReported() {
        String yaml = """
                apiVersion: backstage.io/v2
                kind: Template
                metadata:
                  name: new-service
                spec: {}
                ---
                kind: Domain
                metadata: {name: commerce}
                spec: {owner: payments}
                """;
        assertThat(problems(yaml)).extracting(DescriptorProblem::index, DescriptorProblem::path, DescriptorProblem::message)
                .containsExactly(
                        tuple(0, "apiVersion", "unsupported apiVersion \"backstage.io/v2\"; expected "
                                + "backstage.io/v1alpha1 or backstage.io/v1beta1"),
                        tuple(0, "kind", "unknown kind \"Template\"; supported: Component, API, Resource, System, "
                                + "Domain, Group, User, Location"),
                        tuple(1, "apiVersion", "required field is missing"));
    }

    @Test
    void documentsMustBeMaps() {
        assertThat(problems("- just\n- a list\n")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("must be a map").endsWith("found a list"));
    }

    @Test
    void locationIsAcceptedWithoutCheckingItsSpec() {
        List<Descriptor> read = read("""
                apiVersion: backstage.io/v1alpha1
                kind: Location
                metadata:
                  name: more
                spec:
                  type: url
                  targets: [https://example.com/a.yaml, {odd: shape}]
                """);
        assertThat(read).singleElement().isEqualTo(new LocationDescriptor(0, 1, Metadata.of("more")));
        assertThat(read(document("location", "bare", "{}").replace("spec:\n  {}\n", ""))).hasSize(1);
    }

    @Test
    void problemsFromSeveralDocumentsAreReportedTogether() {
        String yaml = document("Domain", "commerce", "owner: payments") + "---\n"
                + document("System", "shop", "domain: commerce") + "---\n"
                + document("Resource", "ledger-db", "type: database\nowner: user:bad--name");
        DescriptorException error = org.assertj.core.api.Assertions.catchThrowableOfType(
                DescriptorException.class, () -> read(yaml));
        assertThat(error.problems()).extracting(DescriptorProblem::index, DescriptorProblem::kind,
                        DescriptorProblem::name, DescriptorProblem::path)
                .containsExactly(tuple(1, "System", "shop", "spec.owner"),
                        tuple(2, "Resource", "ledger-db", "spec.owner"));
        assertThat(error).hasMessageStartingWith("document 2 (System shop), line 13: spec.owner: required field")
                .hasMessageEndingWith("(and 1 more problem)");
    }

    @Test
    void definitionSubstitutionsAreRefused() {
        String yaml = document("API", "payments-api", """
                type: openapi
                lifecycle: production
                owner: payments
                definition:
                  $text: ./openapi.yaml
                """);
        assertThat(problems(yaml)).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("spec.definition");
            assertThat(p.message()).contains("$text is not supported");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"$json", "$yaml"})
    void otherSubstitutionsAreRefusedToo(String key) {
        String yaml = document("API", "payments-api", "type: openapi\nlifecycle: production\nowner: payments\n"
                + "definition:\n  " + key + ": https://example.com/openapi.yaml");
        assertThat(problems(yaml)).singleElement().extracting(DescriptorProblem::message).asString()
                .contains(key + " is not supported");
    }

    @Test
    void definitionMustBeTextOfBoundedLength() {
        String spec = "type: openapi\nlifecycle: production\nowner: payments\ndefinition: ";
        assertThat(problems(document("API", "a", spec + "[a, b]"))).singleElement()
                .extracting(DescriptorProblem::message).isEqualTo("expected the API definition as text, found a list");
        assertThat(problems(document("API", "a", spec + "x".repeat(SpecParser.MAX_DEFINITION + 1)))).singleElement()
                .extracting(DescriptorProblem::message).asString().startsWith("too long: 1000001 characters");
        assertThat(read(document("API", "a", spec + "x".repeat(SpecParser.MAX_DEFINITION)))).hasSize(1);
    }

    @Test
    void multiLineDefinitionIsKeptVerbatim() {
        ApiDescriptor api = (ApiDescriptor) read(document("API", "payments-api", """
                type: openapi
                lifecycle: production
                owner: payments
                definition: |
                  openapi: 3.0.3
                  info: {title: Payments}
                """)).get(0);
        assertThat(api.definition()).isEqualTo("openapi: 3.0.3\ninfo: {title: Payments}\n");
    }

    @Test
    void aliasBombsAreRejected() {
        StringBuilder yaml = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for (char level = 'b'; level <= 'j'; level++) {
            char previous = (char) (level - 1);
            yaml.append(level).append(": &").append(level).append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(10, "*" + previous))).append("]\n");
        }
        assertThat(problems(yaml.toString())).singleElement()
                .satisfies(p -> assertThat(p.message()).startsWith("YAML rejected").contains("aliases"));
    }

    @Test
    void recursiveAliasesDoNotLoop() {
        String yaml = document("Domain", "commerce", "owner: payments").replace("  name: commerce\n",
                "  name: commerce\n  labels: &l {self: *l}\n");
        assertThat(problems(yaml)).isNotEmpty();
    }

    @Test
    void inputsOverTheSizeLimitAreRejected() {
        String yaml = document("Domain", "commerce", "owner: payments");
        assertThat(new DescriptorReader(yaml.length() + 10).read(yaml)).hasSize(1);
        DescriptorException error = org.assertj.core.api.Assertions.catchThrowableOfType(
                DescriptorException.class, () -> new DescriptorReader(20).read(yaml));
        assertThat(error.problems()).singleElement().satisfies(p -> {
            assertThat(p.index()).isEqualTo(-1);
            assertThat(p.message()).startsWith("file too large");
        });
    }

    @Test
    void stopsAfterAHundredProblems() {
        String yaml = String.join("---\n", java.util.Collections.nCopies(150, document("Domain", "x", "{}")));
        List<DescriptorProblem> problems = problems(yaml);
        assertThat(problems).hasSize(Problems.LIMIT + 1);
        assertThat(problems.get(Problems.LIMIT).message()).endsWith("... and more");
    }

    @Test
    void readsTheSampleCatalog() throws Exception {
        try (var in = getClass().getResourceAsStream("/catalog/sample-catalog-info.yaml");
             var reader = new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8)) {
            List<Descriptor> read = new DescriptorReader().read(reader);
            assertThat(read).extracting(Descriptor::kind).containsExactly("Group", "Group", "User", "User", "User",
                    "Domain", "System", "Component", "Component", "Component", "Component", "API", "Resource",
                    "Location");
            assertThat(read).extracting(Descriptor::index).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13);
        }
    }
}
