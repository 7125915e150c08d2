package dev.tandem.catalog.backstage;

import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads and validates a descriptor file as a whole: either every document is valid and all are
 * returned, or a {@link DescriptorException} lists every problem found. All-or-nothing keeps imports
 * simple to reason about: a file is never half-applied.
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class DescriptorReader {

    /** Catalog files are small; 32 MB leaves room for big inline API definitions without inviting abuse. */
    public static final int DEFAULT_MAX_CODE_POINTS = 32 * 1024 * 1024;

    /** Enough for ordinary anchors and aliases, far too few for an exponential "billion laughs" file. */
    static final int MAX_ALIASES = 50;
    static final int MAX_NESTING = 50;

    private final int maxCodePoints;

    public DescriptorReader() {
        this(DEFAULT_MAX_CODE_POINTS);
    }

    public DescriptorReader(int maxCodePoints) {
        if (maxCodePoints <= 0) {
            throw new IllegalArgumentException("maxCodePoints must be positive");
        }
        this.maxCodePoints = maxCodePoints;
    }

    public List<Descriptor> read(String yaml) throws DescriptorException {
        return read(new StringReader(yaml));
    }

    /** Does not close the reader; whoever opened it decides its lifetime. */
    public List<Descriptor> read(Reader in) throws DescriptorException {
        Problems problems = new Problems();
        List<Descriptor> descriptors = new ArrayList<>();
        int index = 0;
        try {
            Iterator<Node> documents = yaml().composeAll(in).iterator();
            while (documents.hasNext() && !problems.overflowing()) {
                Node root = documents.next();
                if (Nodes.isNull(root)) {
                    continue;
                }
                Descriptor descriptor = DocumentParser.parse(root, new DocumentContext(index, problems));
                if (descriptor != null) {
                    descriptors.add(descriptor);
                }
                index++;
            }
        } catch (MarkedYAMLException e) {
            problems.add(malformed(index, e));
        } catch (YAMLException e) {
            problems.add(rejected(index, e));
        }
        if (!problems.isEmpty()) {
            throw new DescriptorException(problems.toList());
        }
        return List.copyOf(descriptors);
    }

    private static DescriptorProblem malformed(int index, MarkedYAMLException e) {
        Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        Integer line = mark == null ? null : mark.getLine() + 1;
        StringBuilder message = new StringBuilder("malformed YAML");
        if (line != null) {
            message.append(" at line ").append(line).append(", column ").append(mark.getColumn() + 1);
        }
        message.append(": ");
        if (e.getContext() != null) {
            message.append(e.getContext()).append(", ");
        }
        message.append(e.getProblem() == null ? "syntax error" : e.getProblem());
        return new DescriptorProblem(index, line, null, null, "", message.toString());
    }

    /** Limits hit while reading; the size limit concerns the whole file, the others one document. */
    private DescriptorProblem rejected(int index, YAMLException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("exceeds the limit")) {
            return new DescriptorProblem(-1, null, null, null, "",
                    "file too large: more than " + maxCodePoints + " characters");
        }
        return new DescriptorProblem(index, null, null, null, "", "YAML rejected: " + message);
    }

    /** A fresh instance per read because SnakeYAML's {@link Yaml} is not thread-safe. */
    private Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(MAX_NESTING);
        options.setCodePointLimit(maxCodePoints);
        options.setProcessComments(false);
        return new Yaml(options);
    }
}
