package dev.tandem.slo;

import dev.tandem.catalog.ReadinessLevel;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Which budget policy applies: the SLO's own, else its readiness level's, else the configured default. */
class SloPolicySettingsTest {

    private final MockEnvironment env = new MockEnvironment()
            .withProperty("tandem.slo.policy.at-risk-below", "0.3")
            .withProperty("tandem.slo.policy.level-a.at-risk-below", "0.5")
            .withProperty("tandem.slo.policy.level-a.actions.exhausted", "Feature freeze and a postmortem");

    @Test
    void aLevelsPolicyAppliesToItsServicesAndTheDefaultToOthers() {
        SloMonitor.Policy a = SloMonitor.policyFor(null, ReadinessLevel.A, env);
        assertThat(a.origin()).isEqualTo("level A");
        assertThat(a.policy().atRiskBelow()).isEqualTo(0.5);
        assertThat(a.policy().stateOf(0.45)).isEqualTo(BudgetState.AT_RISK);
        assertThat(a.policy().actionFor(BudgetState.EXHAUSTED)).isEqualTo("Feature freeze and a postmortem");
        assertThat(a.policy().actionFor(BudgetState.AT_RISK)).isEqualTo(BudgetPolicy.DEFAULT.actionFor(BudgetState.AT_RISK));

        SloMonitor.Policy b = SloMonitor.policyFor(null, ReadinessLevel.B, env);
        assertThat(b.origin()).isEqualTo("default");
        assertThat(b.policy().atRiskBelow()).isEqualTo(0.3);
        assertThat(b.policy().stateOf(0.45)).isEqualTo(BudgetState.HEALTHY);
    }

    @Test
    void anSlosOwnPolicyWins() {
        BudgetPolicy own = new BudgetPolicy(0.9, 0.1, Map.of());
        SloMonitor.Policy p = SloMonitor.policyFor(own, ReadinessLevel.A, env);
        assertThat(p.origin()).isEqualTo("slo");
        assertThat(p.policy()).isSameAs(own);
    }
}
