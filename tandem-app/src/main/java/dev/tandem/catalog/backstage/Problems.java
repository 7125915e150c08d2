package dev.tandem.catalog.backstage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects problems across all documents of a file, up to a limit: past a hundred, more detail no
 * longer helps the author, and an adversarial file must not make us build an unbounded list.
 */
final class Problems {

    static final int LIMIT = 100;

    private static final Comparator<DescriptorProblem> FILE_ORDER = Comparator
            .comparingInt(DescriptorProblem::index)
            .thenComparing(DescriptorProblem::line, Comparator.nullsFirst(Comparator.naturalOrder()));

    private final List<DescriptorProblem> found = new ArrayList<>();
    private boolean overflowing;

    void add(DescriptorProblem problem) {
        if (found.size() < LIMIT) {
            found.add(problem);
        } else {
            overflowing = true;
        }
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    /** True once a problem beyond the limit was dropped; reading should stop then. */
    boolean overflowing() {
        return overflowing;
    }

    /** Problems in file order, with a closing marker when some were dropped. */
    List<DescriptorProblem> toList() {
        List<DescriptorProblem> out = new ArrayList<>(found);
        out.sort(FILE_ORDER);
        if (overflowing) {
            out.add(new DescriptorProblem(-1, null, null, null, "",
                    "stopped after " + LIMIT + " problems ... and more"));
        }
        return out;
    }
}
