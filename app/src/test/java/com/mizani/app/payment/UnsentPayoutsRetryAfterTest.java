package com.mizani.app.payment;

import com.mizani.command.support.RetryLater;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The Retry-After of a full payout backlog: its excess over the bound at the rate the backlog is sent. */
class UnsentPayoutsRetryAfterTest {

    @Test
    void theExcessOverTheBoundAtTheBacklogsRate() {
        // 3000 waiting, the oldest for 30 s: 100 are sent a second; the 1001 over the bound (the next one too) take 10 s.
        assertThat(UnsentPayouts.retryAfter(3000, 2000, Duration.ofSeconds(30))).isEqualTo(Duration.ofMillis(10_010));
        // At the bound, room comes with the next payout sent: a fraction of a second, answered as 1 s.
        Duration atTheBound = UnsentPayouts.retryAfter(2000, 2000, Duration.ofSeconds(20));
        assertThat(atTheBound).isEqualTo(Duration.ofMillis(10));
        assertThat(RetryLater.seconds(atTheBound)).isEqualTo(1);
        assertThat(RetryLater.seconds(Duration.ofMillis(10_010))).isEqualTo(11);
    }

    @Test
    void aStuckBacklogIsAnsweredWithTheLongestWait() {
        assertThat(UnsentPayouts.retryAfter(5000, 2000, Duration.ofMinutes(30))).isEqualTo(UnsentPayouts.LONGEST_WAIT);
    }

    @Test
    void noAgeToGoByIsTheShortestWait() {
        assertThat(UnsentPayouts.retryAfter(2000, 2000, Duration.ZERO)).isEqualTo(Duration.ZERO);
        // The oldest payout's time comes from another node's clock, which may be ahead of ours.
        assertThat(UnsentPayouts.retryAfter(2000, 2000, Duration.ofSeconds(-1))).isEqualTo(Duration.ZERO);
        assertThat(RetryLater.seconds(Duration.ZERO)).isEqualTo(1);
    }
}
