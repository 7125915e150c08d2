package dev.tandem.web;

import dev.tandem.shared.Page;

import java.util.List;

/** How every API list answers: the items of one page and what is needed to fetch the others. */
public record PageResponse<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

    public static <T> PageResponse<T> of(Page<T> page) {
        return new PageResponse<>(page.items(), page.page(), page.size(), page.totalItems(), page.totalPages());
    }
}
