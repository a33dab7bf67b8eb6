package io.hostwright.local.jwt;

/** A bearer token the authorizer refuses; the message says why, as API Gateway's {@code error_description} would. */
public final class InvalidTokenException extends Exception {

    InvalidTokenException(String message) {
        super(message);
    }

    InvalidTokenException(String message, Throwable cause) {
        super(message, cause);
    }
}
