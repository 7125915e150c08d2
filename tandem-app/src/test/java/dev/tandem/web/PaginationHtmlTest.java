package dev.tandem.web;

import dev.tandem.shared.Page;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class PaginationHtmlTest {

    private static Page<String> page(int page, int size, long total) {
        long shown = Math.max(0, Math.min(size, total - (long) page * size));
        return new Page<>(Collections.nCopies((int) shown, "x"), page, size, total);
    }

    private static String render(Page<?> page) {
        return PaginationHtml.render(page, n -> "/services?q=a&page=" + n);
    }

    /** The page numbers linked, in order, and the current one as [n]. */
    private static List<String> numbers(String html) {
        Matcher m = Pattern.compile("aria-label=\"Page (\\d+)\">\\1</a>|aria-current=\"page\">(\\d+)<|(…)").matcher(html);
        List<String> found = new java.util.ArrayList<>();
        while (m.find()) {
            found.add(m.group(1) != null ? m.group(1) : m.group(2) != null ? "[" + m.group(2) + "]" : "…");
        }
        return found;
    }

    @Test
    void aPageInTheMiddleLinksThreeEitherSideTheEndsAndItsNeighbours() {
        String html = render(page(5, 50, 10_000));
        assertThat(html).contains("Showing <span>251</span>–<span>300</span> of <span>10,000</span>")
                .contains("<a href=\"/services?q=a&amp;page=4\" rel=\"prev\">← Previous</a>")
                .contains("<a href=\"/services?q=a&amp;page=6\" rel=\"next\">Next →</a>")
                .contains("<a href=\"/services?q=a&amp;page=199\" aria-label=\"Page 200\">200</a>");
        assertThat(numbers(html)).containsExactly("1", "…", "3", "4", "5", "[6]", "7", "8", "9", "…", "200");
    }

    @Test
    void theEndsShowNoGapWhereThereIsNone() {
        String first = render(page(0, 50, 10_000));
        assertThat(first).contains("<span class=\"disabled\" aria-hidden=\"true\">← Previous</span>").doesNotContain("rel=\"prev\"");
        assertThat(numbers(first)).containsExactly("[1]", "2", "3", "4", "…", "200");
        assertThat(numbers(render(page(4, 50, 10_000)))).containsExactly("1", "2", "3", "4", "[5]", "6", "7", "8", "…", "200");
        String last = render(page(199, 50, 10_000));
        assertThat(last).contains("Showing <span>9,951</span>–<span>10,000</span>")
                .contains("<span class=\"disabled\" aria-hidden=\"true\">Next →</span>");
        assertThat(numbers(last)).containsExactly("1", "…", "197", "198", "199", "[200]");
        assertThat(numbers(render(page(2, 10, 45)))).containsExactly("1", "2", "[3]", "4", "5");
    }

    @Test
    void oneShortPageSaysWhatItShowsWithoutLinks() {
        String html = render(page(0, 50, 7));
        assertThat(html).contains("Showing <span>1</span>–<span>7</span> of <span>7</span>").doesNotContain("<ul>", "href");
    }

    @Test
    void aPagePastTheEndSaysSoAndLinksTheLastPage() {
        String html = render(page(500, 50, 10_000));
        assertThat(html).contains("Page 501 is past the end of the list: it has 200 pages of 10,000.")
                .contains("<a href=\"/services?q=a&amp;page=199\">Go to the last page</a>")
                .doesNotContain("<ul>", "Showing");
        assertThat(render(page(3, 50, 20))).contains("it has 1 page of 20.").contains("page=0\"");
    }

    @Test
    void linksAreEscaped() {
        String html = PaginationHtml.render(page(1, 10, 30), n -> "/x?tag=\"><script>&page=" + n);
        assertThat(html).doesNotContain("<script>").contains("/x?tag=&quot;&gt;&lt;script&gt;&amp;page=0");
    }

    @Property(tries = 300)
    void groupsThousandsAsTheTemplateDid(@ForAll @LongRange(min = -5_000_000_000L, max = 5_000_000_000L) long n) {
        assertThat(PaginationHtml.grouped(n)).isEqualTo(String.format(Locale.ROOT, "%,d", n));
    }
}
