package dev.tandem;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.core.metrics.StartupStep;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class StartupReportTest {

    @Test
    void printsTheSlowestStepsFirstWithTheirBeanNames() throws Exception {
        BufferingApplicationStartup startup = new BufferingApplicationStartup(100);
        startup.startRecording();
        StartupStep quick = startup.start("spring.beans.instantiate").tag("beanName", "quick");
        quick.end();
        StartupStep slow = startup.start("spring.beans.instantiate").tag("beanName", "slow");
        Thread.sleep(30);
        slow.end();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StartupReport.print(startup.getBufferedTimeline().getEvents(), 1, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("the 1 slowest of 2").contains("beanName=slow").doesNotContain("beanName=quick");
    }

    @Test
    void isOffUnlessAsked() {
        String before = System.getProperty("tandem.startup-report");
        try {
            System.clearProperty("tandem.startup-report");
            assertThat(StartupReport.fromSystemProperty()).isNull();
            System.setProperty("tandem.startup-report", "5");
            assertThat(StartupReport.fromSystemProperty()).isNotNull();
        } finally {
            if (before == null) {
                System.clearProperty("tandem.startup-report");
            } else {
                System.setProperty("tandem.startup-report", before);
            }
        }
    }
}
