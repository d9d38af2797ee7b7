package com.mizani.axon.catchup;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ProjectionCatchUpTest {

    private static final GapAwareTrackingToken HEAD = GapAwareTrackingToken.newInstance(100, Set.of());

    @Test
    void aSegmentBehindTheHeadHasNotReachedIt() {
        assertThat(ProjectionCatchUp.reached(GapAwareTrackingToken.newInstance(99, Set.of()), HEAD, new ArrayList<>()))
                .isFalse();
    }

    @Test
    void aSegmentThatSteppedOverTheHeadAsAHoleHasNotReachedIt() {
        assertThat(ProjectionCatchUp.reached(GapAwareTrackingToken.newInstance(105, Set.of(100L)), HEAD,
                new ArrayList<>())).isFalse();
    }

    @Test
    void holesBelowTheHeadAreLeftForTheStoreToJudge() {
        List<Long> holes = new ArrayList<>();

        boolean reached = ProjectionCatchUp.reached(GapAwareTrackingToken.newInstance(105, Set.of(97L, 98L, 103L)),
                HEAD, holes);

        assertThat(reached).isTrue();
        assertThat(holes).containsExactly(97L, 98L);
    }

    @Test
    void aTokenWithoutHolesIsJudgedByItsPosition() {
        assertThat(ProjectionCatchUp.reached(new GlobalSequenceTrackingToken(100), new GlobalSequenceTrackingToken(100),
                new ArrayList<>())).isTrue();
        assertThat(ProjectionCatchUp.reached(new GlobalSequenceTrackingToken(99), new GlobalSequenceTrackingToken(100),
                new ArrayList<>())).isFalse();
    }
}
