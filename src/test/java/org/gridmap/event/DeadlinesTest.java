package org.gridmap.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeadlinesTest {
  private static final EventType FIRE =
      new EventType("fire_hazard", "消防隐患", "Fire hazard", true, 24, List.of("what", "where"));
  private static final Duration FOUR_HOURS = Duration.ofHours(4);

  /** 22:30 in Shanghai is 14:30 UTC: the handling deadline falls on the next local day. */
  private static final Instant REPORTED =
      OffsetDateTime.parse("2026-03-01T22:30:00+08:00").toInstant();

  @Test
  void a_normal_event_is_due_after_the_types_hours_and_has_no_escalation_deadline() {
    Deadlines d = Deadlines.of(FIRE, Severity.NORMAL, REPORTED, FOUR_HOURS);
    assertEquals(Instant.parse("2026-03-02T14:30:00Z"), d.dueAt());
    assertNull(d.escalateBy());
  }

  @Test
  void a_major_event_must_be_escalated_four_hours_after_the_report_across_local_midnight() {
    Deadlines d = Deadlines.of(FIRE, Severity.MAJOR, REPORTED, FOUR_HOURS);
    assertEquals(Instant.parse("2026-03-01T18:30:00Z"), d.escalateBy());
    assertEquals(
        "2026-03-02T02:30+08:00",
        d.escalateBy().atZone(ZoneId.of("Asia/Shanghai")).toOffsetDateTime().toString());
    assertEquals(
        "2026-03-01T19:30+01:00",
        d.escalateBy().atZone(ZoneId.of("Europe/Berlin")).toOffsetDateTime().toString());
  }

  @ParameterizedTest(name = "{0} after the report, escalated {1} -> overdue {2}")
  @CsvSource({
    "PT3H59M59S, never, false",
    "PT4H, never, false", // exactly at the deadline: not yet
    "PT4H0M1S, never, true",
    "PT5H, PT3H, false", // escalated in time
    "PT5H, PT4H30M, false", // escalated late: no longer waiting for escalation
    "PT23H59M, PT1H, false",
    "PT24H0M1S, PT1H, true" // the handling deadline
  })
  void a_major_event_is_overdue_when_not_escalated_within_four_hours(
      String elapsed, String escalatedAfter, boolean overdue) {
    Deadlines d = Deadlines.of(FIRE, Severity.MAJOR, REPORTED, FOUR_HOURS);
    Instant escalated =
        escalatedAfter.equals("never") ? null : REPORTED.plus(Duration.parse(escalatedAfter));
    EventStatus status = escalated == null ? EventStatus.ACCEPTED : EventStatus.ESCALATED;
    assertEquals(overdue, d.overdue(status, escalated, REPORTED.plus(Duration.parse(elapsed))));
  }

  @Test
  void the_escalation_window_is_configurable() {
    Deadlines d = Deadlines.of(FIRE, Severity.MAJOR, REPORTED, Duration.ofHours(2));
    assertTrue(d.overdue(EventStatus.REPORTED, null, REPORTED.plus(Duration.ofMinutes(121))));
    assertFalse(d.overdue(EventStatus.REPORTED, null, REPORTED.plus(Duration.ofMinutes(119))));
  }

  @Test
  void a_normal_event_is_overdue_only_after_its_handling_deadline_and_only_while_open() {
    Deadlines d = Deadlines.of(FIRE, Severity.NORMAL, REPORTED, FOUR_HOURS);
    Instant late = REPORTED.plus(Duration.ofHours(25));
    assertFalse(d.overdue(EventStatus.IN_PROGRESS, null, REPORTED.plus(Duration.ofHours(5))));
    assertTrue(d.overdue(EventStatus.IN_PROGRESS, null, late));
    for (EventStatus done :
        List.of(
            EventStatus.RESOLVED,
            EventStatus.CLOSED,
            EventStatus.REJECTED,
            EventStatus.DUPLICATE)) {
      assertFalse(d.overdue(done, null, late), done.code());
    }
  }

  @Test
  void handled_on_time_needs_the_handling_deadline_and_for_major_events_the_escalation() {
    Deadlines normal = Deadlines.of(FIRE, Severity.NORMAL, REPORTED, FOUR_HOURS);
    assertTrue(normal.handledOnTime(REPORTED.plus(Duration.ofHours(24)), null));
    assertFalse(normal.handledOnTime(REPORTED.plus(Duration.ofHours(25)), null));
    assertFalse(normal.handledOnTime(null, null));
    Deadlines major = Deadlines.of(FIRE, Severity.MAJOR, REPORTED, FOUR_HOURS);
    Instant resolved = REPORTED.plus(Duration.ofHours(10));
    assertTrue(major.handledOnTime(resolved, REPORTED.plus(Duration.ofHours(3))));
    assertFalse(major.handledOnTime(resolved, REPORTED.plus(Duration.ofHours(5))));
    assertTrue(major.handledOnTime(REPORTED.plus(Duration.ofHours(2)), null));
  }
}
