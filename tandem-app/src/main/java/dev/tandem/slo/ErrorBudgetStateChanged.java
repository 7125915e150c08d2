package dev.tandem.slo;

import java.time.Instant;

/**
 * The error-budget state of an SLO changed (published once per change, also across restarts and
 * replicas: the last state is kept in the database). Engagement exit criteria and notifications listen.
 *
 * @param from null for an SLO evaluated for the first time
 */
public record ErrorBudgetStateChanged(String slo, String service, BudgetState from, BudgetState to,
                                      double remaining, Instant at) {
}
