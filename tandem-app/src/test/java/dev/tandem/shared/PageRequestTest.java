package dev.tandem.shared;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PageRequestTest {

    @Test
    void readsTheThreeSortSpellings() {
        assertThat(PageRequest.of(0, 10, "name").descending()).isFalse();
        assertThat(PageRequest.of(0, 10, "-name")).extracting(PageRequest::sort, PageRequest::descending)
                .containsExactly("name", true);
        assertThat(PageRequest.of(0, 10, "name,desc")).extracting(PageRequest::sort, PageRequest::descending)
                .containsExactly("name", true);
        assertThat(PageRequest.of(0, 10, "name,asc").descending()).isFalse();
    }

    @Test
    void keepsUnknownSortFieldsOutOfQueries() {
        PageRequest request = PageRequest.of(0, 10, "name; drop table services");
        assertThat(request.sortOr("name", Set.of("name", "owner"))).isEqualTo("name");
    }

    @Test
    void defaultsWhenNothingIsGiven() {
        PageRequest request = PageRequest.of(null, null, null);
        assertThat(request.page()).isZero();
        assertThat(request.size()).isEqualTo(PageRequest.DEFAULT_SIZE);
        assertThat(request.sort()).isNull();
    }

    @Property
    void pageAndSizeAreAlwaysWithinBounds(@ForAll int page, @ForAll int size) {
        PageRequest request = new PageRequest(page, size, null, false);
        assertThat(request.page()).isNotNegative();
        assertThat(request.size()).isBetween(1, PageRequest.MAX_SIZE);
        assertThat(request.offset()).isEqualTo((long) request.page() * request.size());
    }

    @Property
    void pagesCoverEveryItemExactlyOnce(@ForAll("totals") long total, @ForAll("sizes") int size) {
        Page<Integer> page = new Page<>(List.of(), 0, size, total);
        assertThat((long) page.totalPages() * size).isGreaterThanOrEqualTo(total);
        assertThat((long) Math.max(0, page.totalPages() - 1) * size).isLessThan(Math.max(1, total));
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<Long> totals() {
        return net.jqwik.api.Arbitraries.longs().between(0, 1_000_000);
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<Integer> sizes() {
        return net.jqwik.api.Arbitraries.integers().between(1, PageRequest.MAX_SIZE);
    }
}
