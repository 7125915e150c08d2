package dev.tandem;

import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline;
import org.springframework.core.metrics.StartupStep;

import java.io.PrintStream;
import java.util.Comparator;
import java.util.List;
import java.util.stream.StreamSupport;

/**
 * A diagnostic for start-up work: with {@code -Dtandem.startup-report=N} the server records Spring's
 * start-up steps and, once started, prints the N slowest to standard error (wall time of each step,
 * including the steps nested in it; bean instantiations are named by bean). Off by default: recording
 * costs a little time itself. See docs/performance.md, "Start-up".
 */
final class StartupReport {

    private final BufferingApplicationStartup startup = new BufferingApplicationStartup(20_000);
    private final int top;

    private StartupReport(int top) {
        this.top = top;
    }

    static StartupReport fromSystemProperty() {
        String value = System.getProperty("tandem.startup-report");
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new StartupReport(Math.max(1, Integer.parseInt(value.strip())));
        } catch (NumberFormatException e) {
            return new StartupReport(40);
        }
    }

    BufferingApplicationStartup startup() {
        return startup;
    }

    void print() {
        print(startup.getBufferedTimeline().getEvents(), top, System.err);
    }

    static void print(List<StartupTimeline.TimelineEvent> events, int top, PrintStream out) {
        out.printf("Start-up steps, the %d slowest of %d (ms, nested steps included):%n", Math.min(top, events.size()), events.size());
        events.stream()
                .sorted(Comparator.comparing(StartupTimeline.TimelineEvent::getDuration).reversed())
                .limit(top)
                .forEach(e -> out.printf("%8d  %s%s%n", e.getDuration().toMillis(), e.getStartupStep().getName(), tags(e.getStartupStep())));
    }

    private static String tags(StartupStep step) {
        StringBuilder s = new StringBuilder();
        StreamSupport.stream(step.getTags().spliterator(), false)
                .filter(t -> t.getKey().equals("beanName") || t.getKey().equals("beanType") || t.getKey().equals("postProcessor"))
                .forEach(t -> s.append(' ').append(t.getKey()).append('=').append(t.getValue()));
        return s.toString();
    }

}
