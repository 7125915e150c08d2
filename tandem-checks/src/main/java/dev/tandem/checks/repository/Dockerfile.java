package dev.tandem.checks.repository;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Dockerfile read into its instructions and build stages, enough to tell the base images and the user of each
 * stage: parser directives ({@code # escape=}), line continuations, comments, heredocs, {@code ARG} defaults
 * (global, before the first {@code FROM}, and per stage) and {@code ENV} for variable substitution.
 */
public final class Dockerfile {

    /** One instruction: its keyword in upper case, its arguments joined onto one line, and its first line. */
    public record Instruction(String keyword, String arguments, int line) {
    }

    /**
     * One build stage.
     *
     * @param image the base image as written; {@code resolvedImage} with build arguments substituted, or
     *              {@code null} when a variable it uses has no value
     * @param name  the {@code AS} name, or {@code null}
     */
    public record Stage(int index, String image, String resolvedImage, String unresolvedVariable, String name, int line,
                        List<Instruction> instructions, Map<String, String> variables) {
    }

    private static final Pattern HEREDOC = Pattern.compile("<<-?\\s*[\"']?([A-Za-z_][A-Za-z0-9_]*)[\"']?");
    private static final Pattern VARIABLE = Pattern.compile("\\$(?:\\{([A-Za-z_][A-Za-z0-9_]*)(?::?([-+])([^}]*))?}|([A-Za-z_][A-Za-z0-9_]*))");

    private final List<Instruction> instructions;
    private final List<Stage> stages;

    private Dockerfile(List<Instruction> instructions, List<Stage> stages) {
        this.instructions = instructions;
        this.stages = stages;
    }

    public List<Instruction> instructions() {
        return instructions;
    }

    public List<Stage> stages() {
        return stages;
    }

    /** The stage whose image is built when no target is named: the last one. */
    public Stage finalStage() {
        return stages.isEmpty() ? null : stages.get(stages.size() - 1);
    }

    /** The earlier stage that {@code stage}'s FROM refers to by name or index, or {@code null} for an outside image. */
    public Stage baseStage(Stage stage) {
        String image = stage.resolvedImage() == null ? stage.image() : stage.resolvedImage();
        for (int i = stage.index() - 1; i >= 0; i--) {
            Stage earlier = stages.get(i);
            if (earlier.name() != null && earlier.name().equalsIgnoreCase(image)) {
                return earlier;
            }
        }
        if (image.matches("\\d+")) {
            int index = Integer.parseInt(image);
            return index < stage.index() ? stages.get(index) : null;
        }
        return null;
    }

    public static Dockerfile parse(String text) {
        List<String> lines = text.lines().toList();
        char escape = escapeDirective(lines);
        List<Instruction> instructions = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                i++;
                continue;
            }
            int start = i + 1;
            StringBuilder logical = new StringBuilder();
            String current = trimmed;
            while (true) {
                if (endsWithEscape(current, escape) && i + 1 < lines.size()) {
                    logical.append(current, 0, current.length() - 1).append(' ');
                    i++;
                    // comment and empty lines inside a continuation are dropped, as Docker does
                    while (i < lines.size() && (lines.get(i).strip().startsWith("#") || lines.get(i).isBlank())) {
                        i++;
                    }
                    current = i < lines.size() ? lines.get(i).strip() : "";
                } else {
                    logical.append(current);
                    break;
                }
            }
            i++;
            String instruction = logical.toString().strip();
            int space = indexOfWhitespace(instruction);
            String keyword = (space < 0 ? instruction : instruction.substring(0, space)).toUpperCase(Locale.ROOT);
            String arguments = space < 0 ? "" : instruction.substring(space).strip();
            instructions.add(new Instruction(keyword, arguments, start));
            i = skipHeredocs(arguments, lines, i);
        }
        return new Dockerfile(List.copyOf(instructions), stages(instructions));
    }

    private static char escapeDirective(List<String> lines) {
        for (String line : lines) {
            String t = line.strip();
            if (!t.startsWith("#")) {
                break;
            }
            String directive = t.substring(1).strip().toLowerCase(Locale.ROOT);
            if (directive.startsWith("escape=") && directive.length() > "escape=".length()) {
                return directive.charAt("escape=".length());
            }
        }
        return '\\';
    }

    private static boolean endsWithEscape(String line, char escape) {
        return !line.isEmpty() && line.charAt(line.length() - 1) == escape;
    }

    private static int indexOfWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** Skips the bodies of heredocs ({@code RUN <<EOF … EOF}) so their lines are not read as instructions. */
    private static int skipHeredocs(String arguments, List<String> lines, int next) {
        Matcher m = HEREDOC.matcher(arguments);
        int i = next;
        while (m.find()) {
            String delimiter = m.group(1);
            while (i < lines.size() && !lines.get(i).strip().equals(delimiter)) {
                i++;
            }
            i++;
        }
        return Math.min(i, lines.size());
    }

    private static List<Stage> stages(List<Instruction> instructions) {
        Map<String, String> global = new HashMap<>();
        List<Stage> stages = new ArrayList<>();
        String image = null;
        String resolved = null;
        String unresolved = null;
        String name = null;
        int line = 0;
        List<Instruction> body = null;
        Map<String, String> variables = null;
        for (Instruction in : instructions) {
            if (in.keyword().equals("FROM")) {
                if (body != null) {
                    stages.add(new Stage(stages.size(), image, resolved, unresolved, name, line, List.copyOf(body), java.util.Collections.unmodifiableMap(new HashMap<>(variables))));
                }
                String[] words = in.arguments().split("\\s+");
                List<String> positional = new ArrayList<>();
                for (String w : words) {
                    if (!w.startsWith("--") && !w.isEmpty()) {
                        positional.add(w);
                    }
                }
                image = positional.isEmpty() ? "" : positional.get(0);
                name = positional.size() >= 3 && positional.get(1).equalsIgnoreCase("AS") ? positional.get(2) : null;
                String[] missing = new String[1];
                resolved = substitute(image, global, missing);
                unresolved = missing[0];
                if (unresolved != null) {
                    resolved = null;
                }
                line = in.line();
                body = new ArrayList<>();
                variables = new HashMap<>(global);
            } else if (body == null) {
                if (in.keyword().equals("ARG")) {
                    declare(in.arguments(), global, global);
                }
            } else {
                body.add(in);
                if (in.keyword().equals("ARG") || in.keyword().equals("ENV")) {
                    declare(in.arguments(), variables, variables);
                }
            }
        }
        if (body != null) {
            stages.add(new Stage(stages.size(), image, resolved, unresolved, name, line, List.copyOf(body), java.util.Collections.unmodifiableMap(new HashMap<>(variables))));
        }
        return List.copyOf(stages);
    }

    /** {@code NAME=value} pairs (and a bare {@code NAME}, or {@code ENV NAME value}); quotes removed. */
    private static void declare(String arguments, Map<String, String> into, Map<String, String> scope) {
        String args = arguments.strip();
        if (!args.contains("=")) {
            String[] parts = args.split("\\s+", 2);
            if (parts.length == 2) {
                into.put(parts[0], unquote(substitute(parts[1], scope, new String[1])));
            } else if (!parts[0].isEmpty()) {
                into.putIfAbsent(parts[0], null);
            }
            return;
        }
        for (String pair : args.split("\\s+")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                into.put(pair.substring(0, eq), unquote(substitute(pair.substring(eq + 1), scope, new String[1])));
            } else if (!pair.isEmpty()) {
                into.putIfAbsent(pair, null);
            }
        }
    }

    private static String unquote(String s) {
        if (s != null && s.length() >= 2 && (s.charAt(0) == '"' || s.charAt(0) == '\'') && s.charAt(s.length() - 1) == s.charAt(0)) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }

    /**
     * {@code $NAME}, {@code ${NAME}}, {@code ${NAME:-default}} and {@code ${NAME:+alternative}} replaced from
     * {@code variables}; the first name with no value (and no default) is put in {@code missing[0]}.
     */
    static String substitute(String text, Map<String, String> variables, String[] missing) {
        if (text == null || text.indexOf('$') < 0) {
            return text;
        }
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(4);
            String value = variables.get(name);
            String replacement;
            if ("-".equals(m.group(2))) {
                replacement = value == null || value.isEmpty() ? m.group(3) : value;
            } else if ("+".equals(m.group(2))) {
                replacement = value == null || value.isEmpty() ? "" : m.group(3);
            } else {
                replacement = value;
            }
            if (replacement == null) {
                if (missing[0] == null) {
                    missing[0] = name;
                }
                replacement = "";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
