package dev.tandem.catalog.internal;

import dev.tandem.catalog.ImportOutcome;
import dev.tandem.catalog.ImportedEntity;
import dev.tandem.catalog.PersonRole;
import dev.tandem.catalog.ReadinessLevel;
import dev.tandem.catalog.backstage.ApiDescriptor;
import dev.tandem.catalog.backstage.ComponentDescriptor;
import dev.tandem.catalog.backstage.Descriptor;
import dev.tandem.catalog.backstage.DomainDescriptor;
import dev.tandem.catalog.backstage.EntityRef;
import dev.tandem.catalog.backstage.GroupDescriptor;
import dev.tandem.catalog.backstage.LocationDescriptor;
import dev.tandem.catalog.backstage.ResourceDescriptor;
import dev.tandem.catalog.backstage.SystemDescriptor;
import dev.tandem.catalog.backstage.UserDescriptor;
import dev.tandem.catalog.internal.CatalogState.ApiState;
import dev.tandem.catalog.internal.CatalogState.DomainState;
import dev.tandem.catalog.internal.CatalogState.Membership;
import dev.tandem.catalog.internal.CatalogState.Meta;
import dev.tandem.catalog.internal.CatalogState.PersonState;
import dev.tandem.catalog.internal.CatalogState.ResourceState;
import dev.tandem.catalog.internal.CatalogState.ServiceState;
import dev.tandem.catalog.internal.CatalogState.SystemState;
import dev.tandem.catalog.internal.CatalogState.TeamState;
import dev.tandem.shared.DocumentProblem;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns validated descriptors into the catalog state they describe, checking what one document cannot
 * check alone: duplicates, references to entities in the file or already stored, and the fields
 * Tandem reads from annotations. Every problem is collected; the caller writes nothing if there is one.
 */
public final class DescriptorMapping {

    /** The entities of one file as state, plus what was skipped and what is wrong. */
    public record Result(CatalogState desired, List<ImportedEntity> skipped, List<DocumentProblem> problems,
                         Set<String> peopleInFile) {
    }

    private final CatalogState stored;
    private final List<DocumentProblem> problems = new ArrayList<>();
    private final Map<String, Descriptor> seen = new HashMap<>();
    private final Map<String, TeamState> teams = new LinkedHashMap<>();
    private final Map<String, PersonState> people = new LinkedHashMap<>();
    private final Map<String, DomainState> domains = new LinkedHashMap<>();
    private final Map<String, SystemState> systems = new LinkedHashMap<>();
    private final Map<String, ResourceState> resources = new LinkedHashMap<>();
    private final Map<String, ApiState> apis = new LinkedHashMap<>();
    private final Map<String, ServiceState> services = new LinkedHashMap<>();
    private final Set<Membership> memberships = new LinkedHashSet<>();
    private final Map<String, String> childParents = new HashMap<>();
    private final List<ImportedEntity> skipped = new ArrayList<>();

    private DescriptorMapping(CatalogState stored) {
        this.stored = stored;
    }

    public static Result map(List<Descriptor> descriptors, CatalogState stored) {
        DescriptorMapping mapping = new DescriptorMapping(stored);
        for (Descriptor d : descriptors) {
            mapping.register(d);
        }
        for (Descriptor d : descriptors) {
            if (d instanceof LocationDescriptor) {
                mapping.skipped.add(new ImportedEntity(d.kind(), d.name(), ImportOutcome.SKIPPED,
                        "Location entities point at other files; import those files instead"));
            } else if (mapping.seen.get(key(d)) == d) {
                mapping.mapOne(d);
            }
        }
        mapping.applyChildren(descriptors);
        return new Result(new CatalogState(mapping.teams, mapping.people, mapping.domains, mapping.systems,
                mapping.resources, mapping.apis, mapping.services, mapping.memberships), mapping.skipped,
                mapping.problems, mapping.people.keySet());
    }

    private void register(Descriptor d) {
        if (!EntityRef.DEFAULT_NAMESPACE.equals(d.metadata().namespace())) {
            problem(d, "metadata.namespace", "only the default namespace is supported, found '"
                    + d.metadata().namespace() + "'");
        }
        Descriptor earlier = seen.putIfAbsent(key(d), d);
        if (earlier != null) {
            problem(d, "metadata.name", d.kind() + " '" + d.name() + "' is already defined in document "
                    + (earlier.index() + 1) + " (line " + earlier.line() + ")");
        }
    }

    private void mapOne(Descriptor d) {
        if (d instanceof GroupDescriptor g) {
            group(g);
        } else if (d instanceof UserDescriptor u) {
            user(u);
        } else if (d instanceof DomainDescriptor dom) {
            domains.put(dom.name(), new DomainState(dom.name(), dom.metadata().title(), dom.metadata().description(),
                    owner(d, dom.owner()), KeptMetadata.of(dom.metadata(), false, Set.of())));
        } else if (d instanceof SystemDescriptor s) {
            systems.put(s.name(), new SystemState(s.name(), s.metadata().title(), s.metadata().description(),
                    owner(d, s.owner()), ref(d, "spec.domain", s.domain(), "domain"), KeptMetadata.of(s.metadata(), false, Set.of())));
        } else if (d instanceof ResourceDescriptor r) {
            resource(r);
        } else if (d instanceof ApiDescriptor a) {
            apis.put(a.name(), new ApiState(a.name(), a.metadata().title(), a.metadata().description(), a.type(),
                    a.lifecycle(), owner(d, a.owner()), ref(d, "spec.system", a.system(), "system"), a.definition(),
                    KeptMetadata.of(a.metadata(), false, Set.of())));
        } else if (d instanceof ComponentDescriptor c) {
            component(c);
        }
    }

    private void group(GroupDescriptor g) {
        String parent = ref(g, "spec.parent", g.parent(), "group");
        String displayName = g.displayName() != null ? g.displayName() : g.metadata().title();
        teams.put(g.name(), new TeamState(g.name(), displayName, g.metadata().description(),
                g.metadata().annotations().get(Annotations.CHAT_CHANNEL), g.email(), g.type(), parent,
                KeptMetadata.of(g.metadata(), false, Set.of(Annotations.CHAT_CHANNEL))));
        for (int i = 0; i < g.children().size(); i++) {
            String child = ref(g, "spec.children[" + i + "]", g.children().get(i), "group");
            if (child != null) {
                String other = childParents.putIfAbsent(child, g.name());
                if (other != null && !other.equals(g.name())) {
                    problem(g, "spec.children[" + i + "]", "group '" + child + "' is already a child of '" + other + "'");
                }
            }
        }
        for (int i = 0; i < g.members().size(); i++) {
            String person = ref(g, "spec.members[" + i + "]", g.members().get(i), "user");
            if (person != null) {
                memberships.add(new Membership(g.name(), person));
            }
        }
    }

    private void user(UserDescriptor u) {
        String roleText = u.metadata().annotations().get(Annotations.ROLE);
        PersonRole role = roleText == null ? PersonRole.ENGINEER : PersonRole.parse(roleText);
        if (role == null) {
            problem(u, "metadata.annotations." + Annotations.ROLE, "unknown role '" + roleText + "'; use sre, engineer or manager");
            role = PersonRole.ENGINEER;
        }
        String displayName = u.displayName() != null ? u.displayName() : u.metadata().title();
        people.put(u.name(), new PersonState(u.name(), displayName, u.email(), role.name(),
                KeptMetadata.of(u.metadata(), false, Set.of(Annotations.ROLE))));
        for (int i = 0; i < u.memberOf().size(); i++) {
            String team = ref(u, "spec.memberOf[" + i + "]", u.memberOf().get(i), "group");
            if (team != null) {
                memberships.add(new Membership(team, u.name()));
            }
        }
    }

    private void resource(ResourceDescriptor r) {
        List<String> dependsOn = r.dependsOn().stream().map(EntityRef::toString).sorted().toList();
        Map<String, String> extra = dependsOn.isEmpty() ? Map.of() : Map.of("dependsOn", String.join(",", dependsOn));
        Meta meta = KeptMetadata.of(r.metadata(), false, Set.of());
        resources.put(r.name(), new ResourceState(r.name(), r.metadata().title(), r.metadata().description(), r.type(),
                owner(r, r.owner()), ref(r, "spec.system", r.system(), "system"),
                new Meta(meta.title(), meta.labels(), meta.annotations(), meta.tags(), meta.links(), extra)));
    }

    private void component(ComponentDescriptor c) {
        Map<String, String> annotations = c.metadata().annotations();
        String levelText = annotations.get(Annotations.READINESS_LEVEL);
        ReadinessLevel level = levelText == null ? ReadinessLevel.B : ReadinessLevel.parse(levelText);
        if (level == null) {
            problem(c, "metadata.annotations." + Annotations.READINESS_LEVEL, "readiness level must be A, B or C, found '" + levelText + "'");
        }
        Integer tier = null;
        String tierText = annotations.get(Annotations.TIER);
        if (tierText != null) {
            try {
                tier = Integer.parseInt(tierText.trim());
            } catch (NumberFormatException e) {
                tier = -1;
            }
            if (tier < 1 || tier > 4) {
                problem(c, "metadata.annotations." + Annotations.TIER, "tier must be a number from 1 to 4, found '" + tierText + "'");
                tier = null;
            }
        }
        String source = annotations.get(Annotations.SOURCE_LOCATION);
        String repository = source == null ? null : source.startsWith("url:") ? source.substring(4) : source;
        List<dev.tandem.catalog.Link> links = c.metadata().links().stream()
                .map(l -> new dev.tandem.catalog.Link(l.url(), l.title(), l.type())).toList();
        String runbook = annotations.get(Annotations.RUNBOOK_URL);
        if (runbook == null) {
            runbook = links.stream().filter(l -> "runbook".equalsIgnoreCase(l.type())).map(dev.tandem.catalog.Link::url)
                    .findFirst().orElse(null);
        } else if (runbook.isBlank()) {
            runbook = null; // an empty annotation says "no runbook", even when there is a runbook link
        }
        List<String> dependsOn = new ArrayList<>();
        List<String> dependsOnResources = new ArrayList<>();
        for (int i = 0; i < c.dependsOn().size(); i++) {
            EntityRef target = c.dependsOn().get(i);
            String path = "spec.dependsOn[" + i + "]";
            if (target.kind().equals("component")) {
                KeptMetadata.addIfResolved(dependsOn, ref(c, path, target, "component"));
                if (target.name().equals(c.name())) {
                    problem(c, path, "a component cannot depend on itself");
                }
            } else if (target.kind().equals("resource")) {
                KeptMetadata.addIfResolved(dependsOnResources, ref(c, path, target, "resource"));
            } else {
                problem(c, path, "dependsOn may name components and resources only, found '" + target.compact(null) + "'");
            }
        }
        List<String> provides = new ArrayList<>();
        for (int i = 0; i < c.providesApis().size(); i++) {
            KeptMetadata.addIfResolved(provides, ref(c, "spec.providesApis[" + i + "]", c.providesApis().get(i), "api"));
        }
        List<String> consumes = new ArrayList<>();
        for (int i = 0; i < c.consumesApis().size(); i++) {
            KeptMetadata.addIfResolved(consumes, ref(c, "spec.consumesApis[" + i + "]", c.consumesApis().get(i), "api"));
        }
        Meta meta = KeptMetadata.of(c.metadata(), true, Set.of(Annotations.READINESS_LEVEL, Annotations.TIER,
                Annotations.SOURCE_LOCATION, Annotations.RUNBOOK_URL));
        if (c.subcomponentOf() != null) {
            meta = new Meta(meta.title(), meta.labels(), meta.annotations(), meta.tags(), meta.links(),
                    Map.of("subcomponentOf", c.subcomponentOf().toString()));
        }
        services.put(c.name(), new ServiceState(c.name(), c.metadata().title(), c.metadata().description(), c.type(),
                owner(c, c.owner()), ref(c, "spec.system", c.system(), "system"),
                level == null ? "B" : level.name(), c.lifecycle(), tier, repository, runbook,
                List.copyOf(c.metadata().tags()), links, meta, KeptMetadata.sorted(dependsOn), KeptMetadata.sorted(dependsOnResources),
                KeptMetadata.sorted(provides), KeptMetadata.sorted(consumes)));
    }

    private void applyChildren(List<Descriptor> descriptors) {
        childParents.forEach((child, parent) -> {
            TeamState team = teams.get(child);
            if (team == null) {
                TeamState storedTeam = stored.teams().get(child);
                if (storedTeam != null) {
                    team = storedTeam;
                }
            }
            if (team != null && team.parent() != null && !team.parent().equals(parent)) {
                Descriptor d = seen.get("group:" + child);
                if (d != null) {
                    problem(d, "spec.parent", "parent '" + team.parent() + "' contradicts group '" + parent
                            + "', which lists it among its children");
                }
            } else if (team != null) {
                teams.put(child, new TeamState(team.name(), team.displayName(), team.description(), team.chatChannel(),
                        team.email(), team.type(), parent, team.meta()));
            }
        });
    }

    /** The owner must be a group, known to the file or to the catalog. */
    private String owner(Descriptor d, EntityRef owner) {
        if (owner != null && !owner.kind().equals("group")) {
            problem(d, "spec.owner", "the owner must be a group (a team), found '" + owner.compact("group") + "'");
            return null;
        }
        return ref(d, "spec.owner", owner, "group");
    }

    private String ref(Descriptor d, String path, EntityRef ref, String kind) {
        if (ref == null) {
            return null;
        }
        if (!EntityRef.DEFAULT_NAMESPACE.equals(ref.namespace())) {
            problem(d, path, "only the default namespace is supported, found '" + ref + "'");
            return null;
        }
        if (!ref.kind().equals(kind)) {
            problem(d, path, "expected a reference to a " + kind + ", found '" + ref.compact(null) + "'");
            return null;
        }
        boolean known = seen.containsKey(kind + ":" + ref.name()) || switch (kind) {
            case "group" -> stored.teams().containsKey(ref.name());
            case "user" -> stored.people().containsKey(ref.name());
            case "domain" -> stored.domains().containsKey(ref.name());
            case "system" -> stored.systems().containsKey(ref.name());
            case "resource" -> stored.resources().containsKey(ref.name());
            case "api" -> stored.apis().containsKey(ref.name());
            case "component" -> stored.services().containsKey(ref.name());
            default -> false;
        };
        if (!known) {
            problem(d, path, kind + " '" + ref.name() + "' is neither in this file nor in the catalog");
            return null;
        }
        return ref.name();
    }

    private void problem(Descriptor d, String path, String message) {
        problems.add(new DocumentProblem(d.index(), d.line(), d.kind(), d.name(), path, message));
    }

    private static String key(Descriptor d) {
        return d.kind().toLowerCase(java.util.Locale.ROOT) + ":" + d.name();
    }
}
