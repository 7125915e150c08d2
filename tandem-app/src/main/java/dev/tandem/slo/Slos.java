package dev.tandem.slo;

import dev.tandem.accounts.AccessPolicy;
import dev.tandem.audit.AuditLog;
import dev.tandem.catalog.Service;
import dev.tandem.catalog.Services;
import dev.tandem.shared.DocumentProblem;
import dev.tandem.shared.InvalidDocumentException;
import dev.tandem.shared.InvalidInputException;
import dev.tandem.shared.Json;
import dev.tandem.shared.NotFoundException;
import dev.tandem.shared.Page;
import dev.tandem.shared.PageRequest;
import dev.tandem.shared.PagedQuery;
import dev.tandem.shared.StaleVersionException;
import dev.tandem.slo.format.SloFiles;
import dev.tandem.slo.format.SloImport;
import dev.tandem.slo.format.SloProblem;
import dev.tandem.slo.internal.BuiltInStore;
import dev.tandem.slo.internal.SloDocuments;
import dev.tandem.slo.internal.SloRows;
import dev.tandem.slo.internal.SloStates;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SLO registry. SLOs are imported from OpenSLO v1 or Sloth files (all or nothing), each belongs to a
 * catalog service, and whoever may change that service's team's records may change its SLOs. Every
 * change is audited; each SLO carries an optimistic version.
 */
@Component
public class Slos {

    static final String TYPE = "slo";
    private static final Map<String, String> SORTS = Map.of(
            "remaining", "coalesce(st.budget_remaining, 1)", "name", "o.name", "service", "s.name", "target", "o.target");

    private final JdbcClient jdbc;
    private final Services services;
    private final AccessPolicy policy;
    private final AuditLog audit;
    private final BuiltInStore store;
    private final SloStates states;
    private final ApplicationEventPublisher events;

    Slos(JdbcClient jdbc, Services services, AccessPolicy policy, AuditLog audit, BuiltInStore store, SloStates states,
         ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.services = services;
        this.policy = policy;
        this.audit = audit;
        this.store = store;
        this.states = states;
        this.events = events;
    }

    /** A page of SLOs; by default the least remaining budget first (never evaluated counts as untouched). */
    public Page<SloSummary> list(SloQuery query, PageRequest request) {
        StringBuilder where = new StringBuilder(" where 1=1");
        List<Object> params = new ArrayList<>();
        if (query.service() != null && !query.service().isBlank()) {
            where.append(" and s.name = ?");
            params.add(query.service().trim());
        }
        if (query.team() != null && !query.team().isBlank()) {
            where.append(" and t.name = ?");
            params.add(query.team().trim());
        }
        String key = request.sortOr("remaining", SORTS.keySet());
        String order = SORTS.get(key) + (request.descending() ? " desc" : " asc") + (key.equals("name") ? "" : ", o.name");
        return PagedQuery.page(jdbc, "select count(*)" + SloRows.FROM + where,
                "select " + SloRows.COLUMNS + SloRows.FROM + where + " order by " + order, params, request, SloRows.SUMMARY);
    }

    public List<SloSummary> forService(String service) {
        services.get(service);
        return jdbc.sql("select " + SloRows.COLUMNS + SloRows.FROM + " where s.name = ? order by coalesce(st.budget_remaining, 1), o.name")
                .param(service).query(SloRows.SUMMARY).list();
    }

    public Optional<Slo> find(String name) {
        return jdbc.sql("select " + SloRows.COLUMNS + SloRows.FROM + " where o.name = ?").param(name).query(SloRows.SLO).optional();
    }

    public Slo get(String name) {
        return find(name).orElseThrow(() -> new NotFoundException(TYPE, name));
    }

    /** Every SLO, for the scheduled evaluation. */
    public List<Slo> all() {
        return jdbc.sql("select " + SloRows.COLUMNS + SloRows.FROM + " order by o.name").query(SloRows.SLO).list();
    }

    /**
     * Imports a definitions file (OpenSLO v1 or Sloth): everything or, with every problem located by
     * document, line and field, nothing. Importing the same content again changes nothing.
     */
    @Transactional
    public SloImportResult importDocument(String text, boolean dryRun) {
        if (text == null || text.isBlank()) {
            throw new InvalidDocumentException(List.of(new DocumentProblem(-1, null, null, null, null, "the file is empty")));
        }
        SloImport read = SloFiles.read(text);
        if (!read.isValid()) {
            throw new InvalidDocumentException(read.problems().stream().map(SloDocuments::problem).toList());
        }
        if (read.slos().isEmpty()) {
            throw new InvalidDocumentException(List.of(new DocumentProblem(-1, null, null, null, null,
                    "the file defines no SLO (kind: SLO in OpenSLO, or slos: in a Sloth spec)")));
        }
        List<SloDocuments.Entry> entries = SloDocuments.entries(read.documents());
        List<DocumentProblem> problems = new ArrayList<>();
        Map<String, Service> servicesByName = new LinkedHashMap<>();
        for (SloDocuments.Entry e : entries) {
            String service = e.definition().service();
            if (service == null || service.isBlank()) {
                problems.add(new DocumentProblem(-1, null, "SLO", e.definition().name(), "spec.service",
                        "an SLO must name the catalog service it belongs to"));
                continue;
            }
            Optional<Service> found = servicesByName.containsKey(service) ? Optional.of(servicesByName.get(service)) : services.find(service);
            if (found.isEmpty()) {
                problems.add(SloDocuments.problemAtService(text, e.definition(), "no service '" + service
                        + "' in the catalog; add it there first (SLOs belong to catalog services)"));
            } else {
                servicesByName.put(service, found.get());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidDocumentException(problems);
        }
        // every service the file touches, and every service an SLO would move away from
        for (Service s : servicesByName.values()) {
            policy.requireChangeTeam(s.owner());
        }
        List<SloImportResult.Entry> outcomes = new ArrayList<>();
        for (SloDocuments.Entry e : entries) {
            Optional<Slo> before = find(e.definition().name());
            Service service = servicesByName.get(e.definition().service());
            if (before.isPresent() && !before.get().service().equals(service.name())) {
                policy.requireChangeTeam(before.get().ownerTeam());
            }
            if (before.isEmpty()) {
                if (!dryRun) {
                    insert(e, service);
                }
                outcomes.add(new SloImportResult.Entry(e.definition().name(), service.name(), "created", 0));
            } else if (before.get().document().equals(e.document())) {
                outcomes.add(new SloImportResult.Entry(e.definition().name(), service.name(), "unchanged", before.get().version()));
            } else {
                if (!dryRun) {
                    update(before.get(), e, service);
                }
                outcomes.add(new SloImportResult.Entry(e.definition().name(), service.name(), "updated",
                        before.get().version() + (dryRun ? 0 : 1)));
            }
        }
        if (!dryRun) {
            for (SloDocuments.Entry e : entries) {
                if (e.definition().indicator().readsBuiltInStore()) {
                    store.configure(e.definition().name(), e.definition());
                }
            }
            for (Service s : servicesByName.values()) {
                events.publishEvent(new SlosChanged(s.name()));
            }
        }
        List<String> warnings = new ArrayList<>(read.warnings().stream().map(SloProblem::toString).toList());
        warnings.addAll(SloDocuments.notStored(read.documents()));
        return new SloImportResult(dryRun, outcomes, warnings);
    }

    private void insert(SloDocuments.Entry e, Service service) {
        SloDefinition d = e.definition();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
                insert into slos (name, service_id, owner, display_name, target, source_kind, source_url, document, digest,
                  created_at, updated_at, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""")
                .params(d.name(), service.id(), d.owner(), d.displayName(), d.objective().target(), e.source(), e.sourceUrl(),
                        e.document(), e.digest(), now, now)
                .update();
        audit.record("create", TYPE, d.name(), "imported for service " + service.name(), null, auditView(d, service.name(), e.document()));
    }

    private void update(Slo before, SloDocuments.Entry e, Service service) {
        SloDefinition d = e.definition();
        int changed = jdbc.sql("""
                update slos set service_id = ?, owner = ?, display_name = ?, target = ?, source_kind = ?, source_url = ?,
                  document = ?, digest = ?, updated_at = ?, version = version + 1 where id = ? and version = ?""")
                .params(service.id(), d.owner(), d.displayName(), d.objective().target(), e.source(), e.sourceUrl(),
                        e.document(), e.digest(), Timestamp.from(Instant.now()), before.id(), before.version())
                .update();
        if (changed == 0) {
            throw new StaleVersionException(TYPE, d.name(), before.version(), get(d.name()).version());
        }
        if (!sameFigures(before, e)) {
            states.forget(before.id());
        }
        audit.record("update", TYPE, d.name(), "re-imported (version " + (before.version() + 1) + ")",
                auditView(before.definition(), before.service(), before.document()), auditView(d, service.name(), e.document()));
    }

    /**
     * Whether the old figures still describe the new definition: only names, descriptions, owners and labels
     * changed, not what is measured, against what, over which window or from which source.
     */
    static boolean sameFigures(Slo before, SloDocuments.Entry after) {
        SloDefinition a = before.definition();
        SloDefinition b = after.definition();
        return a.indicator().equals(b.indicator()) && a.objective().equals(b.objective())
                && a.timeWindow().equals(b.timeWindow()) && a.budgetingMethod().equals(b.budgetingMethod())
                && a.alertTiers().equals(b.alertTiers()) && a.minimumEvents() == b.minimumEvents()
                && java.util.Objects.equals(before.source(), after.source())
                && java.util.Objects.equals(before.sourceUrl(), after.sourceUrl());
    }

    private static Map<String, Object> auditView(SloDefinition d, String service, String document) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", d.name());
        m.put("service", service);
        if (d.owner() != null) {
            m.put("owner", d.owner());
        }
        m.put("target", d.objective().target());
        m.put("document", document);
        return m;
    }

    /** The SLO as an OpenSLO v1 file (with the DataSources it references). */
    public String export(String name) {
        return get(name).document();
    }

    @Transactional
    public void delete(String name, int expectedVersion, boolean fromIfMatch) {
        Slo before = get(name);
        policy.requireChangeTeam(before.ownerTeam());
        if (before.version() != expectedVersion) {
            throw new StaleVersionException(TYPE, name, expectedVersion, before.version(), fromIfMatch);
        }
        int deleted = jdbc.sql("delete from slos where id = ? and version = ?").params(before.id(), expectedVersion).update();
        if (deleted == 0) {
            throw new StaleVersionException(TYPE, name, expectedVersion, get(name).version(), fromIfMatch);
        }
        store.remove(name);
        audit.record("delete", TYPE, name, null, auditView(before.definition(), before.service(), before.document()), null);
        events.publishEvent(new SlosChanged(before.service()));
    }

    /** Sets (or, with null, clears) the SLO's own budget policy; the readiness level's default applies otherwise. */
    @Transactional
    public Slo setPolicy(String name, BudgetPolicy newPolicy, int expectedVersion, boolean fromIfMatch) {
        Slo before = get(name);
        policy.requireChangeTeam(before.ownerTeam());
        if (before.version() != expectedVersion) {
            throw new StaleVersionException(TYPE, name, expectedVersion, before.version(), fromIfMatch);
        }
        int changed = jdbc.sql("update slos set policy_json = ?, updated_at = ?, version = version + 1 where id = ? and version = ?")
                .params(newPolicy == null ? null : Json.write(newPolicy), Timestamp.from(Instant.now()), before.id(), expectedVersion)
                .update();
        if (changed == 0) {
            throw new StaleVersionException(TYPE, name, expectedVersion, get(name).version(), fromIfMatch);
        }
        audit.record("update", TYPE, name, newPolicy == null ? "budget policy cleared" : "budget policy set",
                before.policy(), newPolicy);
        return get(name);
    }

    /** Parses policy input, refusing bad thresholds as a field problem. */
    public static BudgetPolicy policyOf(Double atRiskBelow, Double exhaustedAtOrBelow, Map<BudgetState, String> actions) {
        try {
            return new BudgetPolicy(atRiskBelow == null ? BudgetPolicy.DEFAULT.atRiskBelow() : atRiskBelow,
                    exhaustedAtOrBelow == null ? BudgetPolicy.DEFAULT.exhaustedAtOrBelow() : exhaustedAtOrBelow,
                    actions == null ? BudgetPolicy.DEFAULT.actions() : actions);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("policy", e.getMessage());
        }
    }
}
