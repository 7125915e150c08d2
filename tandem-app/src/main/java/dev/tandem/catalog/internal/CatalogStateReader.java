package dev.tandem.catalog.internal;

import dev.tandem.catalog.internal.CatalogState.ApiState;
import dev.tandem.catalog.internal.CatalogState.DomainState;
import dev.tandem.catalog.internal.CatalogState.Membership;
import dev.tandem.catalog.internal.CatalogState.Meta;
import dev.tandem.catalog.internal.CatalogState.PersonState;
import dev.tandem.catalog.internal.CatalogState.ResourceState;
import dev.tandem.catalog.internal.CatalogState.ServiceState;
import dev.tandem.catalog.internal.CatalogState.SystemState;
import dev.tandem.catalog.internal.CatalogState.TeamState;
import dev.tandem.shared.Json;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Reads the whole catalog as {@link CatalogState}, one query per table (no query per row). */
@Component
public class CatalogStateReader {

    private final JdbcClient jdbc;

    CatalogStateReader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public CatalogState load() {
        Map<String, TeamState> teams = new TreeMap<>();
        jdbc.sql("select t.*, p.name parent_name from teams t left join teams p on p.id = t.parent_id").query(rs -> {
            teams.put(rs.getString("name"), new TeamState(rs.getString("name"), rs.getString("display_name"),
                    rs.getString("description"), rs.getString("chat_channel"), rs.getString("email"),
                    rs.getString("team_type"), rs.getString("parent_name"), meta(rs.getString("meta"))));
        });
        Map<String, PersonState> people = new TreeMap<>();
        jdbc.sql("select * from people").query(rs -> {
            people.put(rs.getString("name"), new PersonState(rs.getString("name"), rs.getString("display_name"),
                    rs.getString("email"), rs.getString("role"), meta(rs.getString("meta"))));
        });
        Set<Membership> memberships = new LinkedHashSet<>();
        jdbc.sql("select t.name, p.name from team_members m join teams t on t.id = m.team_id join people p on p.id = m.person_id"
                + " order by t.name, p.name").query(rs -> {
            memberships.add(new Membership(rs.getString(1), rs.getString(2)));
        });
        Map<String, DomainState> domains = new TreeMap<>();
        jdbc.sql("select d.*, t.name owner_name from domains d join teams t on t.id = d.owner_team_id").query(rs -> {
            domains.put(rs.getString("name"), new DomainState(rs.getString("name"), rs.getString("title"),
                    rs.getString("description"), rs.getString("owner_name"), titled(rs.getString("meta"), rs.getString("title"))));
        });
        Map<String, SystemState> systems = new TreeMap<>();
        jdbc.sql("""
                select y.*, t.name owner_name, d.name domain_name from systems y join teams t on t.id = y.owner_team_id
                left join domains d on d.id = y.domain_id""").query(rs -> {
            systems.put(rs.getString("name"), new SystemState(rs.getString("name"), rs.getString("title"),
                    rs.getString("description"), rs.getString("owner_name"), rs.getString("domain_name"),
                    titled(rs.getString("meta"), rs.getString("title"))));
        });
        Map<String, ResourceState> resources = new TreeMap<>();
        jdbc.sql("""
                select r.*, t.name owner_name, y.name system_name from resources r join teams t on t.id = r.owner_team_id
                left join systems y on y.id = r.system_id""").query(rs -> {
            resources.put(rs.getString("name"), new ResourceState(rs.getString("name"), rs.getString("title"),
                    rs.getString("description"), rs.getString("resource_type"), rs.getString("owner_name"),
                    rs.getString("system_name"), titled(rs.getString("meta"), rs.getString("title"))));
        });
        Map<String, ApiState> apis = new TreeMap<>();
        jdbc.sql("""
                select a.*, t.name owner_name, y.name system_name from apis a join teams t on t.id = a.owner_team_id
                left join systems y on y.id = a.system_id""").query(rs -> {
            apis.put(rs.getString("name"), new ApiState(rs.getString("name"), rs.getString("title"),
                    rs.getString("description"), rs.getString("api_type"), rs.getString("lifecycle"),
                    rs.getString("owner_name"), rs.getString("system_name"), rs.getString("definition"),
                    titled(rs.getString("meta"), rs.getString("title"))));
        });
        return new CatalogState(teams, people, domains, systems, resources, apis, services(), memberships);
    }

    private Map<String, ServiceState> services() {
        Map<String, List<String>> dependsOn = relation("""
                select s.name, t.name from service_dependencies d join services s on s.id = d.service_id
                join services t on t.id = d.depends_on_id order by s.name, t.name""");
        Map<String, List<String>> resources = relation("""
                select s.name, r.name from service_resources d join services s on s.id = d.service_id
                join resources r on r.id = d.resource_id order by s.name, r.name""");
        Map<String, List<String>> provides = relation("""
                select s.name, a.name from service_apis x join services s on s.id = x.service_id
                join apis a on a.id = x.api_id where x.relation = 'PROVIDES' order by s.name, a.name""");
        Map<String, List<String>> consumes = relation("""
                select s.name, a.name from service_apis x join services s on s.id = x.service_id
                join apis a on a.id = x.api_id where x.relation = 'CONSUMES' order by s.name, a.name""");
        Map<String, ServiceState> services = new LinkedHashMap<>();
        jdbc.sql("""
                select s.*, t.name owner_name, y.name system_name from services s join teams t on t.id = s.owner_team_id
                left join systems y on y.id = s.system_id order by s.name""").query(rs -> {
            String name = rs.getString("name");
            services.put(name, new ServiceState(name, rs.getString("title"), rs.getString("description"),
                    rs.getString("service_type"), rs.getString("owner_name"), rs.getString("system_name"),
                    rs.getString("readiness_level"), rs.getString("lifecycle"), Sql.integer(rs, "tier"),
                    rs.getString("repository_url"), rs.getString("runbook_url"), ServiceRows.tags(rs.getString("tags")),
                    ServiceRows.links(rs.getString("links")), titled(rs.getString("meta"), rs.getString("title")),
                    dependsOn.getOrDefault(name, List.of()), resources.getOrDefault(name, List.of()),
                    provides.getOrDefault(name, List.of()), consumes.getOrDefault(name, List.of())));
        });
        return services;
    }

    private Map<String, List<String>> relation(String sql) {
        Map<String, List<String>> map = new HashMap<>();
        jdbc.sql(sql).query(rs -> {
            map.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
        });
        return map;
    }

    static Meta meta(String json) {
        return json == null || json.isBlank() ? Meta.EMPTY : Json.read(json, Meta.class);
    }

    /**
     * The kept metadata of a kind whose title is a column of its own. An import maps metadata.title to
     * both, but the API changes only the column, so the column wins: otherwise a record made or retitled
     * through the API would differ from its own export (and a system's export would lose its title).
     */
    private static Meta titled(String json, String title) {
        Meta meta = meta(json);
        return java.util.Objects.equals(meta.title(), title) ? meta
                : new Meta(title, meta.labels(), meta.annotations(), meta.tags(), meta.links(), meta.extra());
    }

    static String metaJson(Meta meta) {
        return meta == null || meta.equals(Meta.EMPTY) ? null : Json.write(meta);
    }
}
