package dev.tandem.shared;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.List;

/**
 * One page of a list read with plain SQL: the count of all matching rows, then the rows of the page.
 * The page query must end where {@code limit ? offset ?} can follow; both queries take the same
 * filter parameters.
 */
public final class PagedQuery {

    private PagedQuery() {
    }

    public static <T> Page<T> page(JdbcClient jdbc, String countSql, String pageSql, List<?> params,
                                   PageRequest request, RowMapper<T> rows) {
        long total = jdbc.sql(countSql).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(request.size());
        pageParams.add(request.offset());
        List<T> items = jdbc.sql(pageSql + " limit ? offset ?").params(pageParams).query(rows).list();
        return new Page<>(items, request.page(), request.size(), total);
    }
}
