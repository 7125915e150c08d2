package dev.tandem.slo;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where one metric of an indicator comes from: an OpenSLO {@code metricSource}. {@code type} is the data
 * source's type ({@code Prometheus}, {@code Tandem}), {@code sourceRef} names a DataSource document, and
 * {@code spec} holds the source-specific fields (for Prometheus, {@code query}).
 *
 * <p>A source with type {@code Tandem}, or with neither type nor reference, reads Tandem's built-in
 * event store.
 */
public record MetricSource(String type, String sourceRef, Map<String, Object> spec) {

    public static final String PROMETHEUS = "Prometheus";
    public static final String TANDEM = "Tandem";

    public MetricSource {
        spec = spec == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(spec));
    }

    public static MetricSource prometheus(String query) {
        return new MetricSource(PROMETHEUS, null, Map.of("query", query));
    }

    public static MetricSource builtIn() {
        return new MetricSource(null, null, Map.of());
    }

    public boolean isBuiltIn() {
        return (type == null && sourceRef == null) || TANDEM.equalsIgnoreCase(type);
    }

    public boolean isPrometheus() {
        return PROMETHEUS.equalsIgnoreCase(type);
    }

    /** The {@code spec.query} text, or null. */
    public String query() {
        Object q = spec.get("query");
        return q == null ? null : q.toString();
    }
}
