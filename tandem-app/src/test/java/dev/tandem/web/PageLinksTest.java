package dev.tandem.web;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;

class PageLinksTest {

    private final PageLinks links = new PageLinks();

    private void request(String path, String query) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setQueryString(query);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
    }

    @AfterEach
    @net.jqwik.api.lifecycle.AfterTry
    void reset() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void aSortLinkMarksTheSortedColumnAndEscapesWhatItWrites() {
        request("/services", "q=a&page=3&sort=name,asc");
        assertThat(links.sortLink("Name", "name", "name,asc")).isEqualTo("<a href=\"/services?q=a&amp;sort=name,desc\" class=\"sort\">"
                + "<span>Name</span><span class=\"sort-mark\" aria-hidden=\"true\"> ▲</span></a>");
        assertThat(links.sortLink("Owner", "owner", "name,asc")).contains("sort=owner,asc").contains("aria-hidden=\"true\"></span>");
        assertThat(links.sortLink("Tier", "tier", "-tier")).contains("sort=tier,asc").contains(" ▼</span>");
        assertThat(links.sortLink("<b>", "x", null)).contains("<span>&lt;b&gt;</span>");
    }

    @Test
    void linksReplaceOneParameterAndKeepTheRestAsTheyArrived() {
        request("/services", "q=c%2B%2B&page=3&owner=payments");
        assertThat(links.page(4)).isEqualTo("/services?q=c%2B%2B&owner=payments&page=4");
        assertThat(links.sort("name", "name,asc")).isEqualTo("/services?q=c%2B%2B&owner=payments&sort=name,desc");
        assertThat(links.sort("owner", "name,asc")).isEqualTo("/services?q=c%2B%2B&owner=payments&sort=owner,asc");

        request("/teams", null);
        assertThat(links.page(0)).isEqualTo("/teams?page=0");
        assertThat(links.sort("name", null)).isEqualTo("/teams?sort=name,asc");
    }

    /** What the links were before they were built by hand: Spring's UriComponentsBuilder on the same address. */
    @Property(tries = 300)
    void linksAgreeWithUriComponentsBuilder(@ForAll("queries") String query, @ForAll("fields") String field) {
        request("/services", query.isEmpty() ? null : query);
        UriComponentsBuilder parsed = UriComponentsBuilder.fromUriString("/services" + (query.isEmpty() ? "" : "?" + query));
        String next = field + ("ascending".equals(links.state(field, "name,asc")) ? ",desc" : ",asc");

        assertThat(links.page(7)).isEqualTo(parsed.cloneBuilder().replaceQueryParam("page", 7).build().toUriString());
        assertThat(links.sort(field, "name,asc")).isEqualTo(parsed.cloneBuilder().replaceQueryParam("sort", next)
                .replaceQueryParam("page").build().toUriString());
    }

    @Provide
    Arbitrary<String> queries() {
        Arbitrary<String> key = Arbitraries.of("page", "sort", "q", "owner", "tag", "size");
        Arbitrary<String> value = Arbitraries.strings().withChars("abc019%2B,-_.").ofMaxLength(6);
        Arbitrary<String> pair = net.jqwik.api.Combinators.combine(key, value, Arbitraries.of("=", "=", ""))
                .as((k, v, eq) -> eq.isEmpty() ? k : k + "=" + v);
        return pair.list().ofMaxSize(5).map(pairs -> String.join("&", pairs));
    }

    @Provide
    Arbitrary<String> fields() {
        return Arbitraries.of("name", "owner", "tier");
    }
}
