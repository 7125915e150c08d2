package dev.tandem.catalog.backstage;

/** A business area grouping systems. */
public record DomainDescriptor(int index, int line, Metadata metadata, EntityRef owner) implements Descriptor {

    @Override
    public String kind() {
        return "Domain";
    }
}
