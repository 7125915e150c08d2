package dev.tandem.slo;

import dev.tandem.shared.DocumentProblem;
import dev.tandem.slo.format.OpenSloWriter;
import dev.tandem.slo.format.SloFiles;
import dev.tandem.slo.format.SloImport;
import dev.tandem.slo.format.SloProblem;
import dev.tandem.slo.internal.SloDocuments;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Definition files joined into one multi-document OpenSLO text, so that the server (or the local
 * database) imports them in one all-or-nothing call: what {@code tandem slo import} sends. The API takes
 * one file, and a Sloth spec cannot share a text with other documents, so each Sloth file goes in as the
 * OpenSLO the engine reads it into; the server stores every SLO as canonical OpenSLO anyway, so the stored SLOs (and whether a
 * re-import changes anything) are the same as for the Sloth file itself. A single file goes as it is.
 *
 * <p>Problems the server finds are located back in the files: by line in files that went verbatim, and
 * by SLO name in converted ones.
 */
public final class SloFileSet {

    /** One file's place in the joined text. */
    record Part(Path file, String text, int firstLine, int lines, boolean verbatim) {
    }

    private final List<Part> parts;
    private final String joined;
    private final Map<String, Path> fileOfSlo;
    private final List<String> problems;
    private final List<String> warnings;

    private SloFileSet(List<Part> parts, String joined, Map<String, Path> fileOfSlo, List<String> problems,
                       List<String> warnings) {
        this.parts = parts;
        this.joined = joined;
        this.fileOfSlo = fileOfSlo;
        this.problems = List.copyOf(problems);
        this.warnings = List.copyOf(warnings);
    }

    /**
     * Reads every file (path → content, in order) with the engine. Problems and warnings are located as
     * {@code FILE:LINE: document N (Kind name), path: message}; with any problem there is nothing to send.
     */
    public static SloFileSet read(Map<Path, String> texts) {
        List<String> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        boolean ok = true;
        Map<String, Path> fileOfSlo = new LinkedHashMap<>();
        Map<Path, SloImport> reads = new LinkedHashMap<>();
        for (Map.Entry<Path, String> f : texts.entrySet()) {
            SloImport read = SloFiles.read(f.getValue());
            reads.put(f.getKey(), read);
            for (SloProblem p : read.problems()) {
                problems.add(format(f.getKey(), p, ""));
            }
            for (SloProblem p : read.warnings()) {
                warnings.add(format(f.getKey(), p, "warning: "));
            }
            for (String w : SloDocuments.notStored(read.documents())) {
                warnings.add(f.getKey() + ": warning: " + w);
            }
            ok &= read.isValid();
            for (SloDefinition slo : read.slos()) {
                Path other = fileOfSlo.putIfAbsent(slo.name(), f.getKey());
                if (other != null) {
                    problems.add(f.getKey() + ": SLO " + slo.name() + " is also defined in " + other);
                    ok = false;
                }
            }
            if (read.isValid() && read.slos().isEmpty()) {
                problems.add(f.getKey() + ": defines no SLO (kind: SLO in OpenSLO, or slos: in a Sloth spec)");
                ok = false;
            }
        }
        if (!ok) {
            return new SloFileSet(List.of(), "", fileOfSlo, problems, warnings);
        }
        List<Part> parts = new ArrayList<>();
        StringBuilder joined = new StringBuilder();
        boolean single = texts.size() == 1;
        for (Map.Entry<Path, String> f : texts.entrySet()) {
            boolean verbatim = single || !SloFiles.isSloth(f.getValue());
            String text = verbatim ? f.getValue() : OpenSloWriter.write(reads.get(f.getKey()).documents());
            if (!text.endsWith("\n")) {
                text += "\n";
            }
            if (!joined.isEmpty() && !startsWithDocumentMarker(text)) {
                joined.append("---\n");
            }
            int first = (int) joined.chars().filter(c -> c == '\n').count() + 1;
            joined.append(text);
            parts.add(new Part(f.getKey(), text, first, (int) text.chars().filter(c -> c == '\n').count(), verbatim));
        }
        return new SloFileSet(List.copyOf(parts), joined.toString(), fileOfSlo, problems, warnings);
    }

    /** False when a file has a problem: then nothing may be sent. */
    public boolean valid() {
        return problems.isEmpty();
    }

    public List<String> problems() {
        return problems;
    }

    public List<String> warnings() {
        return warnings;
    }

    /**
     * True when the first line that is not blank or a comment starts a document ({@code ---}): adding a
     * separator before it would make an empty document, which the reader refuses.
     */
    static boolean startsWithDocumentMarker(String text) {
        for (String line : text.split("\\R")) {
            String t = line.strip();
            if (!t.isEmpty() && !t.startsWith("#")) {
                return line.startsWith("---");
            }
        }
        return false;
    }

    /** The joined text to import. */
    public String text() {
        return joined;
    }

    private String files() {
        return String.join(", ", parts.stream().map(p -> p.file().toString()).toList());
    }

    /** A problem the importer reported against the joined text, located in the user's file. */
    public String locate(DocumentProblem p) {
        Part part = p.line() == null ? null : parts.stream()
                .filter(x -> p.line() >= x.firstLine() && p.line() < x.firstLine() + x.lines()).findFirst().orElse(null);
        Path file = part != null ? part.file() : p.name() == null ? null : fileOfSlo.get(p.name());
        StringBuilder s = new StringBuilder(file == null ? files() : file.toString());
        if (part != null && part.verbatim()) {
            int line = p.line() - part.firstLine() + 1;
            s.append(':').append(line).append(": document ").append(documentAt(part.text(), line));
        } else if (part == null && file == null && p.index() >= 0) {
            s.append(": document ").append(p.index() + 1);
        }
        if (p.kind() != null) {
            s.append(" (").append(p.kind()).append(p.name() == null ? "" : " " + p.name()).append(')');
        }
        if (p.path() != null && !p.path().isEmpty()) {
            s.append(", ").append(p.path());
        }
        return s.append(": ").append(p.message()).toString();
    }

    /** The 1-based document of a file that holds {@code line}: documents are separated by lines starting with {@code ---}. */
    static int documentAt(String text, int line) {
        String[] lines = text.split("\\R", -1);
        int document = 1;
        boolean content = false;
        for (int i = 0; i < Math.min(line - 1, lines.length); i++) {
            if (lines[i].startsWith("---")) {
                if (content) {
                    document++;
                }
                content = false;
            } else if (!lines[i].isBlank() && !lines[i].trim().startsWith("#")) {
                content = true;
            }
        }
        return document;
    }

    static String format(Path file, SloProblem p, String prefix) {
        return file + ":" + p.line() + ": " + prefix + p.where()
                + (p.path() == null || p.path().isEmpty() ? "" : ", " + p.path()) + ": " + p.message();
    }
}
