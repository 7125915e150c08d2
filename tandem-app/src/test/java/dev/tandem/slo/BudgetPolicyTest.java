package dev.tandem.slo;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BudgetPolicyTest {

    @Test
    void theDefaultIsHealthyAboveAQuarterAtRiskDownToZeroAndExhaustedFromZero() {
        BudgetPolicy p = BudgetPolicy.DEFAULT;
        assertThat(p.stateOf(1)).isEqualTo(BudgetState.HEALTHY);
        assertThat(p.stateOf(0.2501)).isEqualTo(BudgetState.HEALTHY);
        assertThat(p.stateOf(0.25)).isEqualTo(BudgetState.AT_RISK);
        assertThat(p.stateOf(0.0001)).isEqualTo(BudgetState.AT_RISK);
        assertThat(p.stateOf(0)).isEqualTo(BudgetState.EXHAUSTED);
        assertThat(p.stateOf(-19)).isEqualTo(BudgetState.EXHAUSTED);
        assertThat(p.actionFor(BudgetState.EXHAUSTED)).contains("Feature freeze");
    }

    @Test
    void thresholdsAreConfigurableAndChecked() {
        BudgetPolicy strict = new BudgetPolicy(0.5, 0.1, Map.of(BudgetState.AT_RISK, " freeze risky changes "));
        assertThat(strict.stateOf(0.6)).isEqualTo(BudgetState.HEALTHY);
        assertThat(strict.stateOf(0.3)).isEqualTo(BudgetState.AT_RISK);
        assertThat(strict.stateOf(0.1)).isEqualTo(BudgetState.EXHAUSTED);
        assertThat(strict.actionFor(BudgetState.AT_RISK)).isEqualTo("freeze risky changes");
        assertThat(strict.actionFor(BudgetState.HEALTHY)).isNull();
        assertThatThrownBy(() -> new BudgetPolicy(0.1, 0.5, Map.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BudgetPolicy(1.5, 0, Map.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BudgetPolicy(Double.NaN, 0, Map.of())).isInstanceOf(IllegalArgumentException.class);
        // the lower bound is part of the message: the order alone (-50 <= 0.5 <= 1) holds
        assertThatThrownBy(() -> new BudgetPolicy(0.5, -50, Map.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-10 <= exhaustedAtOrBelow");
        assertThat(new BudgetPolicy(0.5, -10, Map.of()).exhaustedAtOrBelow()).isEqualTo(-10);
    }
}
