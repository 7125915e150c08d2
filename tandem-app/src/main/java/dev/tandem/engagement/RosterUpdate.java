package dev.tandem.engagement;

import java.time.LocalDate;
import java.util.List;

/** An admin's change to a roster entry; a missing number keeps the default. */
public record RosterUpdate(Integer capacityPercent, Integer maxConcurrent, List<String> skills,
                           LocalDate unavailableUntil, Integer version) {
}
