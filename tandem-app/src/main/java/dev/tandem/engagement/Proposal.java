package dev.tandem.engagement;

import java.time.LocalDate;
import java.util.List;

/**
 * A request to embed an SRE in a team, as a form or an API body. Numbers may be left out; they then
 * count as "nothing reported" (0 incidents) or "neutral" (3 on the 1-5 scales).
 *
 * @param incidents      incidents in the last quarter
 * @param sloMisses      SLOs missed in the last quarter
 * @param toilPercent    the share of the team's operational time that is toil, 0-100
 * @param willingness    1-5: willingness and capacity to help an SRE get to know the services
 * @param motivation     1-5: how much the team wants to fix its reliability problem
 * @param relationship   none, occasional or established: the team's history with SRE
 * @param risk           1-5: how risky the engagement looks (a new program should start with low risk)
 */
public record Proposal(String team, String title, List<String> services, String pain, Integer incidents,
                       Integer sloMisses, Integer toilPercent, LocalDate upcomingLaunch, String hopes,
                       Integer willingness, Integer motivation, String relationship, Integer risk,
                       Integer version) {
}
