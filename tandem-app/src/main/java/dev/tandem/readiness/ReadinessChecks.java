package dev.tandem.readiness;

import dev.tandem.catalog.ReadinessLevel;
import dev.tandem.readiness.internal.CheckDefinitions;
import org.springframework.stereotype.Component;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Every automatic check Tandem knows: the Kubernetes and repository checks of {@code tandem-checks}, the
 * catalog checks, the SLO checks, and pushed-fact checks ({@code fact.<key>}), which pass or fail as a
 * team's pipeline reports.
 */
@Component
public class ReadinessChecks {

    public static final String PUSHED_PREFIX = "fact.";
    private static final Pattern PUSHED = Pattern.compile("fact\\.[a-z0-9][a-z0-9._-]{0,94}");

    private final Map<String, CheckInfo> byId = new LinkedHashMap<>();

    ReadinessChecks() {
        for (CheckInfo info : CheckDefinitions.all()) {
            byId.put(info.id(), info);
        }
    }

    public List<CheckInfo> all() {
        return List.copyOf(byId.values());
    }

    public boolean exists(String id) {
        return byId.containsKey(id) || PUSHED.matcher(id).matches();
    }

    public Optional<CheckInfo> find(String id) {
        CheckInfo info = byId.get(id);
        if (info == null && PUSHED.matcher(id).matches()) {
            Map<ReadinessLevel, Requirement> levels = new EnumMap<>(ReadinessLevel.class);
            for (ReadinessLevel l : ReadinessLevel.values()) {
                levels.put(l, Requirement.RECOMMENDED);
            }
            String key = id.substring(PUSHED_PREFIX.length());
            info = new CheckInfo(id, "Pushed fact '" + key + "' passes", "pushed",
                    "Passes when the latest fact '" + key + "' pushed by the team's pipeline says pass.",
                    "Make the pipeline step that reports '" + key + "' pass, and push its result again.", "pushed", levels);
        }
        return Optional.ofNullable(info);
    }

    /** The fact a check reads: its own id, or the pushed key for {@code fact.<key>}. */
    public static String factKey(String checkId) {
        return checkId.startsWith(PUSHED_PREFIX) ? checkId.substring(PUSHED_PREFIX.length()) : checkId;
    }
}
