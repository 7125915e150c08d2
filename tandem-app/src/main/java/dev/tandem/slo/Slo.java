package dev.tandem.slo;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;

/**
 * An SLO as Tandem stores it: the engine's definition, the catalog service it belongs to (whose owning
 * team decides who may change it), its named owner (null when the document names none), where its SLI
 * data comes from, the OpenSLO document it is kept as, and an optimistic version.
 *
 * @param source    {@code TANDEM} (the built-in store, fed by pushes) or {@code PROMETHEUS}
 * @param sourceUrl the Prometheus server from the SLO's DataSource ({@code connectionDetails.url}); null for the default
 * @param policy    a budget policy set for this SLO; null when the readiness level's default applies
 */
public record Slo(long id, String name, String displayName, String description, String service, String ownerTeam,
                  String owner, double target, String budgetingMethod, String timeWindow, String source,
                  String sourceUrl, BudgetPolicy policy, Instant createdAt, Instant updatedAt, int version,
                  @JsonIgnore SloDefinition definition, @JsonIgnore String document) {

    public static final String TANDEM = "TANDEM";
    public static final String PROMETHEUS = "PROMETHEUS";

    public String label() {
        return displayName == null || displayName.isBlank() ? name : displayName;
    }

    public boolean builtIn() {
        return TANDEM.equals(source);
    }

    /** The target in percent, as people say it: 99.9. */
    public String targetPercent() {
        return java.math.BigDecimal.valueOf(target).movePointRight(2).stripTrailingZeros().toPlainString();
    }
}
