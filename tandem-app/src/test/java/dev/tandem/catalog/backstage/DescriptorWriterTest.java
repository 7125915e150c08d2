package dev.tandem.catalog.backstage;

import static dev.tandem.catalog.backstage.Yamls.read;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DescriptorWriterTest {

    private final DescriptorWriter writer = new DescriptorWriter();

    @Test
    void writesKeysInStableOrderAndReferencesCompactly() {
        ComponentDescriptor checkout = new ComponentDescriptor(0, 0,
                new Metadata("checkout", "default", "Checkout", null, Map.of(), Map.of("tier", "1"),
                        List.of("java"), List.of(new Link("https://example.com", null, null, null))),
                "service", "production", EntityRef.parse("payments", "group"),
                EntityRef.parse("system:ops/shop", null), null,
                List.of(EntityRef.parse("ledger", "component"), EntityRef.parse("resource:ledger-db", null)),
                List.of(), List.of(EntityRef.parse("api:payments-api", null)));
        assertThat(writer.write(List.of(checkout))).isEqualTo("""
                apiVersion: backstage.io/v1alpha1
                kind: Component
                metadata:
                  name: checkout
                  title: Checkout
                  annotations:
                    tier: '1'
                  tags:
                    - java
                  links:
                    - url: https://example.com
                spec:
                  type: service
                  lifecycle: production
                  owner: payments
                  system: ops/shop
                  dependsOn:
                    - ledger
                    - resource:ledger-db
                  consumesApis:
                    - payments-api
                """);
    }

    @Test
    void separatesDocumentsAndKeepsRequiredEmptyLists() {
        String written = writer.write(List.of(
                new GroupDescriptor(0, 0, Metadata.of("payments"), "team", null, null, null, List.of(), List.of()),
                new UserDescriptor(1, 0, new Metadata("alice", "people", null, null, null, null, null, null),
                        "Alice", null, List.of(EntityRef.parse("user:bob", null)))));
        assertThat(written).isEqualTo("""
                apiVersion: backstage.io/v1alpha1
                kind: Group
                metadata:
                  name: payments
                spec:
                  type: team
                  children: []
                ---
                apiVersion: backstage.io/v1alpha1
                kind: User
                metadata:
                  name: alice
                  namespace: people
                spec:
                  profile:
                    displayName: Alice
                  memberOf:
                    - user:bob
                """);
    }

    @Test
    void writesNothingForNoDescriptorsAndOnlyTheEnvelopeForLocations() {
        assertThat(writer.write(List.of())).isEmpty();
        assertThat(writer.write(List.of(new LocationDescriptor(0, 0, Metadata.of("more")))))
                .isEqualTo("apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: more\n");
    }

    static Stream<String> richFiles() throws IOException {
        return Stream.of(resource("/catalog/sample-catalog-info.yaml"), """
                apiVersion: backstage.io/v1beta1
                kind: component
                metadata:
                  name: weird.but_valid-name
                  namespace: ops
                  title: "Ünïcode: title # with hash"
                  description: |
                    Line one.
                      Indented line with trailing spaces.  \s
                    "quoted" and 'single' and a tab\there.
                  labels:
                    tier: 1
                    enabled: yes
                    empty: ""
                    nulls-not-allowed-here: "null"
                  annotations:
                    backstage.io/techdocs-ref: "dir:."
                    example.com/multi: "a\\nb"
                  tags: [c++, "c#", "k8s:prod", tier-1, "0123"]
                  links:
                    - {url: "https://example.com/?q=a&b=c#frag", title: "Dash: board", icon: dashboard, type: "1.0"}
                    - url: https://example.com/only-url
                spec:
                  type: "~"
                  lifecycle: "- production"
                  owner: USER:ops/alice
                  system: other/shop
                  subcomponentOf: component:ops/front
                  dependsOn: [resource:ops/db, component:x, "y"]
                  providesApis: [api:ops/a]
                  consumesApis: [b, other/c]
                ---
                ---
                apiVersion: backstage.io/v1alpha1
                kind: API
                metadata:
                  name: payments-api
                spec:
                  type: grpc
                  lifecycle: production
                  owner: group:ops/payments
                  definition: "syntax = \\"proto3\\";\\n  message A {}  \\nend without newline"
                ---
                apiVersion: backstage.io/v1alpha1
                kind: Group
                metadata: {name: payments, namespace: ops}
                spec:
                  type: "true"
                  profile: {displayName: "Payments & Co", email: "p@example.com", picture: "https://x/p.png"}
                  parent: ops/engineering
                  children: [group:ops/payments-core, default/other]
                  members: [alice, user:default/bob]
                ---
                apiVersion: backstage.io/v1alpha1
                kind: System
                metadata: {name: shop}
                spec: {owner: user:alice, domain: domain:ops/commerce}
                ---
                apiVersion: backstage.io/v1alpha1
                kind: Resource
                metadata: {name: db}
                spec: {type: database, owner: payments, dependsOn: [resource:disk, component:db-proxy]}
                ---
                apiVersion: backstage.io/v1alpha1
                kind: Location
                metadata: {name: elsewhere, tags: [x]}
                spec: {targets: [a, b]}
                """);
    }

    /** The property the application relies on: writing loses nothing that reading keeps. */
    @ParameterizedTest
    @MethodSource("richFiles")
    void roundTripsEveryDescriptor(String yaml) {
        List<Descriptor> first = read(yaml);
        String written = writer.write(first);
        List<Descriptor> second = read(written);
        assertThat(second).hasSameSizeAs(first);
        assertThat(withoutLines(second)).isEqualTo(withoutLines(first));
        assertThat(writer.write(second)).as("writing is stable").isEqualTo(written);
    }

    private static List<Descriptor> withoutLines(List<Descriptor> descriptors) {
        return descriptors.stream().map(DescriptorWriterTest::withoutLine).toList();
    }

    private static Descriptor withoutLine(Descriptor d) {
        if (d instanceof ComponentDescriptor c) {
            return new ComponentDescriptor(c.index(), 0, c.metadata(), c.type(), c.lifecycle(), c.owner(),
                    c.system(), c.subcomponentOf(), c.dependsOn(), c.providesApis(), c.consumesApis());
        } else if (d instanceof ApiDescriptor a) {
            return new ApiDescriptor(a.index(), 0, a.metadata(), a.type(), a.lifecycle(), a.owner(), a.system(),
                    a.definition());
        } else if (d instanceof ResourceDescriptor r) {
            return new ResourceDescriptor(r.index(), 0, r.metadata(), r.type(), r.owner(), r.system(), r.dependsOn());
        } else if (d instanceof SystemDescriptor s) {
            return new SystemDescriptor(s.index(), 0, s.metadata(), s.owner(), s.domain());
        } else if (d instanceof DomainDescriptor dd) {
            return new DomainDescriptor(dd.index(), 0, dd.metadata(), dd.owner());
        } else if (d instanceof GroupDescriptor g) {
            return new GroupDescriptor(g.index(), 0, g.metadata(), g.type(), g.displayName(), g.email(), g.parent(),
                    g.children(), g.members());
        } else if (d instanceof UserDescriptor u) {
            return new UserDescriptor(u.index(), 0, u.metadata(), u.displayName(), u.email(), u.memberOf());
        }
        LocationDescriptor l = (LocationDescriptor) d;
        return new LocationDescriptor(l.index(), 0, l.metadata());
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = DescriptorWriterTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
