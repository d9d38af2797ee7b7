package com.mizani.bench;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class DrainTest {

    @Test
    void waitsFiveMinutesOrTwiceTheLoadWhicheverIsLonger() {
        assertThat(Drain.limit(Duration.ofSeconds(12))).isEqualTo(Duration.ofSeconds(300));
        assertThat(Drain.limit(Duration.ofSeconds(190))).isEqualTo(Duration.ofSeconds(380));
    }
}
