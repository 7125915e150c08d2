package dev.tandem.bench;

import dev.tandem.bench.Organisation.Layer;
import dev.tandem.bench.Organisation.Person;
import dev.tandem.bench.Organisation.Service;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.StringWriter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class OrganisationGeneratorTest {

    static final OrganisationGenerator.Params SMALL = new OrganisationGenerator.Params(40, 150, 6, 800, 40, 7L);

    static Organisation defaultOrg;

    @BeforeAll
    static void generateDefault() {
        defaultOrg = new OrganisationGenerator(OrganisationGenerator.Params.defaults()).generate();
    }

    static String yaml(OrganisationGenerator.Params params) {
        StringWriter out = new StringWriter();
        new CatalogYamlWriter(out).writeAll(new OrganisationGenerator(params).generate());
        return out.toString();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> parse(String yaml) {
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Object doc : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(yaml)) {
            docs.add((Map<String, Object>) doc);
        }
        return docs;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> parent, String key) {
        return (Map<String, Object>) parent.get(key);
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Map<String, Object> parent, String key) {
        Object v = parent.get(key);
        return v == null ? List.of() : (List<Object>) v;
    }

    static String name(Map<String, Object> doc) {
        return (String) map(doc, "metadata").get("name");
    }

    @Test
    void sameSeedSameOutputDifferentSeedDifferentOutput() {
        String a = yaml(SMALL);
        String b = yaml(SMALL);
        String c = yaml(new OrganisationGenerator.Params(40, 150, 6, 800, 40, 8L));
        assertThat(a).isEqualTo(b);
        assertThat(a).isNotEqualTo(c);
    }

    @Test
    void defaultCountsAreExact() {
        assertThat(defaultOrg.teams()).hasSize(500);
        assertThat(defaultOrg.people()).hasSize(2_000);
        assertThat(defaultOrg.systems()).hasSize(50);
        assertThat(defaultOrg.services()).hasSize(10_000);
        assertThat(defaultOrg.resources()).hasSize(500);
    }

    @Test
    void documentCountsPerKindAreExact() {
        List<Map<String, Object>> docs = parse(yaml(SMALL));
        Map<String, Long> kinds = docs.stream()
                .collect(Collectors.groupingBy(d -> (String) d.get("kind"), Collectors.counting()));
        assertThat(kinds).containsExactlyInAnyOrderEntriesOf(Map.of(
                "Group", 40L, "User", 150L, "System", 6L, "Component", 800L, "Resource", 40L));
        assertThat(docs).allSatisfy(d -> assertThat(d.get("apiVersion")).isEqualTo("backstage.io/v1alpha1"));
    }

    @Test
    void namesAreUniquePerKindAndValid() {
        assertUniqueAndValid(defaultOrg.teams().stream().map(Organisation.Team::name).toList());
        assertUniqueAndValid(defaultOrg.people().stream().map(Person::name).toList());
        assertUniqueAndValid(defaultOrg.systems().stream().map(Organisation.SystemEntity::name).toList());
        assertUniqueAndValid(defaultOrg.resources().stream().map(Organisation.Resource::name).toList());
        assertUniqueAndValid(defaultOrg.services().stream().map(Service::name).toList());
    }

    @Test
    void tinyVocabularyExhaustionStillGivesUniqueValidNames() {
        Organisation org = new OrganisationGenerator(new OrganisationGenerator.Params(3_000, 5_000, 300, 500, 800, 1L)).generate();
        assertUniqueAndValid(org.teams().stream().map(Organisation.Team::name).toList());
        assertUniqueAndValid(org.people().stream().map(Person::name).toList());
        assertUniqueAndValid(org.systems().stream().map(Organisation.SystemEntity::name).toList());
        assertUniqueAndValid(org.resources().stream().map(Organisation.Resource::name).toList());
    }

    private static void assertUniqueAndValid(List<String> names) {
        assertThat(new HashSet<>(names)).hasSameSizeAs(names);
        assertThat(names).allSatisfy(n -> {
            assertThat(n).hasSizeLessThanOrEqualTo(63);
            assertThat(n).matches("[a-z0-9]+(-[a-z0-9]+)*");
        });
    }

    @Test
    void everyReferenceInTheYamlPointsAtAnEntityDefinedEarlier() {
        List<Map<String, Object>> docs = parse(yaml(SMALL));
        Map<String, Set<String>> seen = new HashMap<>();
        for (Map<String, Object> doc : docs) {
            String kind = (String) doc.get("kind");
            Map<String, Object> spec = map(doc, "spec");
            switch (kind) {
                case "User" -> {
                    List<Object> memberOf = list(spec, "memberOf");
                    assertThat(memberOf).hasSizeBetween(1, 2);
                    memberOf.forEach(t -> assertThat(seen.get("Group")).contains((String) t));
                }
                case "System" -> assertThat(seen.get("Group")).contains((String) spec.get("owner"));
                case "Resource", "Component" -> {
                    assertThat(seen.get("Group")).contains((String) spec.get("owner"));
                    assertThat(seen.get("System")).contains((String) spec.get("system"));
                    for (Object ref : list(spec, "dependsOn")) {
                        String[] parts = ((String) ref).split(":", 2);
                        String targetKind = switch (parts[0]) {
                            case "component" -> "Component";
                            case "resource" -> "Resource";
                            default -> throw new AssertionError("unexpected ref " + ref);
                        };
                        assertThat(seen.getOrDefault(targetKind, Set.of())).as("ref %s", ref).contains(parts[1]);
                    }
                }
                default -> { }
            }
            seen.computeIfAbsent(kind, k -> new HashSet<>()).add(name(doc));
        }
    }

    @Test
    void servicesCarryTheExpectedFields() {
        List<Map<String, Object>> components = parse(yaml(SMALL)).stream()
                .filter(d -> "Component".equals(d.get("kind"))).toList();
        for (Map<String, Object> c : components) {
            Map<String, Object> metadata = map(c, "metadata");
            Map<String, Object> annotations = map(metadata, "annotations");
            Map<String, Object> spec = map(c, "spec");
            String owner = (String) spec.get("owner");
            assertThat(spec.get("type")).isEqualTo("service");
            assertThat(spec.get("lifecycle")).isIn("production", "experimental", "deprecated");
            assertThat((String) metadata.get("description")).isNotBlank();
            assertThat(list(metadata, "tags")).hasSizeBetween(1, 3).allSatisfy(t -> assertThat(t).isIn(Words.TAGS.toArray()));
            assertThat(annotations.get("tandem.dev/readiness-level")).isIn("A", "B", "C");
            assertThat(annotations.get("tandem.dev/tier")).isIn("1", "2", "3", "4"); // strings, not ints
            assertThat(annotations.get("backstage.io/source-location"))
                    .isEqualTo("url:https://git.example.com/" + owner + "/" + name(c));
            List<Object> links = list(metadata, "links");
            assertThat(links).extracting(l -> (Object) ((Map<?, ?>) l).get("type")).containsExactly("dashboard", "runbook");
            assertThat(links).extracting(l -> (Object) ((Map<?, ?>) l).get("title")).contains("Dashboard");
        }
        List<Map<String, Object>> groups = parse(yaml(SMALL)).stream()
                .filter(d -> "Group".equals(d.get("kind"))).toList();
        assertThat(groups).allSatisfy(g -> {
            assertThat(map(g, "spec").get("type")).isEqualTo("team");
            assertThat(list(map(g, "spec"), "children")).isEmpty();
            assertThat(map(map(g, "metadata"), "annotations").get("tandem.dev/chat-channel")).isEqualTo("#team-" + name(g));
        });
    }

    @Test
    void dependencyGraphIsAcyclicAndLayered() {
        List<Service> services = defaultOrg.services();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < services.size(); i++) index.put(services.get(i).name(), i);

        int[] indegree = new int[services.size()];
        for (Service s : services) {
            assertThat(s.dependsOnServices()).hasSizeLessThanOrEqualTo(6).doesNotHaveDuplicates();
            assertThat(s.dependsOnResources()).hasSizeLessThanOrEqualTo(2);
            for (String dep : s.dependsOnServices()) {
                Service target = services.get(index.get(dep));
                if (s.layer() == Layer.CORE) {
                    assertThat(target.layer()).isEqualTo(Layer.CORE);
                } else {
                    assertThat(target.layer().ordinal()).isLessThan(s.layer().ordinal());
                }
                indegree[index.get(dep)]++;
            }
        }
        // Kahn's algorithm on the reversed edges: every node must be removed.
        int[] remaining = new int[services.size()];
        for (int i = 0; i < services.size(); i++) remaining[i] = services.get(i).dependsOnServices().size();
        Map<Integer, List<Integer>> dependents = new HashMap<>();
        for (int i = 0; i < services.size(); i++) {
            for (String dep : services.get(i).dependsOnServices()) {
                dependents.computeIfAbsent(index.get(dep), k -> new ArrayList<>()).add(i);
            }
        }
        Deque<Integer> ready = new ArrayDeque<>();
        for (int i = 0; i < remaining.length; i++) if (remaining[i] == 0) ready.add(i);
        int removed = 0;
        while (!ready.isEmpty()) {
            int n = ready.poll();
            removed++;
            for (int d : dependents.getOrDefault(n, List.of())) {
                if (--remaining[d] == 0) ready.add(d);
            }
        }
        assertThat(removed).isEqualTo(services.size());
    }

    @Test
    void inDegreeIsHeavyTailed() {
        List<Service> services = defaultOrg.services();
        Map<String, Integer> indegree = new HashMap<>();
        services.forEach(s -> indegree.put(s.name(), 0));
        services.forEach(s -> s.dependsOnServices().forEach(d -> indegree.merge(d, 1, Integer::sum)));
        int[] values = indegree.values().stream().mapToInt(Integer::intValue).sorted().toArray();
        int median = values[values.length / 2];
        int max = values[values.length - 1];
        int p99 = values[(int) (values.length * 0.99)];
        assertThat(max).isGreaterThanOrEqualTo(20 * Math.max(1, median));
        assertThat(p99).isGreaterThanOrEqualTo(5 * Math.max(1, median));
        long total = Arrays.stream(values).sum();
        assertThat(total).isGreaterThan(services.size()); // more than one dependency per service on average
    }

    @Test
    void peopleRolesAndMembershipsLookRealistic() {
        List<Person> people = defaultOrg.people();
        long sre = people.stream().filter(p -> p.role().equals("sre")).count();
        long managers = people.stream().filter(p -> p.role().equals("manager")).count();
        long twoTeams = people.stream().filter(p -> p.teams().size() == 2).count();
        assertThat(sre).isBetween(60L, 140L);        // ~5% of 2000
        assertThat(managers).isBetween(140L, 260L);  // ~10%
        assertThat(twoTeams).isBetween(100L, 300L);  // ~10%
        assertThat(people).allSatisfy(p -> {
            assertThat(p.teams()).hasSizeBetween(1, 2).doesNotHaveDuplicates();
            assertThat(p.email()).endsWith("@example.com");
        });

        Map<String, Long> sizes = people.stream().flatMap(p -> p.teams().stream())
                .collect(Collectors.groupingBy(t -> t, Collectors.counting()));
        assertThat(sizes).hasSize(500); // every team has someone
        long smallest = sizes.values().stream().mapToLong(Long::longValue).min().orElseThrow();
        long largest = sizes.values().stream().mapToLong(Long::longValue).max().orElseThrow();
        assertThat(largest).isGreaterThan(3 * smallest);
    }

    @Test
    void readinessLevelsFollowTheIntendedMix() {
        Map<String, Long> levels = defaultOrg.services().stream()
                .collect(Collectors.groupingBy(Service::readiness, Collectors.counting()));
        assertThat(levels.get("A")).isBetween(1_200L, 1_800L);
        assertThat(levels.get("B")).isBetween(5_500L, 6_500L);
        assertThat(levels.get("C")).isBetween(2_100L, 2_900L);
        long production = defaultOrg.services().stream().filter(s -> s.lifecycle().equals("production")).count();
        assertThat(production).isGreaterThan(8_000L);
    }

    @Test
    void tinyOrganisationsWork() {
        Organisation org = new OrganisationGenerator(new OrganisationGenerator.Params(1, 0, 1, 3, 0, 3L)).generate();
        assertThat(org.services()).hasSize(3);
        assertThat(parse(yaml(new OrganisationGenerator.Params(1, 0, 1, 3, 0, 3L)))).hasSize(5);
    }
}
