package dev.tandem.catalog;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record SystemDraft(
        @NotBlank @Size(max = 63) @Pattern(regexp = Names.PATTERN, message = Names.MESSAGE) String name,
        @Size(max = 200) String title,
        @Size(max = 4000) String description,
        @NotBlank @Size(max = 63) String owner,
        @Size(max = 63) String domain,
        Integer version) {
}
