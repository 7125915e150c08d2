package dev.tandem.catalog.backstage;

/**
 * A pointer to other descriptor files. Tandem does not follow locations, so only the envelope is
 * checked and kept; callers are expected to report these documents as skipped rather than fail the
 * whole file over them.
 */
public record LocationDescriptor(int index, int line, Metadata metadata) implements Descriptor {

    @Override
    public String kind() {
        return "Location";
    }
}
