package dev.tandem.slo;

/**
 * How the SLI is counted over the window (OpenSLO {@code budgetingMethod}).
 * <ul>
 *   <li>{@link Occurrences}: good events ÷ all events.</li>
 *   <li>{@link Timeslices}: the window is cut into slices of {@code sliceWindow}; a slice is good when its
 *   ratio reaches {@code sliceTarget}; the SLI is good slices ÷ slices with data.</li>
 *   <li>{@link RatioTimeslices}: the SLI is the mean of the slices' ratios (slices with data only).</li>
 * </ul>
 */
public sealed interface BudgetingMethod
        permits BudgetingMethod.Occurrences, BudgetingMethod.Timeslices, BudgetingMethod.RatioTimeslices {

    /** The OpenSLO name of the method. */
    String openSloName();

    record Occurrences() implements BudgetingMethod {
        @Override
        public String openSloName() {
            return "Occurrences";
        }
    }

    record Timeslices(double sliceTarget, SloDuration sliceWindow) implements BudgetingMethod {
        public Timeslices {
            if (!(sliceTarget > 0 && sliceTarget <= 1)) {
                throw new IllegalArgumentException("timeSliceTarget must be in (0, 1], got " + sliceTarget);
            }
            requireFixed(sliceWindow);
        }

        @Override
        public String openSloName() {
            return "Timeslices";
        }
    }

    record RatioTimeslices(SloDuration sliceWindow) implements BudgetingMethod {
        public RatioTimeslices {
            requireFixed(sliceWindow);
        }

        @Override
        public String openSloName() {
            return "RatioTimeslices";
        }
    }

    private static void requireFixed(SloDuration sliceWindow) {
        if (sliceWindow == null) {
            throw new IllegalArgumentException("timeSliceWindow is required");
        }
        if (sliceWindow.unit().isCalendarOnly()) {
            throw new IllegalArgumentException("timeSliceWindow must be in m, h, d or w, not " + sliceWindow);
        }
    }
}
