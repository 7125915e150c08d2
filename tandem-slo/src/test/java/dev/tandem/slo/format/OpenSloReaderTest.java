package dev.tandem.slo.format;

import dev.tandem.slo.AlertTier;
import dev.tandem.slo.BudgetingMethod;
import dev.tandem.slo.IndicatorMetric;
import dev.tandem.slo.Objective;
import dev.tandem.slo.SloDefinition;
import dev.tandem.slo.SloDuration;
import dev.tandem.slo.TimeWindow;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class OpenSloReaderTest {

    static String resource(String name) {
        try (InputStream in = OpenSloReaderTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void readsEveryKindWithReferencesAndInlineObjects() {
        SloImport result = OpenSloReader.read(resource("/openslo/full.yaml"));
        assertThat(result.problems()).isEmpty();
        assertThat(result.documents().services()).singleElement().satisfies(s -> assertThat(s.displayName()).isEqualTo("Checkout"));
        assertThat(result.documents().dataSources()).singleElement().satisfies(d -> {
            assertThat(d.type()).isEqualTo("Prometheus");
            assertThat(d.connectionDetails()).containsEntry("url", "http://prometheus:9090");
        });
        assertThat(result.slos()).extracting(SloDefinition::name)
                .containsExactly("checkout-availability", "checkout-latency", "nightly-batch");

        SloDefinition availability = result.slos().get(0);
        assertThat(availability.owner()).isEqualTo("team-payments");
        assertThat(availability.minimumEvents()).isEqualTo(100);
        assertThat(availability.labels()).containsEntry("team", "payments");
        assertThat(availability.timeWindow()).isEqualTo(new TimeWindow.Rolling(SloDuration.parse("28d")));
        assertThat(availability.objective().target()).isEqualTo(0.999);
        IndicatorMetric.Ratio ratio = (IndicatorMetric.Ratio) availability.indicator().metric();
        assertThat(ratio.events()).isEqualTo(IndicatorMetric.Events.BAD);
        assertThat(ratio.numerator().type()).as("type inherited from the DataSource").isEqualTo("Prometheus");
        assertThat(ratio.numerator().sourceRef()).isEqualTo("prometheus");
        assertThat(ratio.total().query()).isEqualTo("http_requests_total{job=\"checkout\"}");
        assertThat(availability.alertTiers()).containsExactly(
                new AlertTier("fast-burn", "page", Duration.ofHours(1), Duration.ofMinutes(5), null, new BigDecimal("14.4"), Duration.ofMinutes(2)),
                new AlertTier("slow-burn", "ticket", Duration.ofDays(3), Duration.ofHours(6), new BigDecimal("0.1"), null, Duration.ZERO));
        // The budget share wins over the written threshold, so the factor follows the 28-day window.
        assertThat(availability.alertTiers().get(1).factorFor(Duration.ofDays(28))).isEqualByComparingTo("0.933333333333");

        SloDefinition latency = result.slos().get(1);
        assertThat(latency.indicator().metric()).isInstanceOf(IndicatorMetric.Threshold.class);
        assertThat(latency.objective()).isEqualTo(new Objective(null, 0.995, true, Objective.Op.LTE, 0.5));
        assertThat(latency.budgetingMethod()).isEqualTo(new BudgetingMethod.Timeslices(0.95, SloDuration.parse("5m")));
        assertThat(latency.timeWindow()).isEqualTo(new TimeWindow.Calendar(SloDuration.parse("1M"),
                LocalDateTime.parse("2026-01-01T00:00"), ZoneId.of("Europe/Berlin")));
        assertThat(latency.alertTiers()).as("no alertPolicies: the defaults").isEqualTo(AlertTier.defaults());

        SloDefinition batch = result.slos().get(2);
        assertThat(batch.indicator().readsBuiltInStore()).isTrue();
        assertThat(batch.budgetingMethod()).isEqualTo(new BudgetingMethod.RatioTimeslices(SloDuration.parse("1d")));
        assertThat(batch.objective().target()).isEqualTo(0.95);
    }

    @Test
    void roundTripsThroughTheWriter() {
        SloImport first = OpenSloReader.read(resource("/openslo/full.yaml"));
        String written = OpenSloWriter.write(first.documents());
        SloImport second = OpenSloReader.read(written);
        assertThat(second.problems()).as(written).isEmpty();
        assertThat(second.documents()).isEqualTo(first.documents());
        assertThat(written).contains("indicatorRef: checkout-requests").contains("targetPercent: 99.5")
                .contains("threshold: 14.4").contains("budgetingMethod: Timeslices");
        // and once more: the writer is stable
        assertThat(OpenSloWriter.write(second.documents())).isEqualTo(written);
    }

    @Test
    void reportsEveryProblemWithDocumentLineKindNameAndPath() {
        SloImport result = OpenSloReader.read(resource("/openslo/problems.yaml"));
        assertThat(result.isValid()).isFalse();
        assertThat(result.slos()).as("all or nothing").isEmpty();
        assertThat(result.problems()).extracting(SloProblem::toString).contains(
                "document 1 (SLO broken), line 7, spec.indicatorRef: no SLI named 'missing-sli' in this file",
                "document 1 (SLO broken), line 9, spec.timeWindow[0].duration: '30x' is not a duration of the form [0-9]+[mhdwMQY], such as 5m, 1h, 30d, 1M",
                "document 1 (SLO broken), line 13, spec.objectives[0].target: must be in (0, 1), got 1.5",
                "document 2 (Widget w), line 17, kind: unknown kind 'Widget' (expected one of Service, DataSource, SLI, AlertCondition, AlertPolicy, SLO, AlertNotificationTarget)",
                "document 3 (SLI no-metric), line 27, spec: needs exactly one of thresholdMetric and ratioMetric");
        assertThat(result.problems()).anySatisfy(p -> {
            assertThat(p.path()).isEqualTo("spec.colour");
            assertThat(p.line()).isEqualTo(14);
            assertThat(p.message()).startsWith("unsupported field 'colour'");
        });
        assertThat(result.problems()).filteredOn(p -> "good-one".equals(p.name())).extracting(SloProblem::path)
                .containsExactlyInAnyOrder("spec.indicator.spec.ratioMetric.good.metricSource.type",
                        "spec.timeWindow[0].duration", "spec.objectives[0].timeSliceWindow",
                        "spec.objectives[0].timeSliceTarget");
        assertThat(result.problems()).filteredOn(p -> "good-one".equals(p.name())).allSatisfy(p -> {
            assertThat(p.document()).isEqualTo(4);
            assertThat(p.line()).isPositive();
        });
    }

    @Test
    void oneBadDocumentRefusesTheWholeFile() {
        String good = OpenSloWriter.write(OpenSloReader.read(resource("/openslo/full.yaml")).documents());
        SloImport result = OpenSloReader.read(good + "---\napiVersion: openslo/v2\nkind: Service\nmetadata:\n  name: x\nspec: {}\n");
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("apiVersion");
            assertThat(p.message()).contains("openslo/v1");
        });
        assertThat(result.slos()).isEmpty();
    }

    @Test
    void acceptsTheSpellingVariancesAndListsOfObjects() {
        String yaml = """
                - apiVersion: openslo/v1
                  kind: SLO
                  metadata: {name: a}
                  spec:
                    service: s
                    indicator:
                      metadata: {name: a-sli}
                      spec: {ratioMetric: {good: {metricSource: {}}, total: {metricSource: {}}}}
                    timeWindow: [{duration: 7d, isRolling: true}]
                    budgetingMethod: Timeslices
                    objectives: [{target: 0.9, timeSliceTarget: 0.8, timeSliceWindow: 1h}]
                - apiVersion: openslo/v1
                  kind: SLO
                  metadata: {name: b}
                  spec:
                    service: s
                    indicator:
                      metadata: {name: b-sli}
                      spec: {ratioMetric: {good: {metricSource: {}}, total: {metricSource: {}}}}
                    timeWindow: [{duration: 7d, isRolling: true}]
                    budgetingMethod: RatioTimeSlices
                    objectives: [{target: 0.9, timeSliceWindow: 10m}]
                """;
        SloImport result = OpenSloReader.read(yaml.replace("Timeslices", "TimeSlices"));
        assertThat(result.problems()).isEmpty();
        assertThat(result.slos().get(0).budgetingMethod()).isInstanceOf(BudgetingMethod.Timeslices.class);
        assertThat(result.slos().get(1).budgetingMethod()).isInstanceOf(BudgetingMethod.RatioTimeslices.class);
    }

    @Test
    void warnsAboutFieldsWithoutEffectAndAcceptsLteBurnConditions() {
        String yaml = """
                apiVersion: openslo/v1
                kind: AlertPolicy
                metadata: {name: p}
                spec:
                  alertWhenNoData: true
                  conditions:
                    - kind: AlertCondition
                      metadata: {name: c}
                      spec:
                        severity: page
                        condition: {kind: burnrate, op: lte, threshold: 2, lookbackWindow: 1h, alertAfter: 5m}
                  notificationTargets:
                    - targetRef: on-call
                """;
        SloImport result = OpenSloReader.read(yaml);
        assertThat(result.problems()).isEmpty();
        assertThat(result.warnings()).extracting(SloProblem::path).containsExactlyInAnyOrder(
                "spec.alertWhenNoData", "spec.conditions[0].spec.condition.op", "spec.notificationTargets");
    }

    @Test
    void reportsYamlSyntaxErrorsWithTheirLine() {
        SloImport result = OpenSloReader.read("apiVersion: openslo/v1\nkind: SLO\nmetadata:\n  name: [unclosed\n");
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.message()).startsWith("not valid YAML");
            assertThat(p.line()).isGreaterThanOrEqualTo(4);
        });
    }

    @Test
    void targetPercentAndTargetCannotBothBeGiven() {
        String yaml = resource("/openslo/full.yaml").replace("      target: 0.999", "      target: 0.999\n      targetPercent: 99.9");
        SloImport result = OpenSloReader.read(yaml);
        assertThat(result.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("exactly one of target and targetPercent"));
    }
}
