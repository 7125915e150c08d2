package dev.tandem.readiness.internal;

import dev.tandem.readiness.CheckInfo;

import java.util.List;

import static dev.tandem.readiness.Requirement.RECOMMENDED;
import static dev.tandem.readiness.Requirement.REQUIRED;

/**
 * Checks answered by facts the SLO capability publishes (SLO defined, owner named, target consistent with
 * the readiness level, queries accepted by Prometheus). Until that capability reports, these show "no data".
 */
final class SloFactChecks {

    static final List<CheckInfo> CHECKS = List.of(
            new CheckInfo("slo.defined", "At least one SLO is defined", "slo",
                    "The service has at least one service level objective in Tandem.",
                    "Define an SLO for the service's most important user journey and import it into Tandem.", "slo",
                    CheckDefinitions.levels(REQUIRED, REQUIRED, RECOMMENDED)),
            new CheckInfo("slo.owner", "Every SLO has a named owner", "slo",
                    "Each SLO of the service names the person or team answerable for it.",
                    "Set an owner on every SLO of the service.", "slo",
                    CheckDefinitions.levels(REQUIRED, REQUIRED, RECOMMENDED)),
            new CheckInfo("slo.target-consistent", "SLO targets match the readiness level", "slo",
                    "Level A promises more than 99.9 %, B from 99 % to 99.9 %, C from 95 % to 99 %.",
                    "Change the SLO's target or the service's readiness level so that they agree.", "slo",
                    CheckDefinitions.levels(REQUIRED, RECOMMENDED, RECOMMENDED)),
            new CheckInfo("slo.queries-accepted", "Prometheus accepts every SLO's queries", "slo",
                    "No SLO of the service has a query that Prometheus refuses (a syntax error, an unknown function,"
                            + " a query it cannot execute): such an SLO measures nothing.",
                    "Open the SLO's page, read Prometheus's message, correct the query and import the SLO again.", "slo",
                    CheckDefinitions.levels(REQUIRED, RECOMMENDED, RECOMMENDED)));

    private SloFactChecks() {
    }
}
