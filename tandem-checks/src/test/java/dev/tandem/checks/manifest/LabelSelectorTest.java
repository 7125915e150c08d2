package dev.tandem.checks.manifest;

import dev.tandem.checks.manifest.LabelSelector.Requirement;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class LabelSelectorTest {

    private static final Map<String, String> POD = Map.of("app", "web", "tier", "front");

    private static boolean matches(String op, String key, String... values) {
        return new LabelSelector(Map.of(), List.of(new Requirement(key, op, Set.of(values)))).matches(POD);
    }

    @Test
    void operators() {
        assertThat(matches("In", "tier", "front", "back")).isTrue();
        assertThat(matches("In", "tier", "back")).isFalse();
        assertThat(matches("In", "zone", "a")).isFalse();
        assertThat(matches("NotIn", "tier", "back")).isTrue();
        assertThat(matches("NotIn", "tier", "front")).isFalse();
        assertThat(matches("NotIn", "zone", "a")).isTrue();
        assertThat(matches("Exists", "app")).isTrue();
        assertThat(matches("Exists", "zone")).isFalse();
        assertThat(matches("DoesNotExist", "zone")).isTrue();
        assertThat(matches("DoesNotExist", "app")).isFalse();
        assertThat(matches("Gt", "app", "1")).isFalse();
    }

    @Test
    void matchLabelsAndExpressionsMustAllHold() {
        LabelSelector s = new LabelSelector(Map.of("app", "web"), List.of(new Requirement("tier", "In", Set.of("front"))));
        assertThat(s.matches(POD)).isTrue();
        assertThat(s.matches(Map.of("app", "web"))).isFalse();
        assertThat(new LabelSelector(Map.of(), List.of()).matches(Map.of())).isTrue();
        assertThat(new LabelSelector(Map.of(), List.of()).isEmpty()).isTrue();
    }
}
