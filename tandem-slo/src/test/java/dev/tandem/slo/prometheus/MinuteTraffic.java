package dev.tandem.slo.prometheus;

import dev.tandem.slo.store.EventPoint;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;

/**
 * The same minute traffic for the engine and for {@code promtool test rules}: per minute from the epoch,
 * {@code total} requests of which {@code badAt(minute)} failed, as event points and as the two counters'
 * cumulative values ({@code "0 v1 v2 …"}, promtool's series notation).
 */
record MinuteTraffic(List<EventPoint> points, String badSeries, String goodSeries) {

    static MinuteTraffic of(int minutes, int total, IntUnaryOperator badAt) {
        StringBuilder bad = new StringBuilder("0");
        StringBuilder good = new StringBuilder("0");
        long badSum = 0;
        long goodSum = 0;
        List<EventPoint> points = new ArrayList<>();
        for (int m = 0; m < minutes; m++) {
            int b = badAt.applyAsInt(m);
            points.add(EventPoint.bad(Instant.ofEpochSecond(m * 60L), b, total));
            badSum += b;
            goodSum += total - b;
            bad.append(' ').append(badSum);
            good.append(' ').append(goodSum);
        }
        return new MinuteTraffic(List.copyOf(points), bad.toString(), good.toString());
    }
}
