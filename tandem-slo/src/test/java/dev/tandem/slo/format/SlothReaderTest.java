package dev.tandem.slo.format;

import dev.tandem.slo.AlertTier;
import dev.tandem.slo.IndicatorMetric;
import dev.tandem.slo.SloDefinition;
import dev.tandem.slo.SloDuration;
import dev.tandem.slo.TimeWindow;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SlothReaderTest {

    @Test
    void readsEventsRawAndAlertingSettings() {
        String text = OpenSloReaderTest.resource("/sloth/myservice.yaml");
        assertThat(SloFiles.isSloth(text)).isTrue();
        SloImport result = SloFiles.read(text);
        assertThat(result.problems()).isEmpty();
        assertThat(result.slos()).extracting(SloDefinition::name)
                .containsExactly("myservice-requests-availability", "myservice-latency", "myservice-quiet");

        SloDefinition availability = result.slos().get(0);
        assertThat(availability.service()).isEqualTo("myservice");
        assertThat(availability.owner()).isEqualTo("myteam");
        assertThat(availability.labels()).containsEntry("repo", "myorg/myservice").containsEntry("category", "availability");
        assertThat(availability.objective().target()).isEqualTo(0.999);
        assertThat(availability.timeWindow()).isEqualTo(new TimeWindow.Rolling(SloDuration.parse("30d")));
        IndicatorMetric.Ratio ratio = (IndicatorMetric.Ratio) availability.indicator().metric();
        assertThat(ratio.events()).isEqualTo(IndicatorMetric.Events.BAD);
        assertThat(ratio.numerator().query()).contains("{{.window}}").contains("5..|429");
        // Tickets disabled, pages with Sloth's severity label.
        assertThat(availability.alertTiers()).extracting(AlertTier::name, AlertTier::severity).containsExactly(
                org.assertj.core.groups.Tuple.tuple("page-1h", "critical"), org.assertj.core.groups.Tuple.tuple("page-6h", "critical"));

        SloDefinition latency = result.slos().get(1);
        assertThat(latency.indicator().metric()).isInstanceOfSatisfying(IndicatorMetric.RawRatio.class,
                r -> assertThat(r.rawType()).isEqualTo(IndicatorMetric.RawType.FAILURE));
        assertThat(latency.alertTiers()).isEqualTo(AlertTier.defaults());
        assertThat(result.slos().get(2).alertTiers()).as("both alerts disabled").isEmpty();

        assertThat(result.warnings()).extracting(SloProblem::path).containsExactly("slos[0].alerting.name");
    }

    @Test
    void aPluginSliIsReportedAndNothingIsImported() {
        String text = """
                version: "prometheus/v1"
                service: "svc"
                slos:
                  - name: ok
                    objective: 99
                    sli:
                      events: {error_query: a, total_query: b}
                  - name: plugged
                    objective: 100
                    sli:
                      plugin:
                        id: "sloth-common/kubernetes/apiserver/availability"
                """;
        SloImport result = SloFiles.read(text);
        assertThat(result.slos()).isEmpty();
        assertThat(result.problems()).extracting(SloProblem::toString).containsExactly(
                "document 1 (prometheus/v1 plugged), line 9, slos[1].objective: must be a percentage in (0, 100), got 100",
                "document 1 (prometheus/v1 plugged), line 12, slos[1].sli.plugin: SLI plugins are not supported: write the queries as sli.events or sli.raw");
    }

    @Test
    void theRoundTripThroughOpenSloKeepsASlothImport() {
        SloImport sloth = SloFiles.read(OpenSloReaderTest.resource("/sloth/myservice.yaml"));
        SloImport again = OpenSloReader.read(OpenSloWriter.write(sloth.documents()));
        assertThat(again.problems()).isEmpty();
        assertThat(again.documents()).isEqualTo(sloth.documents());
    }

    @Test
    void anOpenSloDocumentInASlothFileIsOneClearProblem() {
        String text = """
                version: prometheus/v1
                service: checkout
                slos:
                  - name: availability
                    objective: 99.9
                    sli:
                      raw:
                        error_ratio_query: sum(rate(errors[{{.window}}])) / sum(rate(requests[{{.window}}]))
                ---
                apiVersion: openslo/v1
                kind: SLO
                metadata:
                  name: checkout-probe
                spec:
                  service: checkout
                """;
        SloImport result = SloFiles.read(text);
        assertThat(result.slos()).as("all or nothing").isEmpty();
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.toString()).startsWith("document 2 (SLO checkout-probe), line 10, apiVersion: an OpenSLO document in a Sloth file");
        });
    }
}
