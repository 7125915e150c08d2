package dev.tandem.catalog;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record PersonDraft(
        @NotBlank @Size(max = 63) @Pattern(regexp = Names.PATTERN, message = Names.MESSAGE) String name,
        @Size(max = 200) String displayName,
        @Email @Size(max = 320) String email,
        @NotNull PersonRole role,
        Integer version) {
}
