package dev.tandem.survey;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Ratings of one question (or of many): how many, their mean, and how many of each of 1 to 5
 * ({@code distribution.get(0)} is the count of 1s). The mean is null when there is no rating.
 */
public record RatingStats(int count, Double mean, List<Integer> distribution) {

    public RatingStats {
        distribution = List.copyOf(distribution);
    }

    public static RatingStats of(Iterable<Integer> ratings) {
        int[] counts = new int[5];
        int n = 0;
        long sum = 0;
        for (Integer r : ratings) {
            if (r == null || r < 1 || r > 5) {
                continue;
            }
            counts[r - 1]++;
            n++;
            sum += r;
        }
        return new RatingStats(n, n == 0 ? null : (double) sum / n,
                List.of(counts[0], counts[1], counts[2], counts[3], counts[4]));
    }

    /** The mean with two decimals, half up (4.625 is "4.63"), or "–" without ratings. */
    @JsonProperty
    public String meanText() {
        return format(mean);
    }

    public static String format(Double mean) {
        return mean == null ? "–" : BigDecimal.valueOf(mean).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** The share of the answers that gave {@code rating}, 0 to 100, for bars on the results pages. */
    public int percent(int rating) {
        return count == 0 ? 0 : (int) Math.round(100.0 * distribution.get(rating - 1) / count);
    }
}
