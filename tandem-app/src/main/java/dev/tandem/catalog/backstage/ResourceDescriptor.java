package dev.tandem.catalog.backstage;

import java.util.List;

/** Infrastructure a component needs at run time, such as a database or a queue. */
public record ResourceDescriptor(int index, int line, Metadata metadata, String type, EntityRef owner,
                                 EntityRef system, List<EntityRef> dependsOn) implements Descriptor {

    public ResourceDescriptor {
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
    }

    @Override
    public String kind() {
        return "Resource";
    }
}
