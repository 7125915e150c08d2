package dev.tandem.catalog.internal;

import dev.tandem.catalog.backstage.ApiDescriptor;
import dev.tandem.catalog.backstage.ComponentDescriptor;
import dev.tandem.catalog.backstage.Descriptor;
import dev.tandem.catalog.backstage.DomainDescriptor;
import dev.tandem.catalog.backstage.EntityRef;
import dev.tandem.catalog.backstage.GroupDescriptor;
import dev.tandem.catalog.backstage.Link;
import dev.tandem.catalog.backstage.Metadata;
import dev.tandem.catalog.backstage.ResourceDescriptor;
import dev.tandem.catalog.backstage.SystemDescriptor;
import dev.tandem.catalog.backstage.UserDescriptor;
import dev.tandem.catalog.internal.CatalogState.Membership;
import dev.tandem.catalog.internal.CatalogState.Meta;
import dev.tandem.catalog.internal.CatalogState.ServiceState;
import dev.tandem.catalog.internal.CatalogState.TeamState;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The inverse of {@link DescriptorMapping}: the catalog as Backstage descriptors, for export. */
public final class StateDescriptors {

    private StateDescriptors() {
    }

    public static List<Descriptor> of(CatalogState state) {
        List<Descriptor> out = new ArrayList<>();
        state.teams().values().forEach(t -> out.add(group(t, state)));
        state.people().values().forEach(p -> {
            Map<String, String> annotations = new LinkedHashMap<>(p.meta().annotations());
            if (!"ENGINEER".equals(p.role())) {
                annotations.put(Annotations.ROLE, p.role().toLowerCase(Locale.ROOT));
            }
            List<EntityRef> memberOf = state.memberships().stream().filter(m -> m.person().equals(p.name()))
                    .map(Membership::team).sorted().map(t -> ref("group", t)).toList();
            out.add(new UserDescriptor(0, 0, metadata(p.name(), p.meta(), null, annotations, p.meta().tags()),
                    p.displayName(), p.email(), memberOf));
        });
        state.domains().values().forEach(d -> out.add(new DomainDescriptor(0, 0,
                metadata(d.name(), d.meta(), d.description(), d.meta().annotations(), d.meta().tags()), ref("group", d.owner()))));
        state.systems().values().forEach(s -> out.add(new SystemDescriptor(0, 0,
                metadata(s.name(), s.meta(), s.description(), s.meta().annotations(), s.meta().tags()),
                ref("group", s.owner()), ref("domain", s.domain()))));
        state.resources().values().forEach(r -> {
            String deps = r.meta().extra().get("dependsOn");
            List<EntityRef> dependsOn = deps == null ? List.of()
                    : Arrays.stream(deps.split(",")).map(d -> EntityRef.parse(d, "component")).toList();
            out.add(new ResourceDescriptor(0, 0, metadata(r.name(), r.meta(), r.description(), r.meta().annotations(),
                    r.meta().tags()), r.type(), ref("group", r.owner()), ref("system", r.system()), dependsOn));
        });
        state.apis().values().forEach(a -> out.add(new ApiDescriptor(0, 0,
                metadata(a.name(), a.meta(), a.description(), a.meta().annotations(), a.meta().tags()), a.type(),
                a.lifecycle(), ref("group", a.owner()), ref("system", a.system()), a.definition())));
        state.services().values().forEach(s -> out.add(component(s)));
        return out;
    }

    private static GroupDescriptor group(TeamState t, CatalogState state) {
        Map<String, String> annotations = new LinkedHashMap<>(t.meta().annotations());
        if (t.chatChannel() != null) {
            annotations.put(Annotations.CHAT_CHANNEL, t.chatChannel());
        }
        List<EntityRef> children = state.teams().values().stream().filter(c -> t.name().equals(c.parent()))
                .map(c -> ref("group", c.name())).toList();
        return new GroupDescriptor(0, 0, metadata(t.name(), t.meta(), t.description(), annotations, t.meta().tags()),
                t.type(), t.displayName(), t.email(), ref("group", t.parent()), children, List.of());
    }

    private static ComponentDescriptor component(ServiceState s) {
        Map<String, String> annotations = new LinkedHashMap<>(s.meta().annotations());
        annotations.put(Annotations.READINESS_LEVEL, s.level());
        if (s.tier() != null) {
            annotations.put(Annotations.TIER, String.valueOf(s.tier()));
        }
        if (s.repositoryUrl() != null) {
            annotations.put(Annotations.SOURCE_LOCATION, "url:" + s.repositoryUrl());
        }
        // without the annotation, an import takes the first runbook link; say so only when that would differ
        String runbookFromLinks = s.links().stream().filter(l -> "runbook".equalsIgnoreCase(l.type()))
                .map(dev.tandem.catalog.Link::url).findFirst().orElse(null);
        if (!java.util.Objects.equals(s.runbookUrl(), runbookFromLinks)) {
            annotations.put(Annotations.RUNBOOK_URL, s.runbookUrl() == null ? "" : s.runbookUrl());
        }
        List<Link> links = s.links().stream().map(l -> new Link(l.url(), l.title(), null, l.type())).toList();
        Metadata metadata = new Metadata(s.name(), null, s.title(), s.description(), s.meta().labels(), annotations,
                s.tags(), links);
        List<EntityRef> dependsOn = new ArrayList<>();
        s.dependsOn().forEach(d -> dependsOn.add(ref("component", d)));
        s.resources().forEach(r -> dependsOn.add(ref("resource", r)));
        String sub = s.meta().extra().get("subcomponentOf");
        return new ComponentDescriptor(0, 0, metadata, s.type(), s.lifecycle(), ref("group", s.owner()),
                ref("system", s.system()), sub == null ? null : EntityRef.parse(sub, "component"), dependsOn,
                s.providesApis().stream().map(a -> ref("api", a)).toList(),
                s.consumesApis().stream().map(a -> ref("api", a)).toList());
    }

    private static Metadata metadata(String name, Meta meta, String description, Map<String, String> annotations,
                                     List<String> tags) {
        List<Link> links = meta.links().stream()
                .map(l -> new Link(l.get("url"), l.get("title"), l.get("icon"), l.get("type"))).toList();
        return new Metadata(name, null, meta.title(), description, meta.labels(), annotations, tags, links);
    }

    private static EntityRef ref(String kind, String name) {
        return name == null ? null : new EntityRef(kind, null, name);
    }
}
