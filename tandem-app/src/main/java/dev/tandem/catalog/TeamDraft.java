package dev.tandem.catalog;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The editable fields of a team; members are changed one by one (see {@link Teams#setMember}). */
public record TeamDraft(
        @NotBlank @Size(max = 63) @Pattern(regexp = Names.PATTERN, message = Names.MESSAGE) String name,
        @Size(max = 200) String displayName,
        @Size(max = 4000) String description,
        @Size(max = 200) String chatChannel,
        @Email @Size(max = 320) String email,
        @Size(max = 63) String type,
        @Size(max = 63) String parent,
        Integer version) {
}
