package dev.tandem.shared;

/** The named record does not exist (or is not visible to the caller). */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String kind, String name) {
        super(kind + " '" + name + "' does not exist");
    }
}
