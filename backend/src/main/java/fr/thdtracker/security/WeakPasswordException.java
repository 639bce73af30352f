package fr.thdtracker.security;

import fr.thdtracker.common.BadRequestException;

/** A password the policy refuses; a 400 whose message tells the person what to choose instead. */
public class WeakPasswordException extends BadRequestException {
    WeakPasswordException(String message) {
        super(message);
    }
}
