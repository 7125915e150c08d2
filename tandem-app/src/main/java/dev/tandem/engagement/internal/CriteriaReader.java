package dev.tandem.engagement.internal;

import dev.tandem.catalog.ReadinessLevel;
import dev.tandem.engagement.Engagement;
import dev.tandem.engagement.ExitCriterion;
import dev.tandem.engagement.MaturityArea;
import dev.tandem.readiness.Scorecard;
import dev.tandem.readiness.Scorecards;
import dev.tandem.shared.FieldProblem;
import dev.tandem.slo.Slo;
import dev.tandem.slo.Slos;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads exit criteria from their map form and checks what they refer to: services in the engagement's
 * scope, scorecards and their levels, SLOs of services in scope, maturity areas. Every problem is
 * reported with its path ({@code exitCriteria[2].level}).
 */
@Component
public class CriteriaReader {

    public static final int MAX_CRITERIA = 30;
    public static final int MAX_DAYS = 400;
    private static final Pattern KEY = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    private final Scorecards scorecards;
    private final Slos slos;

    CriteriaReader(Scorecards scorecards, Slos slos) {
        this.scorecards = scorecards;
        this.slos = slos;
    }

    public List<ExitCriterion> read(Engagement e, List<Map<String, Object>> maps, List<FieldProblem> problems) {
        List<ExitCriterion> out = new ArrayList<>();
        if (maps == null) {
            return out;
        }
        if (maps.size() > MAX_CRITERIA) {
            problems.add(new FieldProblem("exitCriteria", "at most " + MAX_CRITERIA + " exit criteria"));
            return out;
        }
        Set<String> keys = new HashSet<>();
        for (Map<String, Object> m : maps) {
            Object k = m == null ? null : m.get("key");
            if (k != null && !String.valueOf(k).isBlank()) {
                keys.add(String.valueOf(k).trim());
            }
        }
        Set<String> used = new HashSet<>();
        for (int i = 0; i < maps.size(); i++) {
            String path = "exitCriteria[" + i + "]";
            Map<String, Object> m = maps.get(i);
            if (m == null) {
                problems.add(new FieldProblem(path, "empty criterion"));
                continue;
            }
            int before = problems.size();
            ExitCriterion c = one(e, m, path, problems, keys, used);
            if (c != null && problems.size() == before) {
                out.add(c);
            }
        }
        return out;
    }

    private ExitCriterion one(Engagement e, Map<String, Object> m, String path, List<FieldProblem> problems,
                              Set<String> reservedKeys, Set<String> used) {
        String kind = string(m, "kind");
        if (kind == null) {
            problems.add(new FieldProblem(path + ".kind", "name the kind: one of " + String.join(", ", ExitCriterion.kinds())));
            return null;
        }
        kind = kind.toLowerCase(Locale.ROOT);
        String givenKey = string(m, "key");
        String key;
        if (givenKey != null) {
            key = givenKey;
            if (!KEY.matcher(key).matches()) {
                problems.add(new FieldProblem(path + ".key", "a key is 1-63 lower-case letters, digits and dashes"));
                return null;
            }
            if (!used.add(key)) {
                problems.add(new FieldProblem(path + ".key", "the key '" + key + "' is used twice"));
                return null;
            }
        } else {
            key = null;
        }
        ExitCriterion c;
        switch (kind) {
            case ExitCriterion.ScorecardLevel.KIND -> {
                String service = service(e, m, path, problems);
                String scorecard = string(m, "scorecard");
                String level = string(m, "level");
                if (scorecard == null) {
                    problems.add(new FieldProblem(path + ".scorecard", "name the scorecard"));
                    return null;
                }
                Optional<Scorecard> card = scorecards.find(scorecard);
                if (card.isEmpty()) {
                    problems.add(new FieldProblem(path + ".scorecard", "no scorecard named '" + scorecard + "'"));
                    return null;
                }
                if (level == null || !card.get().levelNames().contains(level)) {
                    problems.add(new FieldProblem(path + ".level", (level == null ? "name the level" : "scorecard '"
                            + scorecard + "' has no level '" + level + "'") + "; its levels are "
                            + String.join(", ", card.get().levelNames())));
                    return null;
                }
                if (service == null) {
                    return null;
                }
                c = new ExitCriterion.ScorecardLevel(keyOr(key, "scorecard-" + service, reservedKeys, used), service, scorecard, level);
            }
            case ExitCriterion.ReviewApproved.KIND -> {
                String service = service(e, m, path, problems);
                ReadinessLevel level = ReadinessLevel.parse(string(m, "level"));
                if (level == null) {
                    problems.add(new FieldProblem(path + ".level", "the readiness level is A, B or C"));
                    return null;
                }
                if (service == null) {
                    return null;
                }
                c = new ExitCriterion.ReviewApproved(keyOr(key, "review-" + service, reservedKeys, used), service, level);
            }
            case ExitCriterion.SloAttainment.KIND -> {
                String slo = slo(e, m, path, problems);
                Integer days = integer(m, "days", path, problems, 1, MAX_DAYS, 28);
                if (slo == null || days == null) {
                    return null;
                }
                c = new ExitCriterion.SloAttainment(keyOr(key, "slo-" + slo, reservedKeys, used), slo, days);
            }
            case ExitCriterion.BudgetNotExhausted.KIND -> {
                String slo = slo(e, m, path, problems);
                if (slo == null) {
                    return null;
                }
                c = new ExitCriterion.BudgetNotExhausted(keyOr(key, "budget-" + slo, reservedKeys, used), slo);
            }
            case ExitCriterion.MaturityScore.KIND -> {
                String areaText = string(m, "area");
                MaturityArea area = null;
                if (areaText != null && !areaText.equals("average")) {
                    area = MaturityArea.fromKey(areaText);
                    if (area == null) {
                        problems.add(new FieldProblem(path + ".area", "unknown area '" + areaText + "'; use one of "
                                + String.join(", ", java.util.Arrays.stream(MaturityArea.values()).map(MaturityArea::key).toList())
                                + ", or leave it out for the average"));
                        return null;
                    }
                }
                Double score = number(m, "score", path, problems);
                if (score == null) {
                    return null;
                }
                if (score < 1 || score > 5) {
                    problems.add(new FieldProblem(path + ".score", "a maturity score is from 1 to 5"));
                    return null;
                }
                c = new ExitCriterion.MaturityScore(keyOr(key, "maturity-" + (area == null ? "average" : area.key()),
                        reservedKeys, used), area, score);
            }
            case ExitCriterion.Manual.KIND -> {
                String title = string(m, "title");
                if (title == null) {
                    problems.add(new FieldProblem(path + ".title", "say what must be true"));
                    return null;
                }
                if (title.length() > 300) {
                    problems.add(new FieldProblem(path + ".title", "at most 300 characters"));
                    return null;
                }
                c = new ExitCriterion.Manual(keyOr(key, "manual", reservedKeys, used), title);
            }
            default -> {
                problems.add(new FieldProblem(path + ".kind", "unknown kind '" + kind + "'; use one of "
                        + String.join(", ", ExitCriterion.kinds())));
                return null;
            }
        }
        return c;
    }

    /** The given key, or one made from the base that no other criterion uses or reserves. */
    private static String keyOr(String key, String base, Set<String> reserved, Set<String> used) {
        if (key != null) {
            return key;
        }
        String slug = base.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-").replaceAll("-+", "-")
                .replaceAll("^-|-$", "");
        if (slug.length() > 58) {
            slug = slug.substring(0, 58).replaceAll("-$", "");
        }
        String candidate = slug;
        for (int n = 2; reserved.contains(candidate) || used.contains(candidate); n++) {
            candidate = slug + "-" + n;
        }
        used.add(candidate);
        return candidate;
    }

    /** A stored criterion back from its map, without checking its references again (they may have gone since). */
    public static ExitCriterion restore(Map<String, Object> m) {
        String key = string(m, "key");
        String kind = string(m, "kind");
        return switch (kind == null ? "" : kind) {
            case ExitCriterion.ScorecardLevel.KIND -> new ExitCriterion.ScorecardLevel(key, string(m, "service"),
                    string(m, "scorecard"), string(m, "level"));
            case ExitCriterion.ReviewApproved.KIND -> new ExitCriterion.ReviewApproved(key, string(m, "service"),
                    ReadinessLevel.parse(string(m, "level")));
            case ExitCriterion.SloAttainment.KIND -> new ExitCriterion.SloAttainment(key, string(m, "slo"),
                    ((Number) m.get("days")).intValue());
            case ExitCriterion.BudgetNotExhausted.KIND -> new ExitCriterion.BudgetNotExhausted(key, string(m, "slo"));
            case ExitCriterion.MaturityScore.KIND -> new ExitCriterion.MaturityScore(key, MaturityArea.fromKey(string(m, "area")),
                    ((Number) m.get("score")).doubleValue());
            case ExitCriterion.Manual.KIND -> new ExitCriterion.Manual(key, string(m, "title"));
            default -> throw new IllegalStateException("stored exit criterion of unknown kind '" + kind + "'");
        };
    }

    private static String service(Engagement e, Map<String, Object> m, String path, List<FieldProblem> problems) {
        String service = string(m, "service");
        if (service == null) {
            problems.add(new FieldProblem(path + ".service", "name the service"));
            return null;
        }
        if (!e.services().contains(service)) {
            problems.add(new FieldProblem(path + ".service", "'" + service + "' is not in the engagement's scope"
                    + (e.services().isEmpty() ? " (no services are)" : " (" + String.join(", ", e.services()) + ")")));
            return null;
        }
        return service;
    }

    private String slo(Engagement e, Map<String, Object> m, String path, List<FieldProblem> problems) {
        String name = string(m, "slo");
        if (name == null) {
            problems.add(new FieldProblem(path + ".slo", "name the SLO"));
            return null;
        }
        Optional<Slo> slo = slos.find(name);
        if (slo.isEmpty()) {
            problems.add(new FieldProblem(path + ".slo", "no SLO named '" + name + "'"));
            return null;
        }
        if (!e.services().contains(slo.get().service())) {
            problems.add(new FieldProblem(path + ".slo", "SLO '" + name + "' belongs to service '" + slo.get().service()
                    + "', which is not in the engagement's scope"));
            return null;
        }
        return name;
    }

    private static String string(Map<String, Object> m, String field) {
        Object v = m.get(field);
        if (v == null) {
            return null;
        }
        String s = String.valueOf(v).trim();
        return s.isEmpty() ? null : s;
    }

    private static Integer integer(Map<String, Object> m, String field, String path, List<FieldProblem> problems,
                                   int min, int max, int fallback) {
        Object v = m.get(field);
        if (v == null || String.valueOf(v).isBlank()) {
            return fallback;
        }
        try {
            int n = v instanceof Number num && num.doubleValue() == Math.rint(num.doubleValue())
                    ? num.intValue() : Integer.parseInt(String.valueOf(v).trim());
            if (n < min || n > max) {
                problems.add(new FieldProblem(path + "." + field, "between " + min + " and " + max));
                return null;
            }
            return n;
        } catch (NumberFormatException ex) {
            problems.add(new FieldProblem(path + "." + field, "a whole number"));
            return null;
        }
    }

    private static Double number(Map<String, Object> m, String field, String path, List<FieldProblem> problems) {
        Object v = m.get(field);
        if (v == null || String.valueOf(v).isBlank()) {
            problems.add(new FieldProblem(path + "." + field, "required"));
            return null;
        }
        try {
            double d = v instanceof Number num ? num.doubleValue() : Double.parseDouble(String.valueOf(v).trim());
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException ex) {
            problems.add(new FieldProblem(path + "." + field, "a number"));
            return null;
        }
    }
}
