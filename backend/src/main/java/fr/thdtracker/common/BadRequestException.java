package fr.thdtracker.common;

/** A request the user can fix: the message says how, in words a person understands. */
public class BadRequestException extends RuntimeException {
    public BadRequestException(String message) {
        super(message);
    }
}
