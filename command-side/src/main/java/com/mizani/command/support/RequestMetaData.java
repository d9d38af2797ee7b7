package com.mizani.command.support;

import java.util.Map;

/**
 * The metadata a command takes from the request it is sent for: who asks, and with which roles. Taken on the
 * request's own thread, so that a command carried out later on another thread (a transfer's group) still names them.
 */
@FunctionalInterface
public interface RequestMetaData {

    /** The current request's metadata; empty when this thread serves no request. */
    Map<String, ?> current();
}
