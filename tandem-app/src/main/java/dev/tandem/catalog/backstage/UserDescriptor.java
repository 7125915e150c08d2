package dev.tandem.catalog.backstage;

import java.util.List;

/**
 * A person. {@code displayName} and {@code email} come from {@code spec.profile}; the profile picture
 * is validated but not kept.
 */
public record UserDescriptor(int index, int line, Metadata metadata, String displayName, String email,
                             List<EntityRef> memberOf) implements Descriptor {

    public UserDescriptor {
        memberOf = memberOf == null ? List.of() : List.copyOf(memberOf);
    }

    @Override
    public String kind() {
        return "User";
    }
}
