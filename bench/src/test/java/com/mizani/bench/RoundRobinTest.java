package com.mizani.bench;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RoundRobinTest {

    @Test
    void sendsEachRequestToTheNextNodeInTurn() {
        Client first = new Client("http://localhost:1");
        Client second = new Client("http://localhost:2");
        RoundRobin nodes = new RoundRobin(List.of(first, second));

        assertThat(List.of(nodes.next(), nodes.next(), nodes.next(), nodes.next()))
                .containsExactly(first, second, first, second);
        assertThat(nodes.size()).isEqualTo(2);
    }

    @Test
    void withOneNodeAlwaysSendsToIt() {
        Client only = new Client("http://localhost:1");
        RoundRobin nodes = RoundRobin.of(only);

        assertThat(List.of(nodes.next(), nodes.next())).containsExactly(only, only);
        assertThatThrownBy(() -> new RoundRobin(List.of())).hasMessageContaining("at least one node");
    }

    @Test
    void leavesOutANodeThatDidNotAnswerUntilItsFailTimeoutIsOver() {
        Client first = new Client("http://localhost:1");
        Client second = new Client("http://localhost:2");
        RoundRobin longTimeout = new RoundRobin(List.of(first, second), Duration.ofHours(1));
        longTimeout.unreachable(first);
        assertThat(List.of(longTimeout.next(), longTimeout.next(), longTimeout.next())).containsOnly(second);

        longTimeout.unreachable(second);
        assertThat(List.of(longTimeout.next(), longTimeout.next()))
                .as("with every node left out, the turn goes on").containsExactlyInAnyOrder(first, second);

        RoundRobin noTimeout = new RoundRobin(List.of(first, second), Duration.ZERO);
        noTimeout.unreachable(first);
        assertThat(List.of(noTimeout.next(), noTimeout.next())).containsExactly(first, second);
    }

    @Test
    void sendsEachKeyToItsOwnNodeUnlessThatNodeIsLeftOut() {
        Client first = new Client("http://localhost:1");
        Client second = new Client("http://localhost:2");
        RoundRobin nodes = new RoundRobin(List.of(first, second), Duration.ofHours(1));
        String key = "wallet-a";
        Client home = nodes.forKey(key);

        assertThat(List.of(nodes.forKey(key), nodes.forKey(key))).containsOnly(home);
        nodes.unreachable(home);
        assertThat(nodes.forKey(key)).isNotSameAs(home);
    }
}
