package dev.tandem.bench;

import dev.tandem.bench.Organisation.Person;
import dev.tandem.bench.Organisation.Resource;
import dev.tandem.bench.Organisation.Service;
import dev.tandem.bench.Organisation.SystemEntity;
import dev.tandem.bench.Organisation.Team;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Streams an {@link Organisation} as a multi-document Backstage {@code catalog-info.yaml}.
 * Each document is built in a small buffer and flushed to the underlying writer, so memory use
 * does not grow with the size of the organisation.
 *
 * <p>Order: groups, users, systems, resources, then services in dependency order, so that
 * every reference points at an entity that appeared earlier in the file.
 */
public final class CatalogYamlWriter {

    static final String API_VERSION = "backstage.io/v1alpha1";

    private final Writer out;
    private final StringBuilder doc = new StringBuilder(2048);
    private long documents;

    public CatalogYamlWriter(Writer out) {
        this.out = out;
    }

    public long documents() {
        return documents;
    }

    public void writeAll(Organisation org) {
        org.teams().forEach(this::write);
        org.people().forEach(this::write);
        org.systems().forEach(this::write);
        org.resources().forEach(this::write);
        org.services().forEach(this::write);
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void write(Team team) {
        header("Group", team.name());
        line(1, "annotations:");
        entry(2, "tandem.dev/chat-channel", "#team-" + team.name());
        line(0, "spec:");
        entry(1, "type", "team");
        line(1, "profile:");
        entry(2, "displayName", team.displayName());
        line(1, "children: []");
        flush();
    }

    void write(Person person) {
        header("User", person.name());
        line(1, "annotations:");
        entry(2, "tandem.dev/role", person.role());
        line(0, "spec:");
        line(1, "profile:");
        entry(2, "displayName", person.displayName());
        entry(2, "email", person.email());
        list(1, "memberOf", person.teams());
        flush();
    }

    void write(SystemEntity system) {
        header("System", system.name());
        entry(1, "title", system.displayName());
        entry(1, "description", system.description());
        line(0, "spec:");
        entry(1, "owner", system.owner());
        flush();
    }

    void write(Resource resource) {
        header("Resource", resource.name());
        entry(1, "description", resource.description());
        line(0, "spec:");
        entry(1, "type", resource.type());
        entry(1, "owner", resource.owner());
        entry(1, "system", resource.system());
        flush();
    }

    void write(Service service) {
        header("Component", service.name());
        entry(1, "description", service.description());
        list(1, "tags", service.tags());
        line(1, "links:");
        linkItem("https://grafana.example.com/d/" + service.name(), "Dashboard", "dashboard");
        linkItem("https://runbooks.example.com/" + service.owner() + "/" + service.name(), "Runbook", "runbook");
        line(1, "annotations:");
        entry(2, "tandem.dev/readiness-level", service.readiness());
        entry(2, "tandem.dev/tier", service.tier());
        entry(2, "backstage.io/source-location",
                "url:https://git.example.com/" + service.owner() + "/" + service.name());
        line(0, "spec:");
        entry(1, "type", "service");
        entry(1, "lifecycle", service.lifecycle());
        entry(1, "owner", service.owner());
        entry(1, "system", service.system());
        if (!service.dependsOnServices().isEmpty() || !service.dependsOnResources().isEmpty()) {
            line(1, "dependsOn:");
            for (String s : service.dependsOnServices()) item(2, "component:" + s);
            for (String r : service.dependsOnResources()) item(2, "resource:" + r);
        }
        flush();
    }

    // ---------------------------------------------------------------- document building

    private void header(String kind, String name) {
        doc.append("---\n");
        entry(0, "apiVersion", API_VERSION);
        entry(0, "kind", kind);
        line(0, "metadata:");
        entry(1, "name", name);
    }

    private void linkItem(String url, String title, String type) {
        indent(2).append("- url: ").append(scalar(url)).append('\n');
        entry(3, "title", title);
        entry(3, "type", type);
    }

    private void list(int level, String key, List<String> values) {
        if (values.isEmpty()) {
            line(level, key + ": []");
            return;
        }
        line(level, key + ":");
        for (String v : values) item(level + 1, v);
    }

    private void item(int level, String value) {
        indent(level).append("- ").append(scalar(value)).append('\n');
    }

    private void entry(int level, String key, String value) {
        indent(level).append(key).append(": ").append(scalar(value)).append('\n');
    }

    private void line(int level, String text) {
        indent(level).append(text).append('\n');
    }

    private StringBuilder indent(int level) {
        for (int i = 0; i < level; i++) doc.append("  ");
        return doc;
    }

    private void flush() {
        try {
            out.append(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        doc.setLength(0);
        documents++;
    }

    // ---------------------------------------------------------------- scalar quoting

    /** Conservative set of characters that are safe in a block-context plain scalar. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_/][A-Za-z0-9 _./@()'+,-]*|[0-9][A-Za-z0-9_./@-]*");
    /** Anything a YAML 1.1 or 1.2 resolver could read as a number, date or time. */
    private static final Pattern NUMBER_LIKE = Pattern.compile("[-+]?[0-9][0-9a-fA-FxXoObB_.:eE+-]*");
    private static final Set<String> RESERVED = Set.of(
            "true", "false", "yes", "no", "on", "off", "y", "n", "null", "~");

    /** Renders a string as a YAML scalar, double-quoting it whenever a plain scalar could be misread. */
    static String scalar(String value) {
        if (value == null) return "null";
        boolean plain = !value.isEmpty()
                && PLAIN.matcher(value).matches()
                && !value.endsWith(" ")
                && !value.contains(" -") // keep clear of anything list-like
                && !NUMBER_LIKE.matcher(value).matches()
                && !RESERVED.contains(value.toLowerCase(Locale.ROOT));
        return plain ? value : quote(value);
    }

    static String quote(String value) {
        StringBuilder sb = new StringBuilder(value.length() + 8).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) || c == '\u2028' || c == '\u2029'
                            || c == '\ufeff') {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
