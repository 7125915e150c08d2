package dev.tandem.bench;

import dev.tandem.bench.Organisation.Layer;
import dev.tandem.bench.Organisation.Person;
import dev.tandem.bench.Organisation.Resource;
import dev.tandem.bench.Organisation.Service;
import dev.tandem.bench.Organisation.SystemEntity;
import dev.tandem.bench.Organisation.Team;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Deterministic generator of a large, plausible organisation.
 *
 * <p>All randomness comes from one {@link Random} seeded from {@link Params#seed()}, and every
 * step iterates in a fixed order, so the same parameters always give the same organisation.
 *
 * <p>Services form a layered DAG: core services are created first, then mid-tier, then edge
 * services. A service only depends on services created before it (core services may depend on
 * earlier core services; mid and edge services only on lower layers), which makes cycles
 * impossible and makes the creation order a valid dependency order. Targets are drawn from an
 * "urn" in which every service appears once plus once per incoming edge (preferential
 * attachment), and a few designated hubs start with extra weight, which yields a heavy-tailed
 * in-degree distribution.
 */
public final class OrganisationGenerator {

    public record Params(int teams, int people, int systems, int services, int resources, long seed) {
        public static Params defaults() {
            return new Params(500, 2_000, 50, 10_000, 500, 42L);
        }

        public Params {
            if (teams < 1) throw new IllegalArgumentException("need at least one team");
            if (systems < 1) throw new IllegalArgumentException("need at least one system");
            if (people < 0 || services < 0 || resources < 0) throw new IllegalArgumentException("counts must be >= 0");
        }
    }

    private static final double EDGE_SHARE = 0.15;
    private static final double CORE_SHARE = 0.40;
    private static final double HUB_SHARE = 0.03;
    private static final int HUB_WEIGHT = 15;

    private final Params params;
    private final Random random;

    public OrganisationGenerator(Params params) {
        this.params = params;
        this.random = new Random(params.seed());
    }

    public Organisation generate() {
        List<Team> teamsWithoutSystems = generateTeamNames();
        List<SystemEntity> systems = generateSystems(teamsWithoutSystems);
        List<Team> teams = assignHomeSystems(teamsWithoutSystems, systems);
        List<Person> people = generatePeople(teams);
        double[] ownershipWeights = skewedWeights(teams.size(), 1.0);
        WeightedPicker owners = new WeightedPicker(ownershipWeights);
        List<Resource> resources = generateResources(teams, owners);
        List<Service> services = generateServices(teams, systems, resources, owners);
        return new Organisation(List.copyOf(teams), List.copyOf(people), List.copyOf(systems),
                List.copyOf(resources), List.copyOf(services));
    }

    // ---------------------------------------------------------------- teams, systems, people

    private List<Team> generateTeamNames() {
        Set<String> used = new HashSet<>();
        List<Team> teams = new ArrayList<>(params.teams());
        for (int i = 0; i < params.teams(); i++) {
            String name = unique(used, () -> pick(Words.TEAM_ADJECTIVES) + "-" + pick(Words.TEAM_NOUNS));
            teams.add(new Team(name, Words.title(name), null));
        }
        return teams;
    }

    private List<SystemEntity> generateSystems(List<Team> teams) {
        Set<String> used = new HashSet<>();
        List<SystemEntity> systems = new ArrayList<>(params.systems());
        for (int i = 0; i < params.systems(); i++) {
            String name = unique(used, () -> random.nextInt(3) == 0
                    ? pick(Words.DOMAINS) + "-" + pick(Words.SYSTEM_SUFFIXES)
                    : pick(Words.DOMAINS));
            String owner = teams.get(random.nextInt(teams.size())).name();
            systems.add(new SystemEntity(name, Words.title(name), owner,
                    "Everything it takes to run " + Words.title(name).toLowerCase() + " end to end."));
        }
        return systems;
    }

    private List<Team> assignHomeSystems(List<Team> teams, List<SystemEntity> systems) {
        Map<String, String> ownedSystem = new HashMap<>();
        for (SystemEntity s : systems) {
            ownedSystem.putIfAbsent(s.owner(), s.name());
        }
        List<Team> result = new ArrayList<>(teams.size());
        for (Team t : teams) {
            String home = ownedSystem.getOrDefault(t.name(), systems.get(random.nextInt(systems.size())).name());
            result.add(new Team(t.name(), t.displayName(), home));
        }
        return result;
    }

    private List<Person> generatePeople(List<Team> teams) {
        WeightedPicker teamSizes = new WeightedPicker(skewedWeights(teams.size(), 0.7));
        List<Integer> firstTeamOrder = new ArrayList<>();
        for (int i = 0; i < teams.size(); i++) firstTeamOrder.add(i);
        Collections.shuffle(firstTeamOrder, random);

        Set<String> used = new HashSet<>();
        List<Person> people = new ArrayList<>(params.people());
        for (int i = 0; i < params.people(); i++) {
            String name = unique(used, () -> pick(Words.FIRST_NAMES) + "-" + pick(Words.LAST_NAMES));
            String displayName = Words.title(name);
            String email = name.replaceFirst("-", ".") + "@example.com";

            double r = random.nextDouble();
            String role = r < 0.05 ? "sre" : r < 0.15 ? "manager" : "engineer";

            // Every team gets at least one member (while there are enough people), the rest is skewed.
            int primary = i < firstTeamOrder.size() ? firstTeamOrder.get(i) : teamSizes.pick(random);
            List<String> memberOf = new ArrayList<>(2);
            memberOf.add(teams.get(primary).name());
            if (teams.size() > 1 && random.nextDouble() < 0.10) {
                int second;
                do {
                    second = teamSizes.pick(random);
                } while (second == primary);
                memberOf.add(teams.get(second).name());
            }
            people.add(new Person(name, displayName, email, role, List.copyOf(memberOf)));
        }
        return people;
    }

    // ---------------------------------------------------------------- resources

    private List<Resource> generateResources(List<Team> teams, WeightedPicker owners) {
        Set<String> used = new HashSet<>();
        List<Resource> resources = new ArrayList<>(params.resources());
        for (int i = 0; i < params.resources(); i++) {
            double r = random.nextDouble();
            String type = r < 0.5 ? "database" : r < 0.8 ? "queue" : "bucket";
            String suffix = switch (type) {
                case "database" -> "db";
                case "queue" -> "queue";
                default -> "bucket";
            };
            String name = unique(used, () -> (random.nextBoolean()
                    ? pick(Words.DOMAINS)
                    : pick(Words.DOMAINS) + "-" + pick(Words.QUALIFIERS)) + "-" + suffix);
            Team owner = teams.get(owners.pick(random));
            resources.add(new Resource(name, type, owner.name(), owner.homeSystem(),
                    Words.title(name) + " (" + type + ")"));
        }
        return resources;
    }

    // ---------------------------------------------------------------- services and the DAG

    private List<Service> generateServices(List<Team> teams, List<SystemEntity> systems,
                                           List<Resource> resources, WeightedPicker owners) {
        int total = params.services();
        int edge = (int) Math.round(total * EDGE_SHARE);
        int core = Math.max(total > 0 ? 1 : 0, (int) Math.round(total * CORE_SHARE));
        int mid = Math.max(0, total - core - edge);
        edge = total - core - mid;

        Map<String, List<Integer>> resourcesByOwner = new HashMap<>();
        for (int i = 0; i < resources.size(); i++) {
            resourcesByOwner.computeIfAbsent(resources.get(i).owner(), k -> new ArrayList<>()).add(i);
        }

        Set<String> used = new HashSet<>();
        List<Service> services = new ArrayList<>(total);
        List<Integer> urn = new ArrayList<>();
        List<Integer> pending = new ArrayList<>();

        int[][] layerPlan = {{Layer.CORE.ordinal(), core}, {Layer.MID.ordinal(), mid}, {Layer.EDGE.ordinal(), edge}};
        for (int[] plan : layerPlan) {
            Layer layer = Layer.values()[plan[0]];
            List<String> components = switch (layer) {
                case CORE -> Words.CORE_COMPONENTS;
                case MID -> Words.MID_COMPONENTS;
                case EDGE -> Words.EDGE_COMPONENTS;
            };
            for (int n = 0; n < plan[1]; n++) {
                int index = services.size();
                String name = unique(used, () -> random.nextInt(4) == 0
                        ? pick(Words.DOMAINS) + "-" + pick(components)
                        : pick(Words.DOMAINS) + "-" + pick(Words.QUALIFIERS) + "-" + pick(components));
                Team owner = teams.get(owners.pick(random));
                String system = random.nextDouble() < 0.85
                        ? owner.homeSystem()
                        : systems.get(random.nextInt(systems.size())).name();

                List<String> dependsOn = new ArrayList<>();
                int wanted = dependencyCount(layer);
                if (wanted > 0 && !urn.isEmpty()) {
                    Set<Integer> chosen = new LinkedHashSet<>();
                    for (int attempt = 0; attempt < wanted * 12 && chosen.size() < wanted; attempt++) {
                        chosen.add(urn.get(random.nextInt(urn.size())));
                    }
                    for (int target : chosen) {
                        dependsOn.add(services.get(target).name());
                        urn.add(target); // the rich get richer
                    }
                }
                List<String> dependsOnResources = pickResources(owner, resources, resourcesByOwner);

                services.add(new Service(name, layer, owner.name(), system, lifecycle(),
                        describe(name, layer), tags(), tier(layer), readiness(),
                        List.copyOf(dependsOn), dependsOnResources));

                int weight = random.nextDouble() < HUB_SHARE ? HUB_WEIGHT : 1;
                for (int w = 0; w < weight; w++) {
                    // Core services may be used by later core services; other layers only become
                    // eligible once their whole layer is done, so they never depend on siblings.
                    (layer == Layer.CORE ? urn : pending).add(index);
                }
            }
            urn.addAll(pending);
            pending.clear();
        }
        return services;
    }

    private int dependencyCount(Layer layer) {
        int[] weights = switch (layer) {
            case CORE -> new int[] {50, 30, 15, 5};
            case MID -> new int[] {5, 20, 25, 20, 15, 10, 5};
            case EDGE -> new int[] {5, 10, 20, 25, 20, 12, 8};
        };
        return weightedIndex(weights);
    }

    private List<String> pickResources(Team owner, List<Resource> resources, Map<String, List<Integer>> byOwner) {
        if (resources.isEmpty()) return List.of();
        int count = weightedIndex(new int[] {35, 45, 20});
        Set<String> chosen = new LinkedHashSet<>();
        List<Integer> own = byOwner.getOrDefault(owner.name(), List.of());
        for (int attempt = 0; attempt < count * 6 && chosen.size() < count; attempt++) {
            int idx = !own.isEmpty() && random.nextDouble() < 0.6
                    ? own.get(random.nextInt(own.size()))
                    : random.nextInt(resources.size());
            chosen.add(resources.get(idx).name());
        }
        return List.copyOf(chosen);
    }

    private String lifecycle() {
        double r = random.nextDouble();
        return r < 0.85 ? "production" : r < 0.95 ? "experimental" : "deprecated";
    }

    private String readiness() {
        double r = random.nextDouble();
        return r < 0.15 ? "A" : r < 0.75 ? "B" : "C";
    }

    private String tier(Layer layer) {
        // Edge services tend to be customer facing, hence more often tier 1.
        int[] weights = layer == Layer.EDGE ? new int[] {25, 35, 30, 10} : new int[] {10, 30, 40, 20};
        return Integer.toString(weightedIndex(weights) + 1);
    }

    private List<String> tags() {
        int count = 1 + random.nextInt(3);
        Set<String> tags = new LinkedHashSet<>();
        while (tags.size() < count) {
            tags.add(pick(Words.TAGS));
        }
        return List.copyOf(tags);
    }

    private String describe(String name, Layer layer) {
        String what = switch (layer) {
            case CORE -> "System of record";
            case MID -> "Business logic";
            case EDGE -> "Customer-facing entry point";
        };
        String base = what + " for " + Words.title(name).toLowerCase();
        // A few descriptions carry characters that need YAML quoting, to keep importers honest.
        return switch (random.nextInt(20)) {
            case 0 -> base + ": owns the \"happy path\" and the retries";
            case 1 -> base + " # not a comment";
            case 2 -> base + " - it's been around since 2019";
            default -> base + ".";
        };
    }

    // ---------------------------------------------------------------- helpers

    private String pick(List<String> words) {
        return words.get(random.nextInt(words.size()));
    }

    private int weightedIndex(int[] weights) {
        int sum = 0;
        for (int w : weights) sum += w;
        int r = random.nextInt(sum);
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) return i;
        }
        return weights.length - 1;
    }

    /** Log-normal weights: most entries near 1, a few much larger. */
    private double[] skewedWeights(int n, double sigma) {
        double[] weights = new double[n];
        for (int i = 0; i < n; i++) {
            weights[i] = Math.exp(random.nextGaussian() * sigma);
        }
        return weights;
    }

    /**
     * Draws candidates until an unused valid one comes up; after a number of collisions falls
     * back to numbering the last candidate, which always terminates.
     */
    private static String unique(Set<String> used, Supplier<String> candidates) {
        String candidate = null;
        for (int attempt = 0; attempt < 25; attempt++) {
            candidate = clip(candidates.get());
            if (used.add(candidate)) return candidate;
        }
        for (int n = 2; ; n++) {
            String suffix = "-" + n;
            String numbered = clip(candidate.substring(0, Math.min(candidate.length(),
                    Words.MAX_NAME_LENGTH - suffix.length()))) + suffix;
            if (used.add(numbered)) return numbered;
        }
    }

    private static String clip(String name) {
        String s = name.length() > Words.MAX_NAME_LENGTH ? name.substring(0, Words.MAX_NAME_LENGTH) : name;
        while (s.endsWith("-")) s = s.substring(0, s.length() - 1);
        return s;
    }

    /** Cumulative-weight sampler (binary search), fixed after construction. */
    static final class WeightedPicker {
        private final double[] cumulative;

        WeightedPicker(double[] weights) {
            cumulative = new double[weights.length];
            double sum = 0;
            for (int i = 0; i < weights.length; i++) {
                sum += weights[i];
                cumulative[i] = sum;
            }
        }

        int pick(Random random) {
            double r = random.nextDouble() * cumulative[cumulative.length - 1];
            int lo = 0;
            int hi = cumulative.length - 1;
            while (lo < hi) {
                int m = (lo + hi) >>> 1;
                if (cumulative[m] > r) hi = m;
                else lo = m + 1;
            }
            return lo;
        }
    }
}
