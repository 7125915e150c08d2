package dev.tandem.engagement;

import java.time.LocalDate;
import java.util.List;

/** The manager's plan for an engagement: when it runs and who is embedded, with the share of their time. */
public record Plan(LocalDate plannedStart, LocalDate plannedEnd, List<Assignment> sres, Integer version) {

    public record Assignment(String person, Integer sharePercent) {
    }
}
