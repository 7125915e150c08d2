package dev.tandem.catalog.backstage;

/**
 * An interface a component exposes. The definition is kept as opaque text: interpreting OpenAPI,
 * gRPC or AsyncAPI documents is not this package's job.
 */
public record ApiDescriptor(int index, int line, Metadata metadata, String type, String lifecycle,
                            EntityRef owner, EntityRef system, String definition) implements Descriptor {

    @Override
    public String kind() {
        return "API";
    }
}
