package dev.tandem.readiness;

import java.time.Instant;

/** A check's state for one service, with the fact that decided it (message, source, time) or the exemption. */
public record CheckResult(String checkId, CheckStatus status, String message, String source, Instant collectedAt,
                          String exemptionReason) {

    public static CheckResult noData(String checkId) {
        return new CheckResult(checkId, CheckStatus.NO_DATA, null, null, null, null);
    }
}
