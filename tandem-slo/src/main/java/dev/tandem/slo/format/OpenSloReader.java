package dev.tandem.slo.format;

import dev.tandem.slo.AlertTier;
import dev.tandem.slo.BudgetingMethod;
import dev.tandem.slo.Indicator;
import dev.tandem.slo.IndicatorMetric;
import dev.tandem.slo.MetricSource;
import dev.tandem.slo.Objective;
import dev.tandem.slo.SloDefinition;
import dev.tandem.slo.SloDuration;
import dev.tandem.slo.TimeWindow;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads OpenSLO v1 ({@code apiVersion: openslo/v1}) files: kinds SLO, SLI, Service, DataSource,
 * AlertPolicy and AlertCondition, in any number of YAML documents (or as a list in one document),
 * referenced by name or written inline. Every problem is reported with its document, line, kind, name
 * and field path; a file with any problem yields nothing.
 *
 * <p>Tandem's own settings travel as annotations: on an SLO {@code tandem.dev/owner} and
 * {@code tandem.dev/minimum-events}; on an AlertCondition {@code tandem.dev/short-window} and
 * {@code tandem.dev/budget-share}.
 */
public final class OpenSloReader {

    public static final String API_VERSION = "openslo/v1";
    public static final String OWNER = "tandem.dev/owner";
    public static final String MINIMUM_EVENTS = "tandem.dev/minimum-events";
    public static final String SHORT_WINDOW = "tandem.dev/short-window";
    public static final String BUDGET_SHARE = "tandem.dev/budget-share";

    private static final Set<String> TOP = Set.of("apiVersion", "kind", "metadata", "spec");
    private static final Set<String> METADATA = Set.of("name", "displayName", "labels", "annotations");
    private static final Set<String> SLO_SPEC = Set.of("description", "service", "indicator", "indicatorRef",
            "timeWindow", "budgetingMethod", "objectives", "alertPolicies");
    private static final Set<String> OBJECTIVE = Set.of("displayName", "op", "value", "target", "targetPercent",
            "timeSliceTarget", "timeSliceWindow");
    private static final List<String> KINDS = List.of("Service", "DataSource", "SLI", "AlertCondition",
            "AlertPolicy", "SLO", "AlertNotificationTarget");

    private final List<SloProblem> problems = new ArrayList<>();
    private final List<SloProblem> warnings = new ArrayList<>();
    private final Map<String, Map<String, YamlNode>> byKind = new LinkedHashMap<>();
    private final Map<String, OpenSloDocuments.DataSource> dataSources = new LinkedHashMap<>();
    private final Map<String, Indicator> indicators = new LinkedHashMap<>();
    private final Map<String, AlertTier> conditions = new LinkedHashMap<>();
    private final Map<String, AlertTier> policies = new LinkedHashMap<>();

    private OpenSloReader() {
    }

    public static SloImport read(String text) {
        return new OpenSloReader().readAll(text);
    }

    private SloImport readAll(String text) {
        int document = 0;
        try {
            for (Node root : new Yaml(new LoaderOptions()).composeAll(new StringReader(text))) {
                document++;
                if (root == null) {
                    continue;
                }
                if (root instanceof SequenceNode) {
                    List<Node> items = ((SequenceNode) root).getValue();
                    for (int i = 0; i < items.size(); i++) {
                        collect(new YamlNode(items.get(i), "[" + i + "]", context(document)));
                    }
                } else {
                    collect(new YamlNode(root, "", context(document)));
                }
            }
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            problems.add(new SloProblem(document + 1, line, null, null, "", "not valid YAML: " + e.getProblem()));
        } catch (YAMLException e) {
            problems.add(new SloProblem(document + 1, 0, null, null, "", "not valid YAML: " + e.getMessage()));
        }
        if (document == 0 && problems.isEmpty()) {
            problems.add(new SloProblem(1, 0, null, null, "", "the file holds no OpenSLO objects"));
        }
        List<OpenSloDocuments.Service> services = new ArrayList<>();
        objects("DataSource").forEach((name, n) -> dataSources.put(name, dataSource(n, name)));
        objects("Service").forEach((name, n) -> services.add(service(n, name)));
        objects("SLI").forEach((name, n) -> {
            Indicator i = indicator(n, name);
            if (i != null) {
                indicators.put(name, i);
            }
        });
        objects("AlertCondition").forEach((name, n) -> {
            AlertTier t = condition(n, name);
            if (t != null) {
                conditions.put(name, t);
            }
        });
        objects("AlertPolicy").forEach((name, n) -> {
            AlertTier t = policy(n);
            if (t != null) {
                policies.put(name, t);
            }
        });
        objects("AlertNotificationTarget").forEach((name, n) -> n.ctx.warning(n,
                "AlertNotificationTarget is not used: Tandem's alerts are routed by Alertmanager on their labels"));
        List<SloDefinition> slos = new ArrayList<>();
        objects("SLO").forEach((name, n) -> {
            SloDefinition d = slo(n, name);
            if (d != null) {
                slos.add(d);
            }
        });
        OpenSloDocuments docs = new OpenSloDocuments(services, List.copyOf(dataSources.values()),
                List.copyOf(indicators.values()), slos);
        return new SloImport(docs, problems, warnings);
    }

    private YamlNode.Context context(int document) {
        return new YamlNode.Context(document, problems, warnings);
    }

    private Map<String, YamlNode> objects(String kind) {
        return byKind.getOrDefault(kind, Map.of());
    }

    /** Checks the envelope of one object and files it under its kind and name. */
    private void collect(YamlNode obj) {
        if (!obj.expectMapping(TOP)) {
            return;
        }
        String kind = obj.requireText("kind");
        obj.ctx.kind = kind;
        YamlNode metadata = obj.get("metadata");
        String name = null;
        if (metadata == null) {
            obj.ctx.problem(obj, "metadata", "is required");
        } else if (metadata.expectMapping(METADATA)) {
            name = metadata.requireText("name");
            obj.ctx.name = name;
        }
        String apiVersion = obj.requireText("apiVersion");
        if (apiVersion != null && !API_VERSION.equals(apiVersion)) {
            obj.ctx.problem(obj.get("apiVersion"), "must be " + API_VERSION + ", not '" + apiVersion + "'"
                    + ("prometheus/v1".equals(apiVersion) ? " (a Sloth file has 'version: prometheus/v1' at the top)" : ""));
        }
        if (kind == null) {
            return;
        }
        if (!KINDS.contains(kind)) {
            obj.ctx.problem(obj.get("kind"), "unknown kind '" + kind + "' (expected one of " + String.join(", ", KINDS) + ")");
            return;
        }
        if (obj.get("spec") == null && !"AlertNotificationTarget".equals(kind)) {
            obj.ctx.problem(obj, "spec", "is required");
            return;
        }
        if (name == null) {
            return;
        }
        Map<String, YamlNode> ofKind = byKind.computeIfAbsent(kind, k -> new LinkedHashMap<>());
        if (ofKind.containsKey(name)) {
            obj.ctx.problem(metadata.get("name"), "a " + kind + " named '" + name + "' is already defined in document " + ofKind.get(name).ctx.document);
            return;
        }
        ofKind.put(name, obj);
    }

    private static String displayName(YamlNode obj) {
        YamlNode metadata = obj.get("metadata");
        return metadata == null ? null : metadata.text("displayName");
    }

    private OpenSloDocuments.Service service(YamlNode obj, String name) {
        YamlNode spec = obj.get("spec");
        spec.expectMapping(Set.of("description"));
        return new OpenSloDocuments.Service(name, displayName(obj), spec.text("description"));
    }

    private OpenSloDocuments.DataSource dataSource(YamlNode obj, String name) {
        YamlNode spec = obj.get("spec");
        spec.expectMapping(Set.of("description", "type", "connectionDetails"));
        String type = spec.requireText("type");
        YamlNode details = spec.get("connectionDetails");
        return new OpenSloDocuments.DataSource(name, displayName(obj), spec.text("description"), type,
                details == null ? Map.of() : details.plainMap());
    }

    // ---- SLI ----------------------------------------------------------------------------------------

    /** An SLI document, or an inline {@code indicator: {metadata, spec}}. */
    private Indicator indicator(YamlNode obj, String name) {
        YamlNode spec = obj.get("spec");
        if (spec == null) {
            obj.ctx.problem(obj, "spec", "is required");
            return null;
        }
        if (!spec.expectMapping(Set.of("description", "thresholdMetric", "ratioMetric"))) {
            return null;
        }
        YamlNode threshold = spec.get("thresholdMetric");
        YamlNode ratio = spec.get("ratioMetric");
        if ((threshold == null) == (ratio == null)) {
            obj.ctx.problem(spec, "needs exactly one of thresholdMetric and ratioMetric");
            return null;
        }
        IndicatorMetric metric;
        if (threshold != null) {
            MetricSource source = metricSource(threshold);
            metric = source == null ? null : new IndicatorMetric.Threshold(source);
        } else {
            metric = ratioMetric(ratio);
        }
        return metric == null ? null : new Indicator(name, displayName(obj), spec.text("description"), metric);
    }

    private IndicatorMetric ratioMetric(YamlNode ratio) {
        if (!ratio.expectMapping(Set.of("counter", "good", "bad", "total", "rawType", "raw"))) {
            return null;
        }
        YamlNode counterNode = ratio.get("counter");
        Boolean counter = counterNode == null ? Boolean.TRUE : counterNode.bool();
        YamlNode good = ratio.get("good");
        YamlNode bad = ratio.get("bad");
        YamlNode total = ratio.get("total");
        YamlNode raw = ratio.get("raw");
        if (raw != null) {
            if (good != null || bad != null || total != null) {
                ratio.ctx.problem(raw, "raw cannot be used together with good, bad or total");
                return null;
            }
            String rawType = ratio.requireText("rawType");
            MetricSource source = metricSource(raw);
            if (rawType == null || source == null) {
                return null;
            }
            if (!rawType.equals("success") && !rawType.equals("failure")) {
                ratio.ctx.problem(ratio.get("rawType"), "must be success or failure, not '" + rawType + "'");
                return null;
            }
            return new IndicatorMetric.RawRatio(rawType.equals("success") ? IndicatorMetric.RawType.SUCCESS
                    : IndicatorMetric.RawType.FAILURE, source);
        }
        if (ratio.has("rawType")) {
            ratio.ctx.problem(ratio.get("rawType"), "applies only with raw");
        }
        if ((good == null) == (bad == null)) {
            ratio.ctx.problem(ratio, "needs exactly one of good and bad (with total), or raw");
            return null;
        }
        if (total == null) {
            ratio.ctx.problem(ratio, "total", "is required with " + (good != null ? "good" : "bad"));
            return null;
        }
        MetricSource numerator = metricSource(good != null ? good : bad);
        MetricSource denominator = metricSource(total);
        if (numerator == null || denominator == null || counter == null) {
            return null;
        }
        return new IndicatorMetric.Ratio(good != null ? IndicatorMetric.Events.GOOD : IndicatorMetric.Events.BAD,
                numerator, denominator, counter);
    }

    private MetricSource metricSource(YamlNode holder) {
        if (!holder.expectMapping(Set.of("metricSource"))) {
            return null;
        }
        YamlNode ms = holder.get("metricSource");
        if (ms == null) {
            holder.ctx.problem(holder, "metricSource", "is required");
            return null;
        }
        if (!ms.expectMapping(Set.of("metricSourceRef", "type", "spec"))) {
            return null;
        }
        String ref = ms.text("metricSourceRef");
        String type = ms.text("type");
        if (ref != null) {
            OpenSloDocuments.DataSource ds = dataSources.get(ref);
            if (ds == null) {
                ms.ctx.problem(ms.get("metricSourceRef"), "no DataSource named '" + ref + "' in this file");
                return null;
            }
            if (type == null) {
                type = ds.type();
            } else if (ds.type() != null && !ds.type().equals(type)) {
                ms.ctx.problem(ms.get("type"), "is '" + type + "' but DataSource '" + ref + "' has type '" + ds.type() + "'");
                return null;
            }
        }
        YamlNode specNode = ms.get("spec");
        Map<String, Object> spec = specNode == null ? Map.of() : specNode.plainMap();
        MetricSource source = new MetricSource(type, ref, spec);
        if (type != null && !source.isPrometheus() && !source.isBuiltIn()) {
            ms.ctx.problem(ms.get("type") != null ? ms.get("type") : ms, "unsupported metric source type '" + type
                    + "': Tandem reads Prometheus and its built-in store (type Tandem, or no type)");
            return null;
        }
        if (source.isPrometheus() && (!(spec.get("query") instanceof String) || ((String) spec.get("query")).isBlank())) {
            ms.ctx.problem(specNode != null ? specNode : ms, specNode != null ? "must have a query (PromQL)" : "spec with a query (PromQL) is required for Prometheus");
            return null;
        }
        return source;
    }

    // ---- alerting -----------------------------------------------------------------------------------

    private AlertTier policy(YamlNode obj) {
        YamlNode spec = obj.get("spec");
        if (!spec.expectMapping(Set.of("description", "alertWhenNoData", "alertWhenResolved", "alertWhenBreaching",
                "conditions", "notificationTargets"))) {
            return null;
        }
        for (String flag : List.of("alertWhenNoData", "alertWhenResolved", "alertWhenBreaching")) {
            YamlNode f = spec.get(flag);
            Boolean value = f == null ? null : f.bool();
            if (flag.equals("alertWhenBreaching") ? Boolean.FALSE.equals(value) : Boolean.TRUE.equals(value)) {
                obj.ctx.warning(f, "is not supported: Tandem alerts when the burn rate breaches, and reports missing data as a state");
            }
        }
        if (spec.has("notificationTargets")) {
            obj.ctx.warning(spec.get("notificationTargets"), "is not used: Tandem's alerts are routed by Alertmanager on their labels");
        }
        YamlNode conditionsNode = spec.get("conditions");
        if (conditionsNode == null) {
            obj.ctx.problem(spec, "conditions", "is required");
            return null;
        }
        List<YamlNode> items = conditionsNode.items();
        if (items.size() != 1) {
            obj.ctx.problem(conditionsNode, "must hold exactly one condition (as OpenSLO v1 requires)");
            return null;
        }
        YamlNode c = items.get(0);
        if (c.has("conditionRef")) {
            c.expectMapping(Set.of("conditionRef"));
            String ref = c.text("conditionRef");
            AlertTier tier = conditions.get(ref);
            if (tier == null && !objects("AlertCondition").containsKey(ref)) {
                obj.ctx.problem(c.get("conditionRef"), "no AlertCondition named '" + ref + "' in this file");
            }
            return tier;
        }
        return inline(c, "AlertCondition", this::condition);
    }

    private interface ObjectReader<T> {
        T read(YamlNode obj, String name);
    }

    /** An object written inside another: {@code {kind, metadata: {name}, spec}} (apiVersion optional). */
    private <T> T inline(YamlNode obj, String kind, ObjectReader<T> reader) {
        if (!obj.expectMapping(TOP)) {
            return null;
        }
        String k = obj.text("kind");
        if (k != null && !k.equals(kind)) {
            obj.ctx.problem(obj.get("kind"), "must be " + kind + ", not '" + k + "'");
            return null;
        }
        String apiVersion = obj.text("apiVersion");
        if (apiVersion != null && !API_VERSION.equals(apiVersion)) {
            obj.ctx.problem(obj.get("apiVersion"), "must be " + API_VERSION + ", not '" + apiVersion + "'");
        }
        YamlNode metadata = obj.get("metadata");
        if (metadata == null) {
            obj.ctx.problem(obj, "metadata", "is required");
            return null;
        }
        metadata.expectMapping(METADATA);
        String name = metadata.requireText("name");
        if (obj.get("spec") == null) {
            obj.ctx.problem(obj, "spec", "is required");
            return null;
        }
        return name == null ? null : reader.read(obj, name);
    }

    private AlertTier condition(YamlNode obj, String name) {
        YamlNode spec = obj.get("spec");
        if (!spec.expectMapping(Set.of("description", "severity", "condition"))) {
            return null;
        }
        String severity = spec.requireText("severity");
        YamlNode cond = spec.get("condition");
        if (cond == null) {
            obj.ctx.problem(spec, "condition", "is required");
            return null;
        }
        if (!cond.expectMapping(Set.of("kind", "op", "threshold", "lookbackWindow", "alertAfter"))) {
            return null;
        }
        String kind = cond.text("kind");
        if (kind != null && !kind.equals("burnrate")) {
            obj.ctx.problem(cond.get("kind"), "unsupported condition kind '" + kind + "' (only burnrate)");
        }
        String op = cond.text("op");
        if (op != null && (op.equals("lt") || op.equals("lte"))) {
            obj.ctx.warning(cond.get("op"), "a burn-rate condition fires when the burn rate is above its threshold; '" + op + "' is read as gt");
        } else if (op != null && !op.equals("gt") && !op.equals("gte")) {
            obj.ctx.problem(cond.get("op"), "must be gt or gte, not '" + op + "'");
        }
        YamlNode thresholdNode = cond.get("threshold");
        BigDecimal threshold = thresholdNode == null ? null : thresholdNode.decimal();
        if (thresholdNode == null) {
            obj.ctx.problem(cond, "threshold", "is required");
        } else if (threshold != null && threshold.signum() <= 0) {
            obj.ctx.problem(thresholdNode, "must be a positive burn rate");
            threshold = null;
        }
        Duration lookback = fixedDuration(cond, "lookbackWindow", true);
        Duration after = fixedDuration(cond, "alertAfter", false);
        Map<String, String> annotations = annotations(obj);
        Duration shortWindow = null;
        BigDecimal share = null;
        YamlNode annotationNode = obj.get("metadata").get("annotations");
        if (annotations.containsKey(SHORT_WINDOW)) {
            shortWindow = parseFixed(annotationNode, SHORT_WINDOW, annotations.get(SHORT_WINDOW));
        }
        if (annotations.containsKey(BUDGET_SHARE)) {
            try {
                share = new BigDecimal(annotations.get(BUDGET_SHARE));
            } catch (NumberFormatException e) {
                obj.ctx.problem(annotationNode, BUDGET_SHARE, "must be a number such as 0.02");
            }
        }
        if (severity == null || threshold == null || lookback == null || (annotations.containsKey(SHORT_WINDOW) && shortWindow == null)) {
            return null;
        }
        if (shortWindow == null) {
            shortWindow = defaultShortWindow(lookback);
        }
        try {
            return new AlertTier(name, severity, lookback, shortWindow, share, share == null ? threshold : null,
                    after == null ? Duration.ZERO : after);
        } catch (IllegalArgumentException e) {
            obj.ctx.problem(spec, e.getMessage());
            return null;
        }
    }

    /** The SRE workbook's ratio: the short window is a twelfth of the long one, in whole minutes. */
    public static Duration defaultShortWindow(Duration longWindow) {
        return Duration.ofMinutes(Math.max(1, longWindow.toMinutes() / 12));
    }

    private static Map<String, String> annotations(YamlNode obj) {
        YamlNode metadata = obj.get("metadata");
        YamlNode a = metadata == null ? null : metadata.get("annotations");
        return a == null ? Map.of() : a.stringMap();
    }

    private static Duration fixedDuration(YamlNode holder, String key, boolean required) {
        YamlNode v = holder.get(key);
        if (v == null) {
            if (required) {
                holder.ctx.problem(holder, key, "is required");
            }
            return null;
        }
        String text = v.text();
        if (text != null && !required && text.trim().matches("0+[mhdw]")) {
            return Duration.ZERO;   // alertAfter: 0m, the spec's default
        }
        return text == null ? null : parseFixed(v, null, text);
    }

    private static Duration parseFixed(YamlNode at, String field, String text) {
        try {
            SloDuration d = SloDuration.parse(text);
            if (d.unit().isCalendarOnly()) {
                throw new IllegalArgumentException("'" + text + "' must be in m, h, d or w here");
            }
            return d.nominal();
        } catch (IllegalArgumentException e) {
            if (field == null) {
                at.ctx.problem(at, e.getMessage());
            } else {
                at.ctx.problem(at, field, e.getMessage());
            }
            return null;
        }
    }

    // ---- SLO ----------------------------------------------------------------------------------------

    private SloDefinition slo(YamlNode obj, String name) {
        YamlNode spec = obj.get("spec");
        if (!spec.expectMapping(SLO_SPEC)) {
            return null;
        }
        int before = problems.size();
        String service = spec.requireText("service");
        Indicator indicator = sloIndicator(spec);
        TimeWindow window = timeWindow(spec);
        YamlNode objectivesNode = spec.get("objectives");
        YamlNode objectiveNode = null;
        if (objectivesNode == null) {
            obj.ctx.problem(spec, "objectives", "is required");
        } else {
            List<YamlNode> items = objectivesNode.items();
            if (items.isEmpty()) {
                obj.ctx.problem(objectivesNode, "needs one objective");
            } else if (items.size() > 1) {
                obj.ctx.problem(items.get(1), "only one objective per SLO is supported (no composite or multi-objective SLOs)");
            } else {
                objectiveNode = items.get(0);
            }
        }
        BudgetingMethod method = null;
        Objective objective = null;
        if (objectiveNode != null && objectiveNode.expectMapping(OBJECTIVE)) {
            method = budgetingMethod(spec, objectiveNode);
            objective = objective(objectiveNode, indicator);
        }
        List<AlertTier> tiers = alertPolicies(spec);
        Map<String, String> labels = Map.of();
        YamlNode labelsNode = obj.get("metadata").get("labels");
        if (labelsNode != null) {
            labels = labelsNode.stringMap();
        }
        Map<String, String> annotations = annotations(obj);
        YamlNode annotationsNode = obj.get("metadata").get("annotations");
        long minimum = 0;
        for (String key : annotations.keySet()) {
            if (key.equals(MINIMUM_EVENTS)) {
                try {
                    minimum = Long.parseLong(annotations.get(key));
                    if (minimum < 0) {
                        throw new NumberFormatException();
                    }
                } catch (NumberFormatException e) {
                    obj.ctx.problem(annotationsNode, key, "must be a whole number of events, 0 or more");
                }
            } else if (!key.equals(OWNER)) {
                obj.ctx.warning(annotationsNode, "annotation '" + key + "' is not kept");
            }
        }
        String owner = annotations.containsKey(OWNER) ? annotations.get(OWNER) : labels.get("owner");
        if (problems.size() > before || indicator == null || window == null || method == null || objective == null) {
            return null;
        }
        try {
            return new SloDefinition(name, displayName(obj), spec.text("description"), service, owner, indicator,
                    method, objective, window, tiers, minimum, labels);
        } catch (IllegalArgumentException e) {
            obj.ctx.problem(spec, e.getMessage());
            return null;
        }
    }

    private Indicator sloIndicator(YamlNode spec) {
        YamlNode inline = spec.get("indicator");
        String ref = spec.text("indicatorRef");
        if ((inline == null) == (ref == null)) {
            spec.ctx.problem(spec, "needs exactly one of indicator and indicatorRef");
            return null;
        }
        if (ref != null) {
            Indicator i = indicators.get(ref);
            if (i == null && !objects("SLI").containsKey(ref)) {
                spec.ctx.problem(spec.get("indicatorRef"), "no SLI named '" + ref + "' in this file");
            }
            return i;
        }
        return inline(inline, "SLI", this::indicator);
    }

    private TimeWindow timeWindow(YamlNode spec) {
        YamlNode list = spec.get("timeWindow");
        if (list == null) {
            spec.ctx.problem(spec, "timeWindow", "is required (for example: - duration: 30d, isRolling: true)");
            return null;
        }
        List<YamlNode> items = list.items();
        if (items.size() != 1) {
            spec.ctx.problem(list, "must hold exactly one time window");
            return null;
        }
        YamlNode w = items.get(0);
        if (!w.expectMapping(Set.of("duration", "isRolling", "calendar"))) {
            return null;
        }
        String durationText = w.requireText("duration");
        YamlNode rollingNode = w.get("isRolling");
        Boolean rolling = rollingNode == null ? null : rollingNode.bool();
        YamlNode calendar = w.get("calendar");
        if (durationText == null) {
            return null;
        }
        SloDuration duration;
        try {
            duration = SloDuration.parse(durationText);
        } catch (IllegalArgumentException e) {
            spec.ctx.problem(w.get("duration"), e.getMessage());
            return null;
        }
        if (calendar == null) {
            if (Boolean.FALSE.equals(rolling)) {
                spec.ctx.problem(w, "calendar", "is required when isRolling is false");
                return null;
            }
            if (duration.unit().isCalendarOnly()) {
                spec.ctx.problem(w.get("duration"), "a rolling window is measured in m, h, d or w; use a calendar window for " + duration);
                return null;
            }
            return new TimeWindow.Rolling(duration);
        }
        if (Boolean.TRUE.equals(rolling)) {
            spec.ctx.problem(rollingNode, "must be false (or absent) for a calendar window");
            return null;
        }
        if (!calendar.expectMapping(Set.of("startTime", "timeZone"))) {
            return null;
        }
        String start = calendar.requireText("startTime");
        String zone = calendar.requireText("timeZone");
        if (start == null || zone == null) {
            return null;
        }
        LocalDateTime startTime;
        try {
            startTime = LocalDateTime.parse(start.trim().replace(' ', 'T'));
        } catch (DateTimeParseException e) {
            spec.ctx.problem(calendar.get("startTime"), "must be a local date and time such as 2026-01-01 00:00:00, not '" + start + "'");
            return null;
        }
        try {
            return new TimeWindow.Calendar(duration, startTime, ZoneId.of(zone));
        } catch (DateTimeException e) {
            spec.ctx.problem(calendar.get("timeZone"), "unknown IANA time zone '" + zone + "'");
            return null;
        }
    }

    private BudgetingMethod budgetingMethod(YamlNode spec, YamlNode objective) {
        String name = spec.requireText("budgetingMethod");
        if (name == null) {
            return null;
        }
        YamlNode targetNode = objective.get("timeSliceTarget");
        YamlNode windowNode = objective.get("timeSliceWindow");
        // The spec itself writes both Timeslices and TimeSlices; both are accepted.
        switch (name) {
            case "Occurrences":
                if (targetNode != null || windowNode != null) {
                    spec.ctx.problem(targetNode != null ? targetNode : windowNode, "applies only to Timeslices and RatioTimeslices");
                    return null;
                }
                return new BudgetingMethod.Occurrences();
            case "Timeslices":
            case "TimeSlices": {
                BigDecimal target = targetNode == null ? null : targetNode.decimal();
                SloDuration window = sliceWindow(objective, windowNode);
                if (targetNode == null) {
                    spec.ctx.problem(objective, "timeSliceTarget", "is required with budgetingMethod " + name);
                    return null;
                }
                if (target == null || window == null) {
                    return null;
                }
                if (target.signum() <= 0 || target.compareTo(BigDecimal.ONE) > 0) {
                    spec.ctx.problem(targetNode, "must be in (0, 1], got " + target.toPlainString());
                    return null;
                }
                return new BudgetingMethod.Timeslices(target.doubleValue(), window);
            }
            case "RatioTimeslices":
            case "RatioTimeSlices": {
                if (targetNode != null) {
                    spec.ctx.problem(targetNode, "applies only to Timeslices");
                    return null;
                }
                SloDuration window = sliceWindow(objective, windowNode);
                return window == null ? null : new BudgetingMethod.RatioTimeslices(window);
            }
            default:
                spec.ctx.problem(spec.get("budgetingMethod"), "must be Occurrences, Timeslices or RatioTimeslices, not '" + name + "'");
                return null;
        }
    }

    private static SloDuration sliceWindow(YamlNode objective, YamlNode windowNode) {
        if (windowNode == null) {
            objective.ctx.problem(objective, "timeSliceWindow", "is required with time slices");
            return null;
        }
        String text = windowNode.text();
        if (text == null) {
            return null;
        }
        try {
            // A bare number is minutes, as the spec says.
            SloDuration d = text.matches("[0-9]+") ? SloDuration.parse(text + "m") : SloDuration.parse(text);
            if (d.unit().isCalendarOnly()) {
                throw new IllegalArgumentException("'" + text + "' must be in m, h, d or w");
            }
            return d;
        } catch (IllegalArgumentException e) {
            objective.ctx.problem(windowNode, e.getMessage());
            return null;
        }
    }

    private static Objective objective(YamlNode o, Indicator indicator) {
        YamlNode targetNode = o.get("target");
        YamlNode percentNode = o.get("targetPercent");
        if ((targetNode == null) == (percentNode == null)) {
            o.ctx.problem(o, "needs exactly one of target and targetPercent");
            return null;
        }
        BigDecimal target;
        if (targetNode != null) {
            target = targetNode.decimal();
            if (target != null && (target.signum() <= 0 || target.compareTo(BigDecimal.ONE) >= 0)) {
                o.ctx.problem(targetNode, "must be in (0, 1), got " + target.toPlainString());
                return null;
            }
        } else {
            BigDecimal percent = percentNode.decimal();
            if (percent != null && (percent.signum() <= 0 || percent.compareTo(BigDecimal.valueOf(100)) >= 0)) {
                o.ctx.problem(percentNode, "must be in (0, 100), got " + percent.toPlainString());
                return null;
            }
            target = percent == null ? null : percent.movePointLeft(2);
        }
        String op = o.text("op");
        YamlNode valueNode = o.get("value");
        BigDecimal value = valueNode == null ? null : valueNode.decimal();
        boolean threshold = indicator != null && indicator.metric() instanceof IndicatorMetric.Threshold;
        Objective.Op parsedOp = null;
        if (threshold) {
            if (op == null || valueNode == null) {
                o.ctx.problem(o, op == null ? "op" : "value", "is required for a threshold metric");
                return null;
            }
            try {
                parsedOp = Objective.Op.of(op);
            } catch (IllegalArgumentException e) {
                o.ctx.problem(o.get("op"), e.getMessage());
                return null;
            }
        } else if (indicator != null && (op != null || valueNode != null)) {
            o.ctx.problem(op != null ? o.get("op") : valueNode, "applies only to a threshold metric");
            return null;
        }
        if (target == null || (threshold && value == null)) {
            return null;
        }
        return new Objective(o.text("displayName"), target.doubleValue(), percentNode != null, parsedOp,
                value == null ? null : value.doubleValue());
    }

    private List<AlertTier> alertPolicies(YamlNode spec) {
        YamlNode list = spec.get("alertPolicies");
        List<AlertTier> tiers = new ArrayList<>();
        if (list == null) {
            return AlertTier.defaults();
        }
        for (YamlNode p : list.items()) {
            AlertTier tier;
            if (p.has("alertPolicyRef")) {
                p.expectMapping(Set.of("alertPolicyRef"));
                String ref = p.text("alertPolicyRef");
                tier = policies.get(ref);
                if (tier == null && !objects("AlertPolicy").containsKey(ref)) {
                    spec.ctx.problem(p.get("alertPolicyRef"), "no AlertPolicy named '" + ref + "' in this file");
                }
            } else {
                tier = inline(p, "AlertPolicy", (obj, name) -> policy(obj));
            }
            if (tier != null) {
                for (AlertTier t : tiers) {
                    if (t.name().equals(tier.name())) {
                        spec.ctx.problem(p, "alert condition '" + tier.name() + "' is used twice in this SLO");
                    }
                }
                tiers.add(tier);
            }
        }
        return tiers;
    }
}
