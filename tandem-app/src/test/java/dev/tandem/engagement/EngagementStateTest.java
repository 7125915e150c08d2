package dev.tandem.engagement;

import dev.tandem.shared.ConflictException;
import dev.tandem.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static dev.tandem.engagement.EngagementState.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EngagementStateTest {

    /** The whole table of legal moves, written out by hand; every other pair must be refused. */
    private static final Map<EngagementState, Set<EngagementState>> LEGAL = Map.of(
            PROPOSED, EnumSet.of(ACCEPTED, DECLINED, CANCELLED),
            ACCEPTED, EnumSet.of(LEARNING, CANCELLED),
            LEARNING, EnumSet.of(SHARING_CONTEXT, CANCELLED),
            SHARING_CONTEXT, EnumSet.of(DRIVING_CHANGE, CANCELLED),
            DRIVING_CHANGE, EnumSet.of(EXITING, CANCELLED),
            EXITING, EnumSet.of(COMPLETED, CANCELLED),
            COMPLETED, EnumSet.noneOf(EngagementState.class),
            DECLINED, EnumSet.noneOf(EngagementState.class),
            CANCELLED, EnumSet.noneOf(EngagementState.class));

    @Test
    void everyPairIsLegalExactlyWhenTheTableSaysSo() {
        int illegal = 0;
        for (EngagementState from : values()) {
            for (EngagementState to : values()) {
                if (LEGAL.get(from).contains(to)) {
                    assertThat(from.moveTo(to)).isEqualTo(to);
                } else {
                    illegal++;
                    assertThatThrownBy(() -> from.moveTo(to)).as(from + " -> " + to)
                            .isInstanceOf(ConflictException.class)
                            .hasMessageContaining(from.label()).hasMessageContaining(to.label());
                }
            }
            assertThat(from.next()).isEqualTo(LEGAL.get(from));
        }
        assertThat(illegal).isEqualTo(81 - 13);
    }

    @Test
    void refusalsSayWhy() {
        assertThatThrownBy(() -> LEARNING.moveTo(DRIVING_CHANGE)).hasMessageContaining("the next step from learning the service is sharing context");
        assertThatThrownBy(() -> DRIVING_CHANGE.moveTo(LEARNING)).hasMessageContaining("do not move back");
        assertThatThrownBy(() -> COMPLETED.moveTo(CANCELLED)).hasMessageContaining("which is final");
        assertThatThrownBy(() -> ACCEPTED.moveTo(DECLINED)).hasMessageContaining("only a proposal can be declined");
        assertThatThrownBy(() -> EXITING.moveTo(EXITING)).hasMessageContaining("already exiting");
    }

    @Test
    void groupsAndParsing() {
        assertThat(EnumSet.allOf(EngagementState.class).stream().filter(EngagementState::active))
                .containsExactly(LEARNING, SHARING_CONTEXT, DRIVING_CHANGE, EXITING);
        assertThat(ACCEPTED.committed()).isTrue();
        assertThat(PROPOSED.committed()).isFalse();
        assertThat(ACCEPTED.started()).isFalse();
        assertThat(COMPLETED.started()).isTrue();
        assertThat(EngagementState.parse("sharing-context")).isEqualTo(SHARING_CONTEXT);
        assertThat(EngagementState.parse("Driving change")).isEqualTo(DRIVING_CHANGE);
        assertThat(SHARING_CONTEXT.slug()).isEqualTo("sharing-context");
        assertThatThrownBy(() -> EngagementState.parse("done")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("unknown state 'done'");
    }
}
