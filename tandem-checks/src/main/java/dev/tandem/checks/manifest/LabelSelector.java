package dev.tandem.checks.manifest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Kubernetes label selector: {@code matchLabels} and {@code matchExpressions} (operators {@code In},
 * {@code NotIn}, {@code Exists}, {@code DoesNotExist}), or the plain equality map of a Service or
 * ReplicationController. All terms must hold. An empty selector matches everything; whether a kind treats an
 * empty selector as "all" or "none" is the caller's business ({@link #isEmpty()}).
 */
public final class LabelSelector {

    /** One {@code matchExpressions} term. */
    public record Requirement(String key, String operator, Set<String> values) {

        boolean matches(Map<String, String> labels) {
            String value = labels.get(key);
            switch (operator) {
                case "In":
                    return value != null && values.contains(value);
                case "NotIn":
                    return value == null || !values.contains(value);
                case "Exists":
                    return value != null;
                case "DoesNotExist":
                    return value == null;
                default:
                    return false; // an unknown operator selects nothing, as the API server would refuse it
            }
        }
    }

    private final Map<String, String> matchLabels;
    private final List<Requirement> expressions;

    public LabelSelector(Map<String, String> matchLabels, List<Requirement> expressions) {
        this.matchLabels = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(matchLabels));
        this.expressions = List.copyOf(expressions);
    }

    /** Reads a {@code LabelSelector} ({@code matchLabels}, {@code matchExpressions}). */
    public static LabelSelector of(YamlNode selector) {
        List<Requirement> expressions = new ArrayList<>();
        for (YamlNode e : selector.get("matchExpressions").items()) {
            List<String> values = new ArrayList<>();
            for (YamlNode v : e.get("values").items()) {
                if (v.text() != null) {
                    values.add(v.text());
                }
            }
            expressions.add(new Requirement(e.get("key").text(""), e.get("operator").text(""), Set.copyOf(values)));
        }
        return new LabelSelector(selector.get("matchLabels").stringMap(), expressions);
    }

    /** Reads the plain equality map of a Service or ReplicationController selector. */
    public static LabelSelector ofMap(YamlNode selector) {
        return new LabelSelector(selector.stringMap(), List.of());
    }

    public Map<String, String> matchLabels() {
        return matchLabels;
    }

    public List<Requirement> expressions() {
        return expressions;
    }

    public boolean isEmpty() {
        return matchLabels.isEmpty() && expressions.isEmpty();
    }

    public boolean matches(Map<String, String> labels) {
        for (Map.Entry<String, String> e : matchLabels.entrySet()) {
            if (!e.getValue().equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        for (Requirement r : expressions) {
            if (!r.matches(labels)) {
                return false;
            }
        }
        return true;
    }

    /** {@code app=web,tier in (front)}, for messages. */
    @Override
    public String toString() {
        List<String> terms = new ArrayList<>();
        matchLabels.forEach((k, v) -> terms.add(k + "=" + v));
        for (Requirement r : expressions) {
            switch (r.operator()) {
                case "Exists": terms.add(r.key()); break;
                case "DoesNotExist": terms.add("!" + r.key()); break;
                default: terms.add(r.key() + " " + r.operator().toLowerCase(java.util.Locale.ROOT) + " (" + String.join(",", new java.util.TreeSet<>(r.values())) + ")");
            }
        }
        return terms.isEmpty() ? "(empty)" : String.join(",", terms);
    }
}
