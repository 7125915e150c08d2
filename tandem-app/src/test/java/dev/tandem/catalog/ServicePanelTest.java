package dev.tandem.catalog;

import dev.tandem.catalog.ServicePanel.Row;
import dev.tandem.catalog.ServicePanel.Status;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServicePanelTest {

    private static Row row(String link, String... values) {
        return new Row("availability", link, List.of(values), null, null);
    }

    @Test
    void aRowWithoutStatusHasTheStatusNoneAndNoStatusText() {
        Row row = row("/slos/availability", "99.9 %");
        assertThat(row.status()).isEqualTo(Status.NONE);
        assertThat(row.status().word()).isEqualTo("none");
        assertThat(row.statusText()).isEmpty();
        assertThat(Status.WARN.word()).isEqualTo("warn");
    }

    @Test
    void linksMustStayInsideTheApplication() {
        assertThatThrownBy(() -> row("javascript:alert(1)", "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("row link").hasMessageContaining("javascript:alert(1)");
        assertThatThrownBy(() -> new ServicePanel("SLOs", "//evil.example/x", List.of(), List.of(), "None.", null, null))
                .hasMessageContaining("link must be a path");
        assertThatThrownBy(() -> new ServicePanel("SLOs", "/slos", List.of(), List.of(), "None.", "https://evil.example", "Go"))
                .hasMessageContaining("emptyLink");
        assertThat(new ServicePanel("SLOs", "/services/web/slos", List.of(), List.of(), "None.", "/slos#import", "Import").emptyLink())
                .isEqualTo("/slos#import");
    }

    @Test
    void everyRowHasOneValuePerColumn() {
        assertThatThrownBy(() -> new ServicePanel("SLOs", "/slos", List.of("Objective", "SLI"),
                List.of(row(null, "99 %")), "None.", null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 values for 2 columns");
    }
}
