package dev.tandem.shared;

/** The change contradicts what is stored: a duplicate name, or a record still referenced elsewhere. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
