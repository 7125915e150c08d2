package dev.tandem.engagement.internal;

import dev.tandem.engagement.Assessment;
import dev.tandem.engagement.Assessments;
import dev.tandem.engagement.CriterionStatus;
import dev.tandem.engagement.Engagement;
import dev.tandem.engagement.ExitCriteria;
import dev.tandem.engagement.ExitReadiness;
import dev.tandem.engagement.MaturityArea;
import dev.tandem.engagement.ReportSection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;

/** The after-action report's sections on the exit criteria (where they stand and since when) and on maturity. */
@Configuration(proxyBeanMethods = false)
class ReportSections {

    @Bean
    ReportSection criteriaSection(ExitCriteria criteria) {
        return new ReportSection() {
            @Override
            public int order() {
                return 10;
            }

            @Override
            public Optional<String> markdown(Engagement e) {
                ExitReadiness r = criteria.readiness(e.id());
                if (r.total() == 0) {
                    return Optional.empty();
                }
                StringBuilder md = new StringBuilder("## Exit criteria at the exit\n\n").append(r.summary()).append("\n\n");
                md.append("| Criterion | State | Since | Detail |\n|---|---|---|---|\n");
                for (CriterionStatus c : r.criteria()) {
                    md.append("| ").append(cell(c.description())).append(" | ").append(c.state().label())
                            .append(c.stale() ? " (stale)" : "").append(" | ")
                            .append(c.since() == null ? "–" : c.since().atZone(ZoneOffset.UTC).toLocalDate()).append(" | ")
                            .append(cell(c.detail())).append(" |\n");
                }
                return Optional.of(md.toString());
            }
        };
    }

    @Bean
    ReportSection maturitySection(Assessments assessments) {
        return new ReportSection() {
            @Override
            public int order() {
                return 20;
            }

            @Override
            public Optional<String> markdown(Engagement e) {
                Optional<Assessment> first = assessments.first(e.id());
                Optional<Assessment> latest = assessments.latest(e.id());
                if (first.isEmpty()) {
                    return Optional.empty();
                }
                Assessment before = first.get();
                Assessment after = latest.orElse(before);
                StringBuilder md = new StringBuilder("## Maturity, before and after\n\n");
                md.append("| Area | ").append(before.kind().label()).append(' ').append(before.date()).append(" | ")
                        .append(after.kind().label()).append(' ').append(after.date()).append(" |\n|---|---|---|\n");
                for (MaturityArea area : MaturityArea.values()) {
                    md.append("| ").append(area.label()).append(" | ").append(before.score(area).map(String::valueOf).orElse("–"))
                            .append(" | ").append(after.score(area).map(String::valueOf).orElse("–")).append(" |\n");
                }
                md.append(String.format(Locale.ROOT, "| **Average** | %.2f | %.2f |%n", before.average(), after.average()));
                return Optional.of(md.toString());
            }
        };
    }

    private static String cell(String s) {
        return s == null ? "" : s.replace("|", "\\|").replaceAll("\\s*\\R\\s*", " ");
    }
}
