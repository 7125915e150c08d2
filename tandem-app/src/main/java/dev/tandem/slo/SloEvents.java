package dev.tandem.slo;

import dev.tandem.accounts.AccessPolicy;
import dev.tandem.shared.ConflictException;
import dev.tandem.shared.FieldProblem;
import dev.tandem.shared.InvalidInputException;
import dev.tandem.slo.internal.BuiltInStore;
import dev.tandem.slo.store.EventPoint;
import dev.tandem.slo.store.InvalidEventsException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Pushed SLI counts for SLOs on the built-in store. A batch is stored whole or refused whole, with every
 * bad point named by its index; pushing a minute again replaces it, so re-sending a batch is harmless.
 * After a push the SLO is evaluated, so its budget state (and its event) follow at once.
 */
@Component
public class SloEvents {

    public static final int MAX_POINTS = 100_000;

    private final Slos slos;
    private final BuiltInStore store;
    private final AccessPolicy policy;
    private final SloMonitor monitor;

    SloEvents(Slos slos, BuiltInStore store, AccessPolicy policy, SloMonitor monitor) {
        this.slos = slos;
        this.store = store;
        this.policy = policy;
        this.monitor = monitor;
    }

    @Transactional
    public PushResult push(String name, List<EventInput> inputs) {
        Slo slo = slos.get(name);
        policy.requireChangeTeam(slo.ownerTeam());
        if (!slo.builtIn()) {
            throw new ConflictException("SLO '" + name + "' reads its SLI from Prometheus; only SLOs on the built-in store"
                    + " (metric source type Tandem, or none) take pushed events");
        }
        if (inputs == null || inputs.isEmpty()) {
            throw new InvalidInputException("events", "send a JSON array of {\"timestamp\", \"good\" or \"bad\", \"total\"}");
        }
        if (inputs.size() > MAX_POINTS) {
            throw new InvalidInputException("events", "at most " + MAX_POINTS + " points per push, got " + inputs.size());
        }
        // Shape first (each point on its own); then the store's checks (future, behind the horizon) on the
        // well-formed points, so that one answer names every bad point.
        SortedMap<Integer, String> problems = new TreeMap<>();
        List<EventPoint> points = new ArrayList<>(inputs.size());
        List<Integer> indexes = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            EventInput in = inputs.get(i);
            String problem = check(in);
            if (problem != null) {
                problems.put(i, problem);
                continue;
            }
            Instant at = parse(in.timestamp());
            points.add(in.good() != null ? EventPoint.good(at, in.good(), in.total()) : EventPoint.bad(at, in.bad(), in.total()));
            indexes.add(i);
        }
        if (!problems.isEmpty()) {
            for (InvalidEventsException.Problem p : store.problems(slo.name(), points)) {
                problems.put(indexes.get(p.index()), p.message());
            }
            throw new InvalidInputException(problems.entrySet().stream()
                    .map(e -> new FieldProblem("[" + e.getKey() + "]", e.getValue())).toList());
        }
        int stored;
        try {
            stored = store.push(slo.id(), slo.name(), points);
        } catch (InvalidEventsException e) {
            throw new InvalidInputException(e.problems().stream()
                    .map(p -> new FieldProblem("[" + p.index() + "]", p.message())).toList());
        }
        monitor.evaluate(slo, Instant.now());
        return new PushResult(slo.name(), stored);
    }

    private static String check(EventInput in) {
        if (in == null) {
            return "a point must be an object {\"timestamp\", \"good\" or \"bad\", \"total\"}";
        }
        if (in.timestamp() == null || in.timestamp().isBlank()) {
            return "timestamp is required (ISO-8601, such as 2026-03-10T12:00:00Z)";
        }
        if (parse(in.timestamp()) == null) {
            return "timestamp '" + in.timestamp() + "' is not ISO-8601 (such as 2026-03-10T12:00:00Z)";
        }
        if (in.total() == null) {
            return "total is required";
        }
        if ((in.good() == null) == (in.bad() == null)) {
            return "give exactly one of good and bad";
        }
        long part = in.good() != null ? in.good() : in.bad();
        if (part < 0 || in.total() < 0 || part > in.total()) {
            return "need 0 <= " + (in.good() != null ? "good" : "bad") + " <= total, got " + part + " of " + in.total();
        }
        return null;
    }

    private static Instant parse(String text) {
        try {
            return OffsetDateTime.parse(text.trim()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
