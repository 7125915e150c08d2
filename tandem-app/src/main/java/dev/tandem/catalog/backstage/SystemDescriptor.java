package dev.tandem.catalog.backstage;

/** A set of components and resources that together offer one capability. */
public record SystemDescriptor(int index, int line, Metadata metadata, EntityRef owner, EntityRef domain)
        implements Descriptor {

    @Override
    public String kind() {
        return "System";
    }
}
