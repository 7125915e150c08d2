package dev.tandem.engagement;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The production readiness of an engagement's services at one moment: automatic checks passing, checklist
 * items done, and the level held on each scorecard. Taken at the start and at completion.
 */
public record ReadinessSnapshot(Instant takenAt, List<ServiceState> services) {

    public record ServiceState(String service, int checksPassing, int checksApplicable, int itemsDone, int itemsApplicable,
                               Map<String, String> scorecardLevels, Map<String, Integer> scorecardRanks) {

        public double checksShare() {
            return checksApplicable == 0 ? 1.0 : (double) checksPassing / checksApplicable;
        }

        public double itemsShare() {
            return itemsApplicable == 0 ? 1.0 : (double) itemsDone / itemsApplicable;
        }
    }

    /** Checks passing over all services, as a share of those that apply. */
    public double checksShare() {
        int applicable = services.stream().mapToInt(ServiceState::checksApplicable).sum();
        return applicable == 0 ? 1.0 : (double) services.stream().mapToInt(ServiceState::checksPassing).sum() / applicable;
    }

    public double itemsShare() {
        int applicable = services.stream().mapToInt(ServiceState::itemsApplicable).sum();
        return applicable == 0 ? 1.0 : (double) services.stream().mapToInt(ServiceState::itemsDone).sum() / applicable;
    }

    /** The sum of scorecard ranks over all services: a rise means levels were gained. */
    public int scorecardRanks() {
        return services.stream().flatMap(s -> s.scorecardRanks().values().stream()).mapToInt(Integer::intValue).sum();
    }
}
