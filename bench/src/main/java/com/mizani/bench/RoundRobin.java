package com.mizani.bench;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The app as the load sees it: one {@link Client} per app node, each request (a resend too) sent to the next node in
 * turn, as a load balancer would. Like one with passive health checks (nginx's {@code max_fails=1 fail_timeout}), it
 * leaves out for {@link #FAIL_TIMEOUT} a node that did not answer, and then tries it again; so a killed node costs
 * the requests it held and about one more per timeout until it is back, not every other request. A resend therefore
 * goes to another node whenever there is one. With one node it is that node's client.
 */
final class RoundRobin {

    static final Duration FAIL_TIMEOUT = Duration.ofSeconds(1);

    private final List<Client> nodes;
    private final long failTimeoutNanos;
    private final AtomicLong sent = new AtomicLong();
    /** Per node, until when (System.nanoTime()) it is left out; 0 when it is in. */
    private final AtomicLongArray leftOutUntil;

    RoundRobin(List<Client> nodes) {
        this(nodes, FAIL_TIMEOUT);
    }

    RoundRobin(List<Client> nodes, Duration failTimeout) {
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("a round robin needs at least one node");
        }
        this.nodes = List.copyOf(nodes);
        this.failTimeoutNanos = failTimeout.toNanos();
        this.leftOutUntil = new AtomicLongArray(nodes.size());
    }

    static RoundRobin of(Client node) {
        return new RoundRobin(List.of(node));
    }

    /** The client of the node the next request goes to: the next one in turn that is not left out, if any is. */
    Client next() {
        return firstNotLeftOutFrom((int) Math.floorMod(sent.getAndIncrement(), (long) nodes.size()));
    }

    /**
     * The client of the node {@code key} maps to, as a router at the edge that sends each wallet's requests to one
     * node would; the next one in turn if that node is left out.
     */
    Client forKey(String key) {
        return firstNotLeftOutFrom(Math.floorMod(key.hashCode(), nodes.size()));
    }

    /** The node at {@code start}, or the first after it that is not left out; {@code start}'s if every node is. */
    private Client firstNotLeftOutFrom(int start) {
        long now = System.nanoTime();
        for (int i = 0; i < nodes.size(); i++) {
            int index = (start + i) % nodes.size();
            long until = leftOutUntil.get(index);
            if (until == 0 || now - until >= 0) {
                return nodes.get(index);
            }
        }
        return nodes.get(start);
    }

    /** The node did not answer (refused, reset, timed out): left out of the turn for the fail timeout. */
    void unreachable(Client node) {
        int index = nodes.indexOf(node);
        if (index >= 0) {
            leftOutUntil.set(index, System.nanoTime() + failTimeoutNanos);
        }
    }

    int size() {
        return nodes.size();
    }
}
