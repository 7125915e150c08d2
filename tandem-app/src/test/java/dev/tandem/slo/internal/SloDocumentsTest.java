package dev.tandem.slo.internal;

import dev.tandem.slo.format.SloFiles;
import dev.tandem.slo.format.SloImport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SloDocumentsTest {

    private static final String SLO = """
            apiVersion: openslo/v1
            kind: SLO
            metadata:
              name: checkout-availability
            spec:
              service: checkout
              indicatorRef: checkout-requests
              timeWindow:
                - duration: 30d
                  isRolling: true
              budgetingMethod: Occurrences
              objectives:
                - target: 0.999
            """;

    private static final String SLI = """
            apiVersion: openslo/v1
            kind: SLI
            metadata:
              name: %s
            spec:
              ratioMetric:
                counter: true
                bad:
                  metricSource:
                    metricSourceRef: %s
                    spec:
                      query: http_requests_total{code=~"5.."}
                total:
                  metricSource:
                    metricSourceRef: %s
                    spec:
                      query: http_requests_total
            """;

    private static final String SOURCE = """
            apiVersion: openslo/v1
            kind: DataSource
            metadata:
              name: %s
            spec:
              type: Prometheus
              connectionDetails:
                url: http://prometheus:9090
            """;

    @Test
    void servicesAndObjectsNoSloUsesAreNamedAsNotStored() {
        String text = String.join("---\n",
                "apiVersion: openslo/v1\nkind: Service\nmetadata:\n  name: checkout\nspec:\n  description: Takes the money\n",
                SOURCE.formatted("prometheus"), SOURCE.formatted("spare"),
                SLI.formatted("checkout-requests", "prometheus", "prometheus"), SLI.formatted("unused", "prometheus", "prometheus"),
                SLO);
        SloImport read = SloFiles.read(text);
        assertThat(read.problems()).isEmpty();

        assertThat(SloDocuments.notStored(read.documents())).containsExactly(
                "Service checkout: not stored: services come from the catalog, which an SLO import does not change",
                "SLI unused: not stored: no SLO in the file uses it",
                "DataSource spare: not stored: no SLO in the file uses it");
    }

    @Test
    void aFileOfSlosAndWhatTheyUseHasNothingToSay() {
        String text = String.join("---\n", SOURCE.formatted("prometheus"),
                SLI.formatted("checkout-requests", "prometheus", "prometheus"), SLO);
        SloImport read = SloFiles.read(text);
        assertThat(read.problems()).isEmpty();
        assertThat(SloDocuments.notStored(read.documents())).isEmpty();
    }
}
