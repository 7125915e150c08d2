package dev.tandem.catalog;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A link shown on a catalog page. {@code type} "dashboard" marks dashboards. */
public record Link(
        @NotBlank @Size(max = 2000) @Pattern(regexp = "^https?://\\S+$", message = "must be an http(s) URL") String url,
        @Size(max = 200) String title,
        @Size(max = 63) String type) {

    @JsonIgnore
    public boolean isDashboard() {
        return "dashboard".equalsIgnoreCase(type);
    }
}
