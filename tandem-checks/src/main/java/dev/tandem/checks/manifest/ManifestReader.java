package dev.tandem.checks.manifest;

import dev.tandem.checks.InvalidManifestException;
import dev.tandem.checks.ParseProblem;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Kubernetes objects from YAML text: several documents per file, {@code kind: List} (and {@code *List})
 * items, empty and comment-only documents, and {@code helm template} output, whose {@code # Source:} comments
 * name the chart template of each document. Documents that are not Kubernetes objects (no {@code kind}, or not a
 * mapping) are skipped; every kind is read, known or not, and checks pick the kinds they understand.
 * Not thread-safe: use one reader per thread.
 */
public final class ManifestReader {

    private static final String HELM_SOURCE = "# Source: ";
    private static final int MAX_LIST_DEPTH = 4;

    private final LoaderOptions options = new LoaderOptions();

    public ManifestReader() {
        options.setCodePointLimit(64 * 1024 * 1024);
        options.setAllowDuplicateKeys(true);
        options.setProcessComments(false);
    }

    /**
     * Appends the objects of {@code text} to {@code out}.
     *
     * @throws InvalidManifestException when the text is not valid YAML (nothing is appended then)
     */
    public void read(String file, String text, List<ManifestObject> out) {
        List<HelmSource> sources = helmSources(text);
        List<ManifestObject> objects = new ArrayList<>();
        try {
            TreeReader reader = new TreeReader(new ParserImpl(new StreamReader(new StringReader(text)), options));
            int nextSource = 0;
            for (YamlNode doc = reader.nextDocument(); doc != null; doc = reader.nextDocument()) {
                // The document's template is the last "# Source:" comment since the previous document began.
                String source = null;
                while (nextSource < sources.size() && sources.get(nextSource).line() < doc.line()) {
                    source = sources.get(nextSource++).template();
                }
                addObjects(file, source, doc, objects, 0);
            }
        } catch (TreeReader.StructureException e) {
            throw new InvalidManifestException(List.of(new ParseProblem(file, e.line, "not valid YAML: " + e.getMessage())));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw new InvalidManifestException(List.of(new ParseProblem(file, mark == null ? 0 : mark.getLine() + 1, describe(e))));
        } catch (YAMLException e) {
            throw new InvalidManifestException(List.of(new ParseProblem(file, 0, "not valid YAML: " + e.getMessage())));
        }
        out.addAll(objects);
    }

    private static String describe(MarkedYAMLException e) {
        StringBuilder s = new StringBuilder("not valid YAML: ");
        if (e.getProblem() != null) {
            s.append(e.getProblem());
        }
        if (e.getContext() != null) {
            s.append(" (").append(e.getContext());
            Mark context = e.getContextMark();
            if (context != null && e.getProblemMark() != null && context.getLine() != e.getProblemMark().getLine()) {
                s.append(" at line ").append(context.getLine() + 1);
            }
            s.append(')');
        }
        return s.toString();
    }

    private static void addObjects(String file, String source, YamlNode doc, List<ManifestObject> out, int depth) {
        if (!doc.isMap()) {
            return;
        }
        String kind = doc.get("kind").text();
        if (kind == null || kind.isEmpty()) {
            return;
        }
        YamlNode items = doc.get("items");
        if (kind.endsWith("List") && items.isList() && depth < MAX_LIST_DEPTH) {
            for (YamlNode item : items.items()) {
                addObjects(file, source, item, out, depth + 1);
            }
            return;
        }
        out.add(new ManifestObject(file, source, doc));
    }

    private record HelmSource(int line, String template) {
    }

    private static List<HelmSource> helmSources(String text) {
        int at = text.indexOf(HELM_SOURCE);
        if (at < 0) {
            return List.of();
        }
        List<HelmSource> sources = new ArrayList<>();
        int line = 1;
        int counted = 0;
        while (at >= 0) {
            if (at == 0 || text.charAt(at - 1) == '\n') {
                for (int i = counted; i < at; i++) {
                    if (text.charAt(i) == '\n') {
                        line++;
                    }
                }
                counted = at;
                int end = text.indexOf('\n', at);
                String template = text.substring(at + HELM_SOURCE.length(), end < 0 ? text.length() : end).strip();
                sources.add(new HelmSource(line, template));
            }
            at = text.indexOf(HELM_SOURCE, at + 1);
        }
        return sources;
    }
}
