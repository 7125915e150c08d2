package dev.tandem.readiness.internal;

import dev.tandem.readiness.CheckStatus;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FactOutcomesTest {

    @Test
    void decodesOnlyWantedFreshFactsWithAnOutcome() {
        String encoded = "a.check\t" + FactOutcomes.letter(CheckStatus.PASS) + "\t2000\n"
                + "b.check\t" + FactOutcomes.letter(CheckStatus.FAIL) + "\t\n"
                + "expired\t" + FactOutcomes.letter(CheckStatus.PASS) + "\t999\n"
                + "value-only\t-\t5000\n"
                + "unwanted\t" + FactOutcomes.letter(CheckStatus.EXEMPT) + "\t\n";
        Map<String, Integer> keys = Map.of("a.check", 0, "b.check", 1, "expired", 2, "value-only", 3);
        Map<Integer, CheckStatus> seen = new LinkedHashMap<>();
        FactOutcomes.decode(encoded, keys, 1000, (key, outcome) -> seen.put(key, CheckStatus.values()[outcome]));
        assertThat(seen).containsExactly(Map.entry(0, CheckStatus.PASS), Map.entry(1, CheckStatus.FAIL));
        for (CheckStatus s : CheckStatus.values()) {
            assertThat(FactOutcomes.status(FactOutcomes.letter(s))).isEqualTo(s);
        }
    }
}
