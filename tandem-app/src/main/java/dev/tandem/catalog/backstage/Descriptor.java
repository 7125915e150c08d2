package dev.tandem.catalog.backstage;

/**
 * One entity read from a descriptor file.
 *
 * <p>Sealed so that code consuming descriptors can switch over the kinds exhaustively and the compiler
 * points at every place to update when a kind is added. {@link #index()} and {@link #line()} exist so
 * that problems found later by the application (duplicates, dangling references) can still point the
 * author at the right spot in the file.
 */
public sealed interface Descriptor permits ComponentDescriptor, ApiDescriptor, ResourceDescriptor,
        SystemDescriptor, DomainDescriptor, GroupDescriptor, UserDescriptor, LocationDescriptor {

    /** 0-based position among the file's non-empty documents. */
    int index();

    /** 1-based line where the document's content starts; 0 when the descriptor was built in code. */
    int line();

    Metadata metadata();

    /** The kind as Backstage spells it, e.g. {@code Component} or {@code API}. */
    String kind();

    default String name() {
        return metadata().name();
    }

    /** The reference other entities use to point at this one. */
    default EntityRef ref() {
        return new EntityRef(kind(), metadata().namespace(), metadata().name());
    }
}
