package dev.tandem.catalog.backstage;

import java.util.List;

/** A piece of software: a service, website, library or pipeline. */
public record ComponentDescriptor(int index, int line, Metadata metadata, String type, String lifecycle,
                                  EntityRef owner, EntityRef system, EntityRef subcomponentOf,
                                  List<EntityRef> dependsOn, List<EntityRef> providesApis,
                                  List<EntityRef> consumesApis) implements Descriptor {

    public ComponentDescriptor {
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
        providesApis = providesApis == null ? List.of() : List.copyOf(providesApis);
        consumesApis = consumesApis == null ? List.of() : List.copyOf(consumesApis);
    }

    @Override
    public String kind() {
        return "Component";
    }
}
