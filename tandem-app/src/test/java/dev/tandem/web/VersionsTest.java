package dev.tandem.web;

import dev.tandem.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VersionsTest {

    @Test
    void ifMatchWinsOverTheBodyAndMarksAPrecondition() {
        Versions.Expected expected = Versions.expected("\"7\"", 3);
        assertThat(expected.version()).isEqualTo(7);
        assertThat(expected.fromIfMatch()).isTrue();
    }

    @Test
    void weakEtagsAreAccepted() {
        assertThat(Versions.expected("W/\"4\"", null).version()).isEqualTo(4);
    }

    @Test
    void theBodyVersionIsUsedWithoutIfMatch() {
        Versions.Expected expected = Versions.expected(null, 2);
        assertThat(expected.version()).isEqualTo(2);
        assertThat(expected.fromIfMatch()).isFalse();
    }

    @Test
    void aVersionIsRequired() {
        assertThatThrownBy(() -> Versions.expected(null, null)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("version");
        assertThatThrownBy(() -> Versions.expected("\"abc\"", null)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("If-Match");
    }

    @Test
    void etagsQuoteTheVersion() {
        assertThat(Versions.etag(12)).isEqualTo("\"12\"");
    }
}
