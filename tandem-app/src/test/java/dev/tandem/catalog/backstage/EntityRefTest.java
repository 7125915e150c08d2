package dev.tandem.catalog.backstage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class EntityRefTest {

    @ParameterizedTest
    @CsvSource({
            "payments,                 group, group:default/payments",
            "group:payments,           user,  group:default/payments",
            "group:default/payments,   user,  group:default/payments",
            "ops/payments,             group, group:ops/payments",
            "Component:default/checkout, group, component:default/checkout",
            "API:payments-api,         api,   api:default/payments-api",
            "user:team.a/j_doe,        group, user:team.a/j_doe",
    })
    void parsesEveryForm(String text, String defaultKind, String canonical) {
        assertThat(EntityRef.parse(text, defaultKind).toString()).isEqualTo(canonical);
    }

    @Test
    void kindIsCaseInsensitiveAndNamespaceDefaults() {
        EntityRef ref = EntityRef.parse("GROUP:payments", null);
        assertThat(ref).isEqualTo(new EntityRef("group", "default", "payments"));
        assertThat(new EntityRef("Group", null, "payments")).isEqualTo(ref);
    }

    @ParameterizedTest
    @CsvSource({
            "group:default/payments, group, payments",
            "group:default/payments, user,  group:payments",
            "group:ops/payments,     group, ops/payments",
            "user:ops/alice,         group, user:ops/alice",
    })
    void compactOmitsWhatTheFieldImplies(String canonical, String defaultKind, String compact) {
        EntityRef ref = EntityRef.parse(canonical, null);
        assertThat(ref.compact(defaultKind)).isEqualTo(compact);
        assertThat(EntityRef.parse(compact, defaultKind)).isEqualTo(ref);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "group:", ":payments", "group:/payments", "a--b", "-payments", "payments-",
            "päyments", "group:default/pay/ments", "gro up:payments", "1group:payments", "pay ments"})
    void rejectsMalformedReferences(String text) {
        assertThatThrownBy(() -> EntityRef.parse(text, "group"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("entity reference");
    }

    @Test
    void rejectsNameLongerThan63() {
        assertThatThrownBy(() -> EntityRef.parse("a".repeat(64), "group"))
                .hasMessageContaining("must be 1-63 characters");
        assertThat(EntityRef.parse("a".repeat(63), "group").name()).hasSize(63);
    }

    @Test
    void requiresKindWhenNoDefault() {
        assertThatThrownBy(() -> EntityRef.parse("payments", null))
                .hasMessageContaining("a kind is required");
    }
}
