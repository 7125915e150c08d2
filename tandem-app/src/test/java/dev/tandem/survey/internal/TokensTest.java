package dev.tandem.survey.internal;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class TokensTest {

    @Test
    void tokensAreLongUrlSafeAndDistinct() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String t = Tokens.generate();
            assertThat(t).hasSize(43).matches("[A-Za-z0-9_-]+");
            assertThat(Tokens.wellFormed(t)).isTrue();
            seen.add(t);
        }
        assertThat(seen).hasSize(1000);
    }

    @Test
    void onlyTheHashIsKeptAndItIsStable() {
        String t = Tokens.generate();
        assertThat(Tokens.hash(t)).hasSize(64).matches("[0-9a-f]+").isEqualTo(Tokens.hash(t)).doesNotContain(t);
        assertThat(Tokens.hash(t)).isNotEqualTo(Tokens.hash(Tokens.generate()));
    }

    @Test
    void malformedTokensAreNotLookedUp() {
        assertThat(Tokens.wellFormed(null)).isFalse();
        assertThat(Tokens.wellFormed("")).isFalse();
        assertThat(Tokens.wellFormed("a".repeat(42))).isFalse();
        assertThat(Tokens.wellFormed("a".repeat(44))).isFalse();
        assertThat(Tokens.wellFormed("a".repeat(42) + "=")).isFalse();
        assertThat(Tokens.wellFormed("../" + "a".repeat(40))).isFalse();
    }
}
