package dev.tandem.shared;

/**
 * A request for one page of a sorted list. Pages are numbered from 0; the size is clamped to
 * {@link #MAX_SIZE} so that no client can ask the server for an unbounded list.
 */
public record PageRequest(int page, int size, String sort, boolean descending) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    public PageRequest {
        page = Math.max(0, page);
        size = size <= 0 ? DEFAULT_SIZE : Math.min(size, MAX_SIZE);
    }

    public static PageRequest of(Integer page, Integer size, String sort) {
        String field = sort == null || sort.isBlank() ? null : sort.trim();
        boolean desc = false;
        if (field != null) {
            int comma = field.indexOf(',');
            if (comma >= 0) {
                desc = field.substring(comma + 1).trim().equalsIgnoreCase("desc");
                field = field.substring(0, comma).trim();
            } else if (field.startsWith("-")) {
                desc = true;
                field = field.substring(1);
            }
        }
        return new PageRequest(page == null ? 0 : page, size == null ? DEFAULT_SIZE : size, field, desc);
    }

    public long offset() {
        return (long) page * size;
    }

    /** The sort field if it is one of the allowed ones, else the fallback. Keeps user input out of SQL. */
    public String sortOr(String fallback, java.util.Set<String> allowed) {
        return sort != null && allowed.contains(sort) ? sort : fallback;
    }
}
