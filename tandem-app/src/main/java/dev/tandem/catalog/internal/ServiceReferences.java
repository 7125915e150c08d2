package dev.tandem.catalog.internal;

import dev.tandem.catalog.ServiceDraft;
import dev.tandem.shared.FieldProblem;
import dev.tandem.shared.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Resolves the names a service draft refers to (owner, system, services and resources it depends on)
 * into ids, reporting every unknown one at once, and writes the dependency rows.
 */
@Component
public class ServiceReferences {

    private final JdbcClient jdbc;

    ServiceReferences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Resolved(long ownerId, Long systemId, List<Long> dependsOn, List<Long> resources) {
    }

    public Resolved resolve(ServiceDraft draft, Long selfId) {
        List<FieldProblem> problems = new ArrayList<>();
        Long ownerId = idOf("teams", draft.owner());
        if (ownerId == null) {
            problems.add(new FieldProblem("owner", "team '" + draft.owner() + "' does not exist"));
        }
        Long systemId = null;
        if (draft.system() != null && !draft.system().isBlank()) {
            systemId = idOf("systems", draft.system().trim());
            if (systemId == null) {
                problems.add(new FieldProblem("system", "system '" + draft.system() + "' does not exist"));
            }
        }
        List<Long> deps = new ArrayList<>();
        int i = 0;
        for (String dep : new LinkedHashSet<>(draft.dependsOn())) {
            Long id = idOf("services", dep.trim());
            if (id == null) {
                problems.add(new FieldProblem("dependsOn[" + i + "]", "service '" + dep + "' does not exist"));
            } else if (id.equals(selfId) || dep.trim().equals(draft.name())) {
                problems.add(new FieldProblem("dependsOn[" + i + "]", "a service cannot depend on itself"));
            } else {
                deps.add(id);
            }
            i++;
        }
        List<Long> resources = new ArrayList<>();
        i = 0;
        for (String res : new LinkedHashSet<>(draft.dependsOnResources())) {
            Long id = idOf("resources", res.trim());
            if (id == null) {
                problems.add(new FieldProblem("dependsOnResources[" + i + "]", "resource '" + res + "' does not exist"));
            } else {
                resources.add(id);
            }
            i++;
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Resolved(ownerId, systemId, deps, resources);
    }

    public void write(long id, Resolved r) {
        for (Long dep : r.dependsOn()) {
            jdbc.sql("insert into service_dependencies (service_id, depends_on_id) values (?, ?)").params(id, dep).update();
        }
        for (Long res : r.resources()) {
            jdbc.sql("insert into service_resources (service_id, resource_id) values (?, ?)").params(id, res).update();
        }
    }

    private Long idOf(String table, String name) {
        return jdbc.sql("select id from " + table + " where name = ?").param(name).query(Long.class).optional().orElse(null);
    }

}
