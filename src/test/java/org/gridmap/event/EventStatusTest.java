package org.gridmap.event;

import static org.gridmap.event.EventStatus.ACCEPTED;
import static org.gridmap.event.EventStatus.CLOSED;
import static org.gridmap.event.EventStatus.DUPLICATE;
import static org.gridmap.event.EventStatus.ESCALATED;
import static org.gridmap.event.EventStatus.IN_PROGRESS;
import static org.gridmap.event.EventStatus.REJECTED;
import static org.gridmap.event.EventStatus.REPORTED;
import static org.gridmap.event.EventStatus.RESOLVED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EventStatusTest {
  /** The workflow of the issue, written out independently of the enum's switch. */
  private static final Map<EventStatus, Set<EventStatus>> WORKFLOW =
      Map.of(
          REPORTED, EnumSet.of(ACCEPTED, ESCALATED, REJECTED, DUPLICATE),
          ACCEPTED, EnumSet.of(IN_PROGRESS, ESCALATED, REJECTED, DUPLICATE),
          IN_PROGRESS, EnumSet.of(RESOLVED, ESCALATED),
          ESCALATED, EnumSet.of(IN_PROGRESS, RESOLVED, REJECTED),
          RESOLVED, EnumSet.of(CLOSED, IN_PROGRESS),
          CLOSED, EnumSet.noneOf(EventStatus.class),
          REJECTED, EnumSet.noneOf(EventStatus.class),
          DUPLICATE, EnumSet.noneOf(EventStatus.class));

  @ParameterizedTest
  @EnumSource(EventStatus.class)
  void each_state_allows_exactly_the_moves_of_the_workflow(EventStatus from) {
    for (EventStatus to : EventStatus.values()) {
      assertEquals(WORKFLOW.get(from).contains(to), from.canMoveTo(to), from + " -> " + to);
    }
  }

  @Test
  void no_state_moves_to_itself_or_back_to_reported() {
    for (EventStatus s : EventStatus.values()) {
      assertFalse(s.canMoveTo(s), s.code());
      assertFalse(s.canMoveTo(REPORTED), s.code());
    }
  }

  @Test
  void closed_rejected_and_duplicate_are_final_and_closed_for_open311() {
    for (EventStatus s : EnumSet.of(CLOSED, REJECTED, DUPLICATE)) {
      assertTrue(s.next().isEmpty(), s.code());
      assertEquals("closed", s.open311());
    }
    assertEquals("closed", RESOLVED.open311());
    for (EventStatus s : EnumSet.of(REPORTED, ACCEPTED, IN_PROGRESS, ESCALATED)) {
      assertEquals("open", s.open311(), s.code());
    }
  }

  @Test
  void an_illegal_transition_names_the_allowed_states() {
    IllegalTransition e = new IllegalTransition(7, IN_PROGRESS, CLOSED);
    assertEquals(
        "Event 7 is in_progress and cannot become closed; allowed: resolved, escalated",
        e.getMessage());
    assertTrue(
        new IllegalTransition(7, CLOSED, ACCEPTED).getMessage().endsWith("none (closed is final)"));
  }

  @Test
  void codes_round_trip() {
    for (EventStatus s : EventStatus.values()) {
      assertEquals(s, EventStatus.ofCode(s.code()).orElseThrow());
    }
    assertTrue(EventStatus.ofCode("done").isEmpty());
  }
}
