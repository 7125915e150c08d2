package dev.tandem.slo.format;

import dev.tandem.slo.Indicator;
import dev.tandem.slo.SloDefinition;

import java.util.List;
import java.util.Map;

/**
 * The objects of an OpenSLO file as Tandem keeps them: services, data sources, stand-alone SLIs, and the
 * SLOs with their indicators and alert policies resolved. Reading, writing and reading again gives an
 * equal value.
 */
public record OpenSloDocuments(List<Service> services, List<DataSource> dataSources, List<Indicator> indicators,
                               List<SloDefinition> slos) {

    public static final OpenSloDocuments EMPTY = new OpenSloDocuments(List.of(), List.of(), List.of(), List.of());

    public OpenSloDocuments {
        services = List.copyOf(services);
        dataSources = List.copyOf(dataSources);
        indicators = List.copyOf(indicators);
        slos = List.copyOf(slos);
    }

    public static OpenSloDocuments of(List<SloDefinition> slos) {
        return new OpenSloDocuments(List.of(), List.of(), List.of(), slos);
    }

    /** OpenSLO kind Service. */
    public record Service(String name, String displayName, String description) {
    }

    /** OpenSLO kind DataSource; {@code connectionDetails} is kept as written. */
    public record DataSource(String name, String displayName, String description, String type,
                             Map<String, Object> connectionDetails) {
        public DataSource {
            connectionDetails = connectionDetails == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(connectionDetails));
        }
    }
}
