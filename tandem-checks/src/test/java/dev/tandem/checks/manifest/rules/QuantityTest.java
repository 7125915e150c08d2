package dev.tandem.checks.manifest.rules;

import dev.tandem.checks.manifest.ImageReference;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class QuantityTest {

    @Test
    void parsesBinaryDecimalMilliAndExponentForms() {
        assertThat(Quantity.parse("1Gi")).isEqualByComparingTo(BigDecimal.valueOf(1L << 30));
        assertThat(Quantity.parse("1.5M")).isEqualByComparingTo("1500000");
        assertThat(Quantity.parse("250m")).isEqualByComparingTo("0.25");
        assertThat(Quantity.parse("1e3")).isEqualByComparingTo("1000");
        assertThat(Quantity.parse("12Qi")).isNull();
        assertThat(Quantity.parse("lots")).isNull();
    }

    @Test
    void sameValueInDifferentUnitsIsTheSame() {
        assertThat(Quantity.same("1Gi", "1024Mi")).isTrue();
        assertThat(Quantity.same("1G", "1000M")).isTrue();
        assertThat(Quantity.same("1G", "1Gi")).isFalse();
        assertThat(Quantity.same("weird", "weird")).isTrue();
    }

    @Test
    void imageTagsAreReadAfterTheRegistryPort() {
        assertThat(ImageReference.pinningProblem("registry:5000/app")).isEqualTo("no tag, which means latest");
        assertThat(ImageReference.pinningProblem("registry:5000/app:1.2")).isNull();
        assertThat(ImageReference.pinningProblem("app@sha256:abc")).isNull();
        assertThat(ImageReference.pinningProblem("app:latest")).isEqualTo("the latest tag moves with every push");
        assertThat(ImageReference.pinningProblem("app:")).isEqualTo("no tag, which means latest");
    }
}
