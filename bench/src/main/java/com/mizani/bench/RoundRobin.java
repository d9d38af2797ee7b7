package com.mizani.bench;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The app as the load sees it: one {@link Client} per app node, each request (a resend too) sent to the next node in
 * turn, as a load balancer without health checks would. A resend therefore goes to another node whenever there is
 * one. With one node it is that node's client.
 */
final class RoundRobin {

    private final List<Client> nodes;
    private final AtomicLong sent = new AtomicLong();

    RoundRobin(List<Client> nodes) {
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("a round robin needs at least one node");
        }
        this.nodes = List.copyOf(nodes);
    }

    static RoundRobin of(Client node) {
        return new RoundRobin(List.of(node));
    }

    /** The client of the node the next request goes to. */
    Client next() {
        return nodes.get((int) Math.floorMod(sent.getAndIncrement(), (long) nodes.size()));
    }

    int size() {
        return nodes.size();
    }
}
