package dev.tandem.catalog.backstage;

import java.util.List;

/**
 * Thrown when a descriptor file has problems. It carries all of them, not just the first, so that an
 * author can fix a file in one round instead of one error at a time.
 */
public class DescriptorException extends RuntimeException {

    private final transient List<DescriptorProblem> problems;

    public DescriptorException(List<DescriptorProblem> problems) {
        super(summarise(problems));
        this.problems = List.copyOf(problems);
    }

    public List<DescriptorProblem> problems() {
        return problems;
    }

    private static String summarise(List<DescriptorProblem> problems) {
        if (problems.isEmpty()) {
            return "invalid catalog descriptor";
        }
        String first = problems.get(0).summary();
        int count = problems.size();
        return count == 1 ? first : first + " (and " + (count - 1) + " more problem" + (count == 2 ? ")" : "s)");
    }
}
