package dev.tandem.catalog;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/** The editable fields of a service. Names in {@code dependsOn} are services; in {@code dependsOnResources}, resources. */
public record ServiceDraft(
        @NotBlank @Size(max = 63) @Pattern(regexp = Names.PATTERN, message = Names.MESSAGE) String name,
        @Size(max = 200) String title,
        @Size(max = 4000) String description,
        @Size(max = 63) @Pattern(regexp = "^[a-z0-9]+([-_.][a-z0-9]+)*$", message = "use lowercase letters and digits, e.g. service, website, library") String type,
        @NotBlank @Size(max = 63) String owner,
        @Size(max = 63) String system,
        @NotNull ReadinessLevel readinessLevel,
        @Size(max = 63) @Pattern(regexp = "^[a-z0-9]+([-_.][a-z0-9]+)*$", message = "use lowercase letters and digits, e.g. production, experimental") String lifecycle,
        @Min(1) @Max(4) Integer tier,
        @Size(max = 2000) @Pattern(regexp = "^$|^https?://\\S+$", message = "must be an http(s) URL") String repositoryUrl,
        @Size(max = 2000) @Pattern(regexp = "^$|^https?://\\S+$", message = "must be an http(s) URL") String runbookUrl,
        @Size(max = 20) List<@NotBlank @Size(max = 63) @Pattern(regexp = "^[a-z0-9:+#]+(-[a-z0-9:+#]+)*$", message = "tags use lowercase letters, digits and ':+#', separated by '-'") String> tags,
        @Size(max = 50) List<@Valid Link> links,
        @Size(max = 500) List<@NotBlank String> dependsOn,
        @Size(max = 500) List<@NotBlank String> dependsOnResources,
        Integer version) {

    public ServiceDraft {
        tags = tags == null ? List.of() : List.copyOf(tags);
        links = links == null ? List.of() : List.copyOf(links);
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
        dependsOnResources = dependsOnResources == null ? List.of() : List.copyOf(dependsOnResources);
        type = type == null || type.isBlank() ? "service" : type.trim();
        lifecycle = lifecycle == null || lifecycle.isBlank() ? "production" : lifecycle.trim();
    }
}
