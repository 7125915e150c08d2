package dev.tandem.slo.store;

import dev.tandem.slo.BudgetingMethod;
import dev.tandem.slo.Indicator;
import dev.tandem.slo.IndicatorMetric;
import dev.tandem.slo.MetricSource;
import dev.tandem.slo.SloDefinition;
import dev.tandem.slo.SloDuration;
import dev.tandem.slo.TimeWindow;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class RetentionTest {

    static SloDefinition slo(String window) {
        return SloDefinition.of("s", "svc", Indicator.of("i", IndicatorMetric.Ratio.goodOverTotal(MetricSource.builtIn(), MetricSource.builtIn())),
                0.99, SloDuration.parse(window));
    }

    @Test
    void aThirtyDaySloKeepsTheDefaults() {
        assertThat(Retention.forSlo(slo("30d"))).isEqualTo(Retention.DEFAULT);
        assertThat(Retention.forSlo(slo("4w"))).isEqualTo(Retention.DEFAULT);
    }

    @Test
    void longerWindowsKeepHoursForTheWholeWindow() {
        SloDefinition quarter = slo("30d").withTimeWindow(new TimeWindow.Calendar(SloDuration.parse("1Q"),
                LocalDateTime.parse("2026-01-01T00:00"), ZoneId.of("UTC")));
        Retention r = Retention.forSlo(quarter);
        assertThat(r.hours()).isGreaterThanOrEqualTo(Duration.ofDays(93));
        assertThat(r.minutes()).isEqualTo(Retention.DEFAULT_MINUTES);
    }

    @Test
    void minuteSlicesKeepMinutesForTheWholeWindowWholeHourSlicesDoNot() {
        Retention fiveMinutes = Retention.forSlo(slo("7d").withBudgetingMethod(new BudgetingMethod.Timeslices(0.9, SloDuration.parse("5m"))));
        assertThat(fiveMinutes.minutes()).isGreaterThanOrEqualTo(Duration.ofDays(7));
        Retention hourly = Retention.forSlo(slo("7d").withBudgetingMethod(new BudgetingMethod.RatioTimeslices(SloDuration.parse("1h"))));
        assertThat(hourly.minutes()).isEqualTo(Retention.DEFAULT_MINUTES);
    }

    @Test
    void aFiveMinuteSliceSloIsJudgedExactlyFromTheStoreAfterAWeek() {
        SloDefinition slo = slo("7d").withBudgetingMethod(new BudgetingMethod.Timeslices(0.9, SloDuration.parse("5m")));
        java.time.Instant now = java.time.Instant.parse("2026-03-10T12:00:00Z");
        EventStore store = new EventStore(java.time.Clock.fixed(now, java.time.ZoneOffset.UTC), Duration.ofMinutes(5));
        store.configure(slo.name(), Retention.forSlo(slo));
        java.util.List<EventPoint> points = new java.util.ArrayList<>();
        // One bad five-minute slice six days ago (8 of 10 good), good minutes elsewhere every hour.
        java.time.Instant bad = java.time.Instant.parse("2026-03-04T10:05:00Z");
        points.add(EventPoint.good(bad, 8, 10));
        for (int h = 1; h < 24 * 7; h++) {
            points.add(EventPoint.good(now.minus(Duration.ofHours(h)).plusSeconds(120), 10, 10));
        }
        store.push(slo.name(), points);
        var status = dev.tandem.slo.SloEvaluator.evaluate(slo, store.source(slo.name()), now);
        assertThat(status.errorBudget().spent()).isEqualTo(1);
        assertThat(status.errorBudget().allowed()).isCloseTo(0.01 * 168, org.assertj.core.api.Assertions.within(1e-9));
    }
}
