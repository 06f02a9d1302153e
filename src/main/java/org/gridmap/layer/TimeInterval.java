package org.gridmap.layer;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * A closed time interval, either end open (null). Parsed from the {@code datetime} parameter of OGC
 * API – Features: an RFC 3339 date-time ({@code 2026-03-01T08:00:00Z}), a full date ({@code
 * 2026-03-01}, the whole day in UTC), or an interval {@code start/end} whose open end is written
 * {@code ..} or left empty ({@code 2026-03-01T00:00:00Z/..}).
 */
public record TimeInterval(Instant start, Instant end) {

  public TimeInterval {
    if (start != null && end != null && start.isAfter(end)) {
      throw new IllegalArgumentException("the interval starts after it ends");
    }
  }

  public static TimeInterval parse(String text) {
    String t = text.trim();
    int slash = t.indexOf('/');
    if (slash < 0) {
      if (t.length() == 10) {
        Instant day = date(t);
        return new TimeInterval(day, endOfDay(day));
      }
      Instant at = instant(t);
      return new TimeInterval(at, at);
    }
    if (t.indexOf('/', slash + 1) >= 0) {
      throw new IllegalArgumentException("an interval has one '/'");
    }
    Instant start = end(t.substring(0, slash), false);
    Instant end = end(t.substring(slash + 1), true);
    if (start == null && end == null) {
      throw new IllegalArgumentException("an interval needs at least one end");
    }
    return new TimeInterval(start, end);
  }

  public boolean isInstant() {
    return start != null && start.equals(end);
  }

  private static Instant end(String s, boolean upper) {
    if (s.isEmpty() || s.equals("..")) {
      return null;
    }
    if (s.length() == 10) {
      Instant day = date(s);
      return upper ? endOfDay(day) : day;
    }
    return instant(s);
  }

  /**
   * The last microsecond of the day: PostgreSQL keeps microseconds and would round a nanosecond
   * later end up to the next midnight.
   */
  private static Instant endOfDay(Instant midnight) {
    return midnight.plus(1, ChronoUnit.DAYS).minus(1, ChronoUnit.MICROS);
  }

  private static Instant instant(String s) {
    try {
      return OffsetDateTime.parse(s.replace(' ', 'T')).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "'" + s + "' is not an RFC 3339 date-time such as 2026-03-01T08:00:00Z");
    }
  }

  private static Instant date(String s) {
    try {
      return LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + s + "' is not a date such as 2026-03-01");
    }
  }
}
