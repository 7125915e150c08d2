package dev.tandem.slo;

/** Good and total events over some span; bad = total − good. */
public record EventCounts(long good, long total) {

    public static final EventCounts NONE = new EventCounts(0, 0);

    public EventCounts {
        if (good < 0 || total < 0 || good > total) {
            throw new IllegalArgumentException("need 0 <= good <= total, got good=" + good + " total=" + total);
        }
    }

    public long bad() {
        return total - good;
    }

    public boolean isEmpty() {
        return total == 0;
    }

    /** bad ÷ total; callers check {@link #isEmpty()} first (0 when empty, never NaN). */
    public double errorRatio() {
        return total == 0 ? 0 : (double) (total - good) / total;
    }

    public EventCounts plus(EventCounts other) {
        return new EventCounts(good + other.good, total + other.total);
    }
}
