package dev.tandem.slo.internal;

import dev.tandem.shared.DocumentProblem;
import dev.tandem.slo.Indicator;
import dev.tandem.slo.IndicatorMetric;
import dev.tandem.slo.MetricSource;
import dev.tandem.slo.SloDefinition;
import dev.tandem.slo.format.OpenSloDocuments;
import dev.tandem.slo.format.OpenSloWriter;
import dev.tandem.slo.format.SloFiles;
import dev.tandem.slo.format.SloProblem;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Each SLO is stored as an OpenSLO document of its own: the SLO with its indicator inline and the
 * DataSources it references. Written by the engine's writer, the text is canonical, so its digest says
 * whether a re-import changed anything (comments, order and formatting of the uploaded file do not).
 */
public final class SloDocuments {

    /** One SLO of an uploaded file, ready to store. */
    public record Entry(SloDefinition definition, String document, String digest, String source, String sourceUrl) {
    }

    private static final Map<String, SloDefinition> PARSED = new ConcurrentHashMap<>();

    private SloDocuments() {
    }

    public static List<Entry> entries(OpenSloDocuments docs) {
        List<Entry> out = new ArrayList<>();
        for (SloDefinition slo : docs.slos()) {
            Set<String> refs = new LinkedHashSet<>();
            for (MetricSource m : sources(slo.indicator())) {
                if (m.sourceRef() != null) {
                    refs.add(m.sourceRef());
                }
            }
            List<OpenSloDocuments.DataSource> used = docs.dataSources().stream().filter(d -> refs.contains(d.name())).toList();
            String text = OpenSloWriter.write(new OpenSloDocuments(List.of(), used, List.of(), List.of(slo)));
            boolean builtIn = slo.indicator().readsBuiltInStore();
            String url = null;
            for (OpenSloDocuments.DataSource d : used) {
                Object u = d.connectionDetails().get("url");
                if (u == null) {
                    u = d.connectionDetails().get("address");
                }
                if (u != null && !u.toString().isBlank()) {
                    url = u.toString().trim();
                }
            }
            out.add(new Entry(slo, text, digest(text), builtIn ? dev.tandem.slo.Slo.TANDEM : dev.tandem.slo.Slo.PROMETHEUS, url));
        }
        return out;
    }

    /**
     * Warnings for the objects of a file the server does not keep, which would otherwise vanish silently: Service
     * documents (services live in the catalog), and SLIs and DataSources no SLO of the file uses (each SLO is
     * stored with its own indicator and DataSources).
     */
    public static List<String> notStored(OpenSloDocuments docs) {
        Set<String> usedSources = new LinkedHashSet<>();
        Set<Indicator> usedIndicators = new LinkedHashSet<>();
        for (SloDefinition slo : docs.slos()) {
            usedIndicators.add(slo.indicator());
            for (MetricSource m : sources(slo.indicator())) {
                if (m.sourceRef() != null) {
                    usedSources.add(m.sourceRef());
                }
            }
        }
        List<String> out = new ArrayList<>();
        for (OpenSloDocuments.Service s : docs.services()) {
            out.add("Service " + s.name() + ": not stored: services come from the catalog, which an SLO import does not change");
        }
        for (Indicator i : docs.indicators()) {
            if (!usedIndicators.contains(i)) {
                out.add("SLI " + i.name() + ": not stored: no SLO in the file uses it");
            }
        }
        for (OpenSloDocuments.DataSource d : docs.dataSources()) {
            if (!usedSources.contains(d.name())) {
                out.add("DataSource " + d.name() + ": not stored: no SLO in the file uses it");
            }
        }
        return out;
    }

    static List<MetricSource> sources(Indicator indicator) {
        IndicatorMetric m = indicator.metric();
        if (m instanceof IndicatorMetric.Ratio r) {
            return List.of(r.numerator(), r.total());
        }
        if (m instanceof IndicatorMetric.RawRatio r) {
            return List.of(r.raw());
        }
        return List.of(((IndicatorMetric.Threshold) m).source());
    }

    /** The definition a stored document holds (stored documents were valid when imported). */
    public static SloDefinition definition(String digest, String document) {
        return PARSED.computeIfAbsent(digest, d -> {
            if (PARSED.size() > 50_000) {
                PARSED.clear();
            }
            List<SloDefinition> slos = SloFiles.read(document).slos();
            if (slos.size() != 1) {
                throw new IllegalStateException("a stored SLO document holds " + slos.size() + " SLOs");
            }
            return slos.get(0);
        });
    }

    public static DocumentProblem problem(SloProblem p) {
        return new DocumentProblem(p.document() - 1, p.line() > 0 ? p.line() : null, p.kind(), p.name(), p.path(), p.message());
    }

    /**
     * A problem with one SLO found after the file was read (an unknown service): located at the line of
     * its {@code service:} field, in the document that holds it.
     */
    public static DocumentProblem problemAtService(String text, SloDefinition slo, String message) {
        Pattern field = Pattern.compile("^\\s*service:\\s*[\"']?" + Pattern.quote(slo.service()) + "[\"']?\\s*(#.*)?$");
        String[] lines = text.split("\\R", -1);
        int document = 0;
        boolean content = false;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith("---")) {
                if (content) {
                    document++;
                }
                content = false;
                continue;
            }
            if (!lines[i].isBlank() && !lines[i].trim().startsWith("#")) {
                content = true;
            }
            Matcher m = field.matcher(lines[i]);
            if (m.matches()) {
                return new DocumentProblem(document, i + 1, "SLO", slo.name(), SloFiles.isSloth(text) ? "service" : "spec.service", message);
            }
        }
        return new DocumentProblem(-1, null, "SLO", slo.name(), "spec.service", message);
    }

    static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
