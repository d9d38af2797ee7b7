package com.mizani.app.console;

/** The person's API token has expired or was refused: the page sends the browser to sign in again. */
final class ConsoleSignInExpired extends RuntimeException {

    ConsoleSignInExpired() {
        super("the sign-in has expired", null, false, false);
    }
}
