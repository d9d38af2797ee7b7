package com.mizani.providersim;

/** A request the provider refuses with HTTP 400 before doing anything; the message names the bad field. */
final class InvalidRequestException extends RuntimeException {

    InvalidRequestException(String message) {
        super(message);
    }
}
