package dev.tandem.engagement;

import java.time.LocalDate;

/**
 * An admin's choice to apply a proposal: the engagement and the version it was proposed from, the SRE,
 * the share and the dates (as proposed, or adjusted).
 */
public record ProposalChoice(Long engagement, Integer version, String person, Integer sharePercent,
                             LocalDate plannedStart, LocalDate plannedEnd) {
}
