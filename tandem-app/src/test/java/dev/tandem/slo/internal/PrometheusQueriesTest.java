package dev.tandem.slo.internal;

import dev.tandem.slo.Indicator;
import dev.tandem.slo.IndicatorMetric;
import dev.tandem.slo.MetricSource;
import dev.tandem.slo.SloDefinition;
import dev.tandem.slo.SloDuration;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PrometheusQueriesTest {

    @Test
    void selectorsAreSummedIncreasesAndSlothTemplatesRatesTimesTheSpan() {
        assertThat(PrometheusSource.events("http_requests_total{code=~\"5..\"}", 3600))
                .isEqualTo("sum(increase(http_requests_total{code=~\"5..\"}[3600s]))");
        assertThat(PrometheusSource.events("sum(rate(x_total[{{.window}}]))", 300))
                .isEqualTo("(sum(rate(x_total[300s]))) * 300");
    }

    @Test
    void answersAreSummedAndAnEmptyVectorIsZeroEvents() {
        assertThat(PrometheusClient.parse("up", "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":["
                + "{\"metric\":{},\"value\":[1700000000,\"12.5\"]},{\"metric\":{\"a\":\"b\"},\"value\":[1700000000,\"2\"]}]}}"))
                .isEqualTo(14.5);
        assertThat(PrometheusClient.parse("up", "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}")).isZero();
        assertThat(PrometheusClient.parse("up", "{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[1,\"NaN\"]}}"))
                .as("never NaN").isZero();
        assertThatThrownBy(() -> PrometheusClient.parse("up", "{\"status\":\"error\",\"error\":\"bad\"}"))
                .as("an answer that says error is a refusal, not an outage").isInstanceOf(PrometheusClient.Rejected.class);
        assertThatThrownBy(() -> PrometheusClient.parse("up", "<html>gateway</html>"))
                .isInstanceOf(PrometheusClient.Unavailable.class);
    }

    @Test
    void aRefusalKeepsPrometheussErrorTypeAndMessage() {
        PrometheusClient.Rejected r = PrometheusClient.rejected("rate(x[5m]", 400,
                "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"1:11: parse error: unclosed left parenthesis\"}");
        assertThat(r.httpStatus()).isEqualTo(400);
        assertThat(r.errorType()).isEqualTo("bad_data");
        assertThat(r.error()).isEqualTo("1:11: parse error: unclosed left parenthesis");
        assertThat(r.query()).isEqualTo("rate(x[5m]");
        assertThat(r.getMessage()).contains("rate(x[5m]").contains("bad_data").contains("unclosed left parenthesis");
        PrometheusClient.Rejected proxy = PrometheusClient.rejected("up", 404, "404 page not found");
        assertThat(proxy.errorType()).isNull();
        assertThat(proxy.error()).isEqualTo("404 page not found");
    }

    @Test
    void clientErrorsAreRefusalsExceptTimeoutAndTooManyRequests() {
        assertThat(PrometheusClient.refusal(400)).isTrue();
        assertThat(PrometheusClient.refusal(422)).isTrue();
        assertThat(PrometheusClient.refusal(404)).isTrue();
        assertThat(PrometheusClient.refusal(408)).isFalse();
        assertThat(PrometheusClient.refusal(429)).isFalse();
        assertThat(PrometheusClient.refusal(503)).isFalse();
        assertThat(PrometheusClient.refusal(200)).isFalse();
    }

    @Test
    void aServerThatIsNotListeningIsUnavailableAfterItsRetries() {
        PrometheusClient client = new PrometheusClient(Duration.ofMillis(500), Duration.ofMillis(500), 2, Duration.ofMillis(10));
        assertThatThrownBy(() -> client.query("http://127.0.0.1:9", "up", java.time.Instant.now()))
                .isInstanceOf(PrometheusClient.Unavailable.class).hasMessageContaining("3 attempts");
    }

    @Test
    void onlyCounterRatiosAreEvaluatedByTheServer() {
        SloDefinition threshold = SloDefinition.of("lat", "api", Indicator.of("p99",
                new IndicatorMetric.Threshold(MetricSource.prometheus("histogram_quantile(0.99, x)"))), 0.99, SloDuration.parse("30d"));
        assertThatThrownBy(() -> PrometheusSource.of(null, "http://p:9090", threshold)).hasMessageContaining("ratios of counters").hasMessageContaining("PrometheusValues");
        SloDefinition ratio = SloDefinition.of("avail", "api", Indicator.of("req", IndicatorMetric.Ratio.badOverTotal(
                MetricSource.prometheus("errors_total"), MetricSource.prometheus("requests_total"))), 0.99, SloDuration.parse("30d"));
        assertThatThrownBy(() -> PrometheusSource.of(null, "", ratio)).hasMessageContaining("tandem.slo.prometheus-url");
    }
}
