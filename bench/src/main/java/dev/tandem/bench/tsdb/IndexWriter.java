package dev.tandem.bench.tsdb;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;

/**
 * The {@code index} file of a block, format version 2 (Prometheus's {@code tsdb/docs/format/index.md}):
 * header, symbol table, series (each 16-byte aligned; a series' id is its offset ÷ 16), one label index
 * per label name, the label offset table, postings (the all-series list under the empty name and value
 * first), the postings offset table sorted by name and value, and the table of contents. Every section
 * is {@code len} (4 bytes, or a uvarint for a series) + content + CRC32C of the content.
 *
 * <p>Series must be added in label order; only postings (4 bytes a series and label) stay in memory.
 */
final class IndexWriter implements Closeable {

    private static final int MAGIC = 0xBAAAD700;
    private static final int VERSION = 2;

    private final BlockFile file;
    private final Map<String, Integer> symbolRefs = new HashMap<>();
    private final TreeMap<String, TreeMap<String, Ints>> postings = new TreeMap<>(Label::compare);
    private final Ints all = new Ints();
    private final ByteSink section = new ByteSink(1 << 16);
    private final ByteSink small = new ByteSink(16);
    private final long symbolsAt;
    private final long seriesAt;
    private Labels previous;

    /** {@code symbols}: every label name and value of the series to come, sorted by {@link Label#compare}. */
    IndexWriter(Path path, SortedSet<String> symbols) throws IOException {
        file = new BlockFile(path);
        section.putInt(MAGIC).put(VERSION);
        file.write(section);
        symbolsAt = file.position();
        startSection();
        section.putInt(symbols.size());
        for (String s : symbols) {
            symbolRefs.put(s, symbolRefs.size());
            section.putString(s);
        }
        endSection();
        file.align(16);
        seriesAt = file.position();
    }

    /** A series with its chunks ({@code n} of them: first and last timestamp, reference in the segment files). */
    void addSeries(Labels labels, long[] minTimes, long[] maxTimes, long[] refs, int n) throws IOException {
        if (previous != null && previous.compareTo(labels) >= 0) {
            throw new IllegalArgumentException("series must be added in label order: " + labels + " after " + previous);
        }
        previous = labels;
        file.align(16);
        long id = file.position() / 16;
        if (id > 0xffffffffL) {
            throw new IllegalStateException("index too large: series ids are 32 bits");
        }
        section.clear();
        section.putUvarint(labels.list().size());
        for (Label l : labels.list()) {
            section.putUvarint(symbol(l.name())).putUvarint(symbol(l.value()));
            postings.computeIfAbsent(l.name(), k -> new TreeMap<>(Label::compare)).computeIfAbsent(l.value(), k -> new Ints()).add((int) id);
        }
        all.add((int) id);
        section.putUvarint(n);
        for (int i = 0; i < n; i++) {
            if (i == 0) {
                section.putVarint(minTimes[0]).putUvarint(maxTimes[0] - minTimes[0]).putUvarint(refs[0]);
            } else {
                if (minTimes[i] <= maxTimes[i - 1]) {
                    throw new IllegalArgumentException("chunks of " + labels + " overlap");
                }
                section.putUvarint(minTimes[i] - maxTimes[i - 1]).putUvarint(maxTimes[i] - minTimes[i]).putVarint(refs[i] - refs[i - 1]);
            }
        }
        int crc = section.crc32c(0);
        small.clear();
        file.write(small.putUvarint(section.size()));
        file.write(section);
        small.clear();
        file.write(small.putInt(crc));
    }

    private int symbol(String s) {
        Integer ref = symbolRefs.get(s);
        if (ref == null) {
            throw new IllegalArgumentException("not in the symbol table: " + s);
        }
        return ref;
    }

    @Override
    public void close() throws IOException {
        try {
            writeTail();
        } finally {
            file.close();
        }
    }

    private void writeTail() throws IOException {
        file.align(4);
        long labelIndicesAt = file.position();
        Map<String, Long> labelIndexOffsets = new TreeMap<>(Label::compare);
        for (Map.Entry<String, TreeMap<String, Ints>> name : postings.entrySet()) {
            file.align(4);
            labelIndexOffsets.put(name.getKey(), file.position());
            startSection();
            section.putInt(1).putInt(name.getValue().size());
            for (String value : name.getValue().keySet()) {
                section.putInt(symbol(value));
            }
            endSection();
        }
        long labelOffsetTableAt = file.position();
        startSection();
        section.putInt(labelIndexOffsets.size());
        labelIndexOffsets.forEach((name, at) -> section.putUvarint(1).putString(name).putUvarint(at));
        endSection();

        file.align(4);
        long postingsAt = file.position();
        List<PostingsOffset> offsets = new ArrayList<>();
        offsets.add(new PostingsOffset("", "", writePostings(all)));
        for (Map.Entry<String, TreeMap<String, Ints>> name : postings.entrySet()) {
            for (Map.Entry<String, Ints> value : name.getValue().entrySet()) {
                offsets.add(new PostingsOffset(name.getKey(), value.getKey(), writePostings(value.getValue())));
            }
        }
        long postingsOffsetTableAt = file.position();
        startSection();
        section.putInt(offsets.size());
        for (PostingsOffset o : offsets) {
            section.putUvarint(2).putString(o.name()).putString(o.value()).putUvarint(o.at());
        }
        endSection();

        section.clear();
        section.putLong(symbolsAt).putLong(seriesAt).putLong(labelIndicesAt).putLong(labelOffsetTableAt)
                .putLong(postingsAt).putLong(postingsOffsetTableAt);
        section.putInt(section.crc32c(0));
        file.write(section);
    }

    private long writePostings(Ints ids) throws IOException {
        file.align(4);
        long at = file.position();
        startSection();
        section.putInt(ids.size);
        for (int i = 0; i < ids.size; i++) {
            section.putInt(ids.values[i]);
        }
        endSection();
        return at;
    }

    /** A section with a 4-byte length: reserve it, then {@link #endSection} fills it in and adds the CRC. */
    private void startSection() {
        section.clear();
        section.putInt(0);
    }

    private void endSection() throws IOException {
        section.setInt(0, section.size() - 4);
        section.putInt(section.crc32c(4));
        file.write(section);
    }

    private record PostingsOffset(String name, String value, long at) {
    }

    /** Series ids, ascending. */
    private static final class Ints {
        int[] values = new int[8];
        int size;

        void add(int v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }
    }
}
