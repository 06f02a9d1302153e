package org.gridmap.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimeIntervalTest {

  @Test
  void a_date_time_is_an_instant() {
    TimeInterval t = TimeInterval.parse("2026-03-01T08:00:00+08:00");
    assertTrue(t.isInstant());
    assertEquals(Instant.parse("2026-03-01T00:00:00Z"), t.start());
  }

  @Test
  void a_closed_interval_has_both_ends() {
    TimeInterval t = TimeInterval.parse("2026-03-01T00:00:00Z/2026-03-18T12:31:12Z");
    assertEquals(Instant.parse("2026-03-01T00:00:00Z"), t.start());
    assertEquals(Instant.parse("2026-03-18T12:31:12Z"), t.end());
  }

  @Test
  void open_ends_are_double_dots_or_empty() {
    assertNull(TimeInterval.parse("2026-03-01T00:00:00Z/..").end());
    assertNull(TimeInterval.parse("../2026-03-01T00:00:00Z").start());
    assertNull(TimeInterval.parse("2026-03-01T00:00:00Z/").end());
    assertNull(TimeInterval.parse("/2026-03-01T00:00:00Z").start());
  }

  @Test
  void a_date_is_the_whole_utc_day_to_the_microsecond_postgres_keeps() {
    TimeInterval day = TimeInterval.parse("2026-03-01");
    assertEquals(Instant.parse("2026-03-01T00:00:00Z"), day.start());
    assertEquals(Instant.parse("2026-03-01T23:59:59.999999Z"), day.end());
    assertEquals(
        Instant.parse("2026-03-02T23:59:59.999999Z"),
        TimeInterval.parse("2026-03-01/2026-03-02").end());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "yesterday",
        "2026-13-01",
        "2026-03-01T25:00:00Z",
        "../..",
        "/",
        "2026-03-02T00:00:00Z/2026-03-01T00:00:00Z",
        "2026-03-01T00:00:00Z/2026-03-02T00:00:00Z/2026-03-03T00:00:00Z"
      })
  void anything_else_is_refused(String text) {
    assertThrows(IllegalArgumentException.class, () -> TimeInterval.parse(text));
  }
}
