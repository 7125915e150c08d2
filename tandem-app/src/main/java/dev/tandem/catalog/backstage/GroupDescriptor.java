package dev.tandem.catalog.backstage;

import java.util.List;

/**
 * A team or other organisational unit. {@code displayName} and {@code email} come from
 * {@code spec.profile}; the profile picture is validated but not kept, Tandem has no use for it.
 */
public record GroupDescriptor(int index, int line, Metadata metadata, String type, String displayName,
                              String email, EntityRef parent, List<EntityRef> children,
                              List<EntityRef> members) implements Descriptor {

    public GroupDescriptor {
        children = children == null ? List.of() : List.copyOf(children);
        members = members == null ? List.of() : List.copyOf(members);
    }

    @Override
    public String kind() {
        return "Group";
    }
}
