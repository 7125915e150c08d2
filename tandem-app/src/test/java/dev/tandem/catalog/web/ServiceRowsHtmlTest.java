package dev.tandem.catalog.web;

import dev.tandem.catalog.ReadinessLevel;
import dev.tandem.catalog.ServiceSummary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.NumericChars;
import org.junit.jupiter.api.Test;
import org.springframework.web.util.UriUtils;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceRowsHtmlTest {

    @Test
    void everyValueIsEscaped() {
        ServiceSummary s = new ServiceSummary("checkout", "<script>alert('x')</script>", null, "payments", "shop",
                ReadinessLevel.A, "production", 1, List.of("pci"), Instant.parse("2026-11-26T10:00:00Z"));

        String html = ServiceRowsHtml.render(List.of(s), "");

        assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
        assertThat(html).contains("<a href=\"/services/checkout\">checkout</a>")
                .contains("<a href=\"/teams/payments\">payments</a>")
                .contains("<a href=\"/systems/shop\">shop</a>")
                .contains("<a class=\"tag\" href=\"/services?tag=pci\">pci</a>")
                .contains("class=\"badge level-a\"")
                .contains("2026-11-26");
    }

    @Test
    void linksKeepTheContextPathAndEncodeTheirParts() {
        ServiceSummary s = new ServiceSummary("a.b_c", null, null, "team-1", null, ReadinessLevel.B, "experimental",
                null, List.of("c++", "c#"), null);

        String html = ServiceRowsHtml.render(List.of(s), "/tandem");

        assertThat(html).contains("href=\"/tandem/services/a.b_c\"").contains("href=\"/tandem/services?tag=c%2B%2B\"")
                .contains("href=\"/tandem/services?tag=c%23\"");
        assertThat(html).contains("<td class=\"num\"></td>").doesNotContain("null");
    }

    @Test
    void oneRowPerService() {
        ServiceSummary s = new ServiceSummary("x", null, null, "t", null, ReadinessLevel.C, "production", 2, List.of(), null);
        assertThat(ServiceRowsHtml.render(List.of(s, s, s), "").split("<tr>", -1)).hasSize(4);
        assertThat(ServiceRowsHtml.render(List.of(), "")).isEmpty();
    }

    @Property(tries = 500)
    void encodesSegmentsAsSpringsUriUtilsDoes(@ForAll @AlphaChars @NumericChars @Chars({'-', '.', '_', '~', '/', '?', ' ', '+', '%', 'ü', ':', '@'}) String value) {
        assertThat(ServiceRowsHtml.segment(value)).isEqualTo(UriUtils.encodePathSegment(value, StandardCharsets.UTF_8));
    }

    @Test
    void datesAreTheDayInUtc() {
        assertThat(ServiceRowsHtml.date(Instant.parse("2026-11-26T23:59:59Z"))).isEqualTo("2026-11-26");
        assertThat(ServiceRowsHtml.date(Instant.parse("0999-01-02T00:00:00Z"))).isEqualTo("0999-01-02");
    }

    @Test
    void segmentsOutsideTheNameRulesAreEncoded() {
        assertThat(ServiceRowsHtml.segment("a b/ü")).isEqualTo("a%20b%2F%C3%BC");
        assertThat(ServiceRowsHtml.segment("svc-1.a_b~")).isEqualTo("svc-1.a_b~");
    }
}
