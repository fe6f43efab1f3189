package io.recollect.shared;

/** The thing a request names does not exist. The API answers 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, Object id) {
        super(what + " " + id + " does not exist");
    }
}
