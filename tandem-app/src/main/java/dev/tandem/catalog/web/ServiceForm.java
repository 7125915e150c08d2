package dev.tandem.catalog.web;

import dev.tandem.catalog.Link;
import dev.tandem.catalog.ReadinessLevel;
import dev.tandem.catalog.Service;
import dev.tandem.catalog.ServiceDraft;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The service form as typed: lists are text (comma-separated names, one link per line) and numbers and
 * levels are strings, so that whatever a user enters comes back to them unchanged next to its error.
 * The draft's own constraints are checked after conversion; these cover only what conversion needs.
 */
record ServiceForm(
        @NotBlank(message = "give the service a name") String name,
        String title,
        String description,
        String type,
        @NotBlank(message = "choose the team that owns the service") String owner,
        String system,
        @NotBlank(message = "choose a readiness level") String readinessLevel,
        String lifecycle,
        @Pattern(regexp = "^$|^[1-4]$", message = "choose a tier from 1 to 4") String tier,
        String repositoryUrl,
        String runbookUrl,
        String tags,
        @Size(max = 20_000) String links,
        String dependsOn,
        String dependsOnResources,
        Integer version) {

    static ServiceForm blank(String owner) {
        return new ServiceForm("", "", "", "service", owner, "", "B", "production", "", "", "", "", "", "", "", null);
    }

    static ServiceForm of(Service s) {
        return new ServiceForm(s.name(), s.title(), s.description(), s.type(), s.owner(), s.system(),
                s.readinessLevel().name(), s.lifecycle(), s.tier() == null ? "" : s.tier().toString(),
                s.repositoryUrl(), s.runbookUrl(), String.join(", ", s.tags()), linksText(s.links()),
                String.join(", ", s.dependsOn()), String.join(", ", s.dependsOnResources()), s.version());
    }

    ServiceDraft toDraft() {
        return new ServiceDraft(trim(name), trim(title), trim(description), trim(type), trim(owner), trim(system),
                ReadinessLevel.parse(readinessLevel), trim(lifecycle),
                tierNumber(),
                trim(repositoryUrl), trim(runbookUrl), names(tags), parseLinks(links), names(dependsOn),
                names(dependsOnResources), version);
    }

    private Integer tierNumber() {
        return tier != null && tier.trim().matches("[1-4]") ? Integer.valueOf(tier.trim()) : null;
    }

    /** Problems in the links text that the draft cannot express, one per bad line. */
    List<String> linkProblems() {
        List<String> problems = new ArrayList<>();
        List<String> lines = lines(links);
        for (int i = 0; i < lines.size(); i++) {
            String[] parts = lines.get(i).split("\\|", -1);
            if (parts.length > 3) {
                problems.add("line " + (i + 1) + ": write 'Title | https://url | type' (at most three parts)");
            } else if (url(parts).isBlank()) {
                problems.add("line " + (i + 1) + ": the URL is missing");
            }
        }
        return problems;
    }

    /** The well-formed lines as links; {@link #linkProblems} reports the others, so they are not judged twice. */
    static List<Link> parseLinks(String text) {
        return lines(text).stream().map(line -> line.split("\\|", -1))
                .filter(parts -> parts.length <= 3 && !url(parts).isBlank())
                .map(parts -> new Link(url(parts), parts.length >= 2 ? blankToNull(parts[0].trim()) : null,
                        parts.length >= 3 ? blankToNull(parts[2].trim()) : null))
                .toList();
    }

    /** A lone value is the URL; with two or three parts the URL comes second. */
    private static String url(String[] parts) {
        return (parts.length == 1 ? parts[0] : parts[1]).trim();
    }

    static String linksText(List<Link> links) {
        StringBuilder text = new StringBuilder();
        for (Link link : links) {
            String title = link.title() == null ? "" : link.title();
            text.append(title.isBlank() && link.type() == null ? link.url() : title + " | " + link.url());
            if (link.type() != null && !link.type().isBlank()) {
                text.append(" | ").append(link.type());
            }
            text.append('\n');
        }
        return text.toString();
    }

    static List<String> names(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split("[,\\n]")).map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
    }

    private static List<String> lines(String text) {
        if (text == null) {
            return List.of();
        }
        return text.lines().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
