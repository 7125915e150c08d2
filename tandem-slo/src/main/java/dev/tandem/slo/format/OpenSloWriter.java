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
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes OpenSLO v1 documents that {@link OpenSloReader} reads back into an equal model. SLIs listed in
 * {@link OpenSloDocuments#indicators()} are written as SLI documents and referenced by name; other
 * indicators and all alert tiers are written inline.
 */
public final class OpenSloWriter {

    private static final DateTimeFormatter START = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private OpenSloWriter() {
    }

    public static String write(List<SloDefinition> slos) {
        return write(OpenSloDocuments.of(slos));
    }

    public static String write(OpenSloDocuments docs) {
        List<Object> out = new ArrayList<>();
        for (OpenSloDocuments.Service s : docs.services()) {
            Map<String, Object> spec = new LinkedHashMap<>();
            put(spec, "description", s.description());
            out.add(object("Service", metadata(s.name(), s.displayName()), spec));
        }
        for (OpenSloDocuments.DataSource d : docs.dataSources()) {
            Map<String, Object> spec = new LinkedHashMap<>();
            put(spec, "description", d.description());
            put(spec, "type", d.type());
            if (!d.connectionDetails().isEmpty()) {
                spec.put("connectionDetails", d.connectionDetails());
            }
            out.add(object("DataSource", metadata(d.name(), d.displayName()), spec));
        }
        for (Indicator i : docs.indicators()) {
            out.add(object("SLI", metadata(i.name(), i.displayName()), indicatorSpec(i)));
        }
        for (SloDefinition slo : docs.slos()) {
            out.add(slo(slo, docs.indicators().contains(slo.indicator())));
        }
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndicatorIndent(2);
        options.setIndentWithIndicator(true);
        options.setExplicitStart(true);
        options.setWidth(200);
        return new Yaml(options).dumpAll(out.iterator());
    }

    private static Map<String, Object> object(String kind, Map<String, Object> metadata, Map<String, Object> spec) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("apiVersion", OpenSloReader.API_VERSION);
        m.put("kind", kind);
        m.put("metadata", metadata);
        m.put("spec", spec);
        return m;
    }

    private static Map<String, Object> metadata(String name, String displayName) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        put(m, "displayName", displayName);
        return m;
    }

    private static void put(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }

    private static Map<String, Object> slo(SloDefinition slo, boolean indicatorByRef) {
        Map<String, Object> metadata = metadata(slo.name(), slo.displayName());
        if (!slo.labels().isEmpty()) {
            metadata.put("labels", new LinkedHashMap<>(slo.labels()));
        }
        Map<String, Object> annotations = new LinkedHashMap<>();
        if (slo.owner() != null && !slo.owner().equals(slo.labels().get("owner"))) {
            annotations.put(OpenSloReader.OWNER, slo.owner());
        }
        if (slo.minimumEvents() > 0) {
            annotations.put(OpenSloReader.MINIMUM_EVENTS, Long.toString(slo.minimumEvents()));
        }
        if (!annotations.isEmpty()) {
            metadata.put("annotations", annotations);
        }
        Map<String, Object> spec = new LinkedHashMap<>();
        put(spec, "description", slo.description());
        spec.put("service", slo.service());
        Indicator indicator = slo.indicator();
        if (indicatorByRef) {
            spec.put("indicatorRef", indicator.name());
        } else {
            Map<String, Object> inline = new LinkedHashMap<>();
            inline.put("metadata", metadata(indicator.name() == null ? slo.name() : indicator.name(), indicator.displayName()));
            inline.put("spec", indicatorSpec(indicator));
            spec.put("indicator", inline);
        }
        spec.put("timeWindow", List.of(timeWindow(slo.timeWindow())));
        spec.put("budgetingMethod", slo.budgetingMethod().openSloName());
        spec.put("objectives", List.of(objective(slo.objective(), slo.budgetingMethod())));
        // The defaults are what a file without alertPolicies means; "alertPolicies: []" means no alerts.
        if (!slo.alertTiers().equals(AlertTier.defaults())) {
            List<Object> policies = new ArrayList<>();
            for (AlertTier t : slo.alertTiers()) {
                policies.add(policy(t, slo.timeWindow().nominalLength()));
            }
            spec.put("alertPolicies", policies);
        }
        return object("SLO", metadata, spec);
    }

    private static Map<String, Object> indicatorSpec(Indicator i) {
        Map<String, Object> spec = new LinkedHashMap<>();
        put(spec, "description", i.description());
        IndicatorMetric m = i.metric();
        if (m instanceof IndicatorMetric.Threshold t) {
            spec.put("thresholdMetric", source(t.source()));
        } else if (m instanceof IndicatorMetric.Ratio r) {
            Map<String, Object> ratio = new LinkedHashMap<>();
            ratio.put("counter", r.counter());
            ratio.put(r.events() == IndicatorMetric.Events.GOOD ? "good" : "bad", source(r.numerator()));
            ratio.put("total", source(r.total()));
            spec.put("ratioMetric", ratio);
        } else {
            IndicatorMetric.RawRatio raw = (IndicatorMetric.RawRatio) m;
            Map<String, Object> ratio = new LinkedHashMap<>();
            ratio.put("rawType", raw.rawType() == IndicatorMetric.RawType.SUCCESS ? "success" : "failure");
            ratio.put("raw", source(raw.raw()));
            spec.put("ratioMetric", ratio);
        }
        return spec;
    }

    private static Map<String, Object> source(MetricSource s) {
        Map<String, Object> ms = new LinkedHashMap<>();
        put(ms, "metricSourceRef", s.sourceRef());
        put(ms, "type", s.type());
        if (!s.spec().isEmpty()) {
            ms.put("spec", s.spec());
        }
        return Map.of("metricSource", ms);
    }

    private static Map<String, Object> timeWindow(TimeWindow w) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("duration", w.duration().toString());
        if (w instanceof TimeWindow.Calendar c) {
            Map<String, Object> cal = new LinkedHashMap<>();
            cal.put("startTime", START.format(c.startTime()));
            cal.put("timeZone", c.timeZone().getId());
            m.put("calendar", cal);
            m.put("isRolling", false);
        } else {
            m.put("isRolling", true);
        }
        return m;
    }

    private static Map<String, Object> objective(Objective o, BudgetingMethod method) {
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "displayName", o.displayName());
        if (o.op() != null) {
            m.put("op", o.op().openSlo());
            m.put("value", o.value());
        }
        if (o.givenAsPercent()) {
            m.put("targetPercent", BigDecimal.valueOf(o.target()).movePointRight(2).doubleValue());
        } else {
            m.put("target", o.target());
        }
        if (method instanceof BudgetingMethod.Timeslices t) {
            m.put("timeSliceTarget", t.sliceTarget());
            m.put("timeSliceWindow", t.sliceWindow().toString());
        } else if (method instanceof BudgetingMethod.RatioTimeslices r) {
            m.put("timeSliceWindow", r.sliceWindow().toString());
        }
        return m;
    }

    private static Map<String, Object> policy(AlertTier t, Duration window) {
        Map<String, Object> annotations = new LinkedHashMap<>();
        if (!t.shortWindow().equals(OpenSloReader.defaultShortWindow(t.longWindow()))) {
            annotations.put(OpenSloReader.SHORT_WINDOW, SloDuration.format(t.shortWindow()));
        }
        if (t.budgetShare() != null) {
            annotations.put(OpenSloReader.BUDGET_SHARE, t.budgetShare().toPlainString());
        }
        Map<String, Object> conditionMeta = metadata(t.name(), null);
        if (!annotations.isEmpty()) {
            conditionMeta.put("annotations", annotations);
        }
        Map<String, Object> condition = new LinkedHashMap<>();
        condition.put("kind", "burnrate");
        condition.put("op", "gt");
        condition.put("threshold", t.factorFor(window).doubleValue());
        condition.put("lookbackWindow", SloDuration.format(t.longWindow()));
        condition.put("alertAfter", t.alertAfter().isZero() ? "0m" : SloDuration.format(t.alertAfter()));
        Map<String, Object> conditionSpec = new LinkedHashMap<>();
        conditionSpec.put("severity", t.severity());
        conditionSpec.put("condition", condition);
        Map<String, Object> inlineCondition = new LinkedHashMap<>();
        inlineCondition.put("kind", "AlertCondition");
        inlineCondition.put("metadata", conditionMeta);
        inlineCondition.put("spec", conditionSpec);

        Map<String, Object> policySpec = new LinkedHashMap<>();
        policySpec.put("alertWhenBreaching", true);
        policySpec.put("conditions", List.of(inlineCondition));
        Map<String, Object> policy = new LinkedHashMap<>();
        policy.put("kind", "AlertPolicy");
        policy.put("metadata", metadata(t.name(), null));
        policy.put("spec", policySpec);
        return policy;
    }
}
