package dev.tandem.accounts;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import dev.tandem.shared.Role;

/**
 * The editable fields of an account. {@code password} is required when creating and optional when
 * updating (blank keeps the current one). {@code version} is the version the editor started from.
 */
public record UserDraft(
        @NotBlank @Size(max = 63) @Pattern(regexp = "^([A-Za-z0-9]+[-_.])*[A-Za-z0-9]+$",
                message = "use letters and digits, separated by single '-', '_' or '.'") String username,
        @Size(max = 200) String displayName,
        @Email @Size(max = 320) String email,
        @NotNull Role role,
        Boolean enabled,
        @Size(max = 200) String password,
        Integer version) {

    public static final int MIN_PASSWORD_LENGTH = 12;

    public boolean enabledOrDefault() {
        return enabled == null || enabled;
    }
}
