package dev.tandem.web;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.Chars;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlTest {

    @Property(tries = 500)
    void escapesAsSpringsHtmlUtilsDoes(@ForAll @AlphaChars @Chars({'&', '<', '>', '"', '\'', '/', ' ', 'ü', '#', '\u2013'}) String value) {
        StringBuilder html = new StringBuilder("x");
        Html.escape(html, value);
        assertThat(html.toString()).isEqualTo("x" + HtmlUtils.htmlEscape(value, "UTF-8"));
    }
}
