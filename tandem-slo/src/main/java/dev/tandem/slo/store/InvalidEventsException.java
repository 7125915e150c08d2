package dev.tandem.slo.store;

import java.util.List;

/** A push refused as a whole: nothing of it was stored. Each problem names the point's index. */
public class InvalidEventsException extends IllegalArgumentException {

    /** One refused point: its position in the pushed list and why. */
    public record Problem(int index, String message) {
        @Override
        public String toString() {
            return "[" + index + "] " + message;
        }
    }

    private final transient List<Problem> problems;

    public InvalidEventsException(List<Problem> problems) {
        super(summary(problems));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String summary(List<Problem> problems) {
        StringBuilder b = new StringBuilder(problems.size() + " invalid point(s), nothing stored: ");
        for (int i = 0; i < problems.size() && i < 5; i++) {
            b.append(i == 0 ? "" : "; ").append(problems.get(i));
        }
        if (problems.size() > 5) {
            b.append("; …");
        }
        return b.toString();
    }
}
