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

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads Sloth {@code prometheus/v1} specs. Each SLO becomes a Tandem SLO named {@code service-name}
 * (Sloth's own SLO id), with a 30-day rolling window (Sloth's default period), Occurrences, and
 * Prometheus queries that keep Sloth's {@code {{.window}}} placeholder for the rule generator.
 * {@code sli.plugin} is reported as unsupported: a plugin's queries are not in the file.
 */
public final class SlothReader {

    public static final String VERSION = "prometheus/v1";
    public static final SloDuration PERIOD = SloDuration.parse("30d");

    private final List<SloProblem> problems = new ArrayList<>();
    private final List<SloProblem> warnings = new ArrayList<>();

    private SlothReader() {
    }

    public static SloImport read(String text) {
        return new SlothReader().readAll(text);
    }

    private SloImport readAll(String text) {
        List<SloDefinition> slos = new ArrayList<>();
        int document = 0;
        try {
            for (Node root : new Yaml(new LoaderOptions()).composeAll(new StringReader(text))) {
                document++;
                if (root != null) {
                    spec(new YamlNode(root, "", new YamlNode.Context(document, problems, warnings)), slos);
                }
            }
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            problems.add(new SloProblem(document + 1, line, null, null, "", "not valid YAML: " + e.getProblem()));
        } catch (YAMLException e) {
            problems.add(new SloProblem(document + 1, 0, null, null, "", "not valid YAML: " + e.getMessage()));
        }
        return new SloImport(OpenSloDocuments.of(slos), problems, warnings);
    }

    private void spec(YamlNode root, List<SloDefinition> out) {
        YamlNode.Context ctx = root.ctx;
        ctx.kind = VERSION;
        if (root.isMapping() && root.has("apiVersion") && !root.has("version")) {
            // One problem rather than one per OpenSLO field: the file is read as Sloth because another document is.
            ctx.kind = root.text("kind");
            ctx.name = root.get("metadata") == null ? null : root.get("metadata").text("name");
            ctx.problem(root.get("apiVersion"), "an OpenSLO document in a Sloth file: a file holds either Sloth specs"
                    + " or OpenSLO documents, so put them in separate files (tandem slo import takes several)");
            return;
        }
        if (!root.expectMapping(Set.of("version", "service", "labels", "slos"))) {
            return;
        }
        String version = root.requireText("version");
        if (version != null && !version.equals(VERSION)) {
            ctx.problem(root.get("version"), "must be " + VERSION + ", not '" + version + "'");
        }
        String service = root.requireText("service");
        Map<String, String> labels = root.get("labels") == null ? Map.of() : root.get("labels").stringMap();
        YamlNode slos = root.get("slos");
        if (slos == null) {
            ctx.problem(root, "slos", "is required");
            return;
        }
        for (YamlNode s : slos.items()) {
            ctx.name = null;
            SloDefinition d = slo(s, service, labels);
            if (d != null) {
                out.add(d);
            }
        }
    }

    private SloDefinition slo(YamlNode s, String service, Map<String, String> serviceLabels) {
        YamlNode.Context ctx = s.ctx;
        if (!s.expectMapping(Set.of("name", "objective", "description", "labels", "sli", "alerting"))) {
            return null;
        }
        int before = problems.size();
        String name = s.requireText("name");
        ctx.name = name;
        YamlNode objectiveNode = s.get("objective");
        BigDecimal percent = objectiveNode == null ? null : objectiveNode.decimal();
        if (objectiveNode == null) {
            ctx.problem(s, "objective", "is required");
        } else if (percent != null && (percent.signum() <= 0 || percent.compareTo(BigDecimal.valueOf(100)) >= 0)) {
            ctx.problem(objectiveNode, "must be a percentage in (0, 100), got " + percent.toPlainString());
        }
        Map<String, String> labels = new LinkedHashMap<>(serviceLabels);
        if (s.get("labels") != null) {
            labels.putAll(s.get("labels").stringMap());
        }
        IndicatorMetric metric = sli(s);
        List<AlertTier> tiers = alerting(s);
        if (problems.size() > before || service == null || name == null || percent == null || metric == null) {
            return null;
        }
        try {
            return new SloDefinition(service + "-" + name, name, s.text("description"), service, labels.get("owner"),
                    new Indicator(name, null, null, metric), new BudgetingMethod.Occurrences(),
                    new Objective(null, percent.movePointLeft(2).doubleValue(), true, null, null),
                    new TimeWindow.Rolling(PERIOD), tiers, 0, labels);
        } catch (IllegalArgumentException e) {
            ctx.problem(s, e.getMessage());
            return null;
        }
    }

    private IndicatorMetric sli(YamlNode s) {
        YamlNode sli = s.get("sli");
        if (sli == null) {
            s.ctx.problem(s, "sli", "is required");
            return null;
        }
        if (!sli.expectMapping(Set.of("events", "raw", "plugin"))) {
            return null;
        }
        if (sli.has("plugin")) {
            s.ctx.problem(sli.get("plugin"), "SLI plugins are not supported: write the queries as sli.events or sli.raw");
            return null;
        }
        YamlNode events = sli.get("events");
        YamlNode raw = sli.get("raw");
        if ((events == null) == (raw == null)) {
            s.ctx.problem(sli, "needs exactly one of events and raw");
            return null;
        }
        if (events != null) {
            if (!events.expectMapping(Set.of("error_query", "total_query"))) {
                return null;
            }
            String error = events.requireText("error_query");
            String total = events.requireText("total_query");
            return error == null || total == null ? null
                    : IndicatorMetric.Ratio.badOverTotal(MetricSource.prometheus(error), MetricSource.prometheus(total));
        }
        if (!raw.expectMapping(Set.of("error_ratio_query"))) {
            return null;
        }
        String ratio = raw.requireText("error_ratio_query");
        return ratio == null ? null : new IndicatorMetric.RawRatio(IndicatorMetric.RawType.FAILURE, MetricSource.prometheus(ratio));
    }

    /** Sloth's page and ticket alerts are the default tiers; a disabled one is left out. */
    private List<AlertTier> alerting(YamlNode s) {
        YamlNode alerting = s.get("alerting");
        if (alerting == null) {
            return AlertTier.defaults();
        }
        if (!alerting.expectMapping(Set.of("name", "labels", "annotations", "page_alert", "ticket_alert"))) {
            return AlertTier.defaults();
        }
        for (String field : List.of("name", "labels", "annotations")) {
            if (alerting.has(field)) {
                s.ctx.warning(alerting.get(field), "is not kept: Tandem names its alerts and labels them with slo, service, tier and severity");
            }
        }
        String pageSeverity = alert(alerting.get("page_alert"), "page");
        String ticketSeverity = alert(alerting.get("ticket_alert"), "ticket");
        List<AlertTier> tiers = new ArrayList<>();
        for (AlertTier t : AlertTier.defaults()) {
            String severity = t.severity().equals("page") ? pageSeverity : ticketSeverity;
            if (severity != null) {
                tiers.add(new AlertTier(t.name(), severity, t.longWindow(), t.shortWindow(), t.budgetShare(), t.factor(), t.alertAfter()));
            }
        }
        return tiers.equals(AlertTier.defaults()) ? AlertTier.defaults() : tiers;
    }

    /** The severity of an enabled Sloth alert (its {@code severity} label, else the default), or null if disabled. */
    private static String alert(YamlNode alert, String defaultSeverity) {
        if (alert == null) {
            return defaultSeverity;
        }
        if (!alert.expectMapping(Set.of("disable", "labels", "annotations"))) {
            return defaultSeverity;
        }
        YamlNode disable = alert.get("disable");
        if (disable != null && Boolean.TRUE.equals(disable.bool())) {
            return null;
        }
        Map<String, String> labels = alert.get("labels") == null ? Map.of() : alert.get("labels").stringMap();
        for (String key : labels.keySet()) {
            if (!key.equals("severity")) {
                alert.ctx.warning(alert.get("labels"), "label '" + key + "' is not kept; only severity is");
            }
        }
        if (alert.has("annotations")) {
            alert.ctx.warning(alert.get("annotations"), "is not kept");
        }
        return labels.getOrDefault("severity", defaultSeverity);
    }
}
