package fr.thdtracker.common;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A body sent to an address that reads none: refused before anything runs (415). */
class UnexpectedBodyException extends ErrorResponseException {

    private final String french;

    UnexpectedBodyException(String french) {
        super(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        this.french = french;
    }

    @Override
    public String getMessage() {
        return french;
    }
}
