package org.gridmap.http;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.gridmap.error.DomainException;

/** Query-parameter parsing with answers that name the parameter and the accepted range. */
public final class Params {
  private Params() {}

  /** An optional whole number within [min, max]; absent means {@code fallback}. */
  public static int intParam(Context ctx, String name, int fallback, int min, int max) {
    String raw = ctx.queryParam(name);
    if (raw == null || raw.isEmpty()) {
      return fallback;
    }
    try {
      int v = Integer.parseInt(raw.trim());
      if (v < min || v > max) {
        throw outOfRange(name, raw, min, max);
      }
      return v;
    } catch (NumberFormatException e) {
      throw outOfRange(name, raw, min, max);
    }
  }

  private static DomainException outOfRange(String name, String raw, int min, int max) {
    return DomainException.invalid(
        "invalid_parameter",
        "Parameter '"
            + name
            + "' must be a whole number from "
            + min
            + " to "
            + max
            + ", got '"
            + raw
            + "'");
  }

  /**
   * An optional point in time: an ISO-8601 instant with {@code Z} or an offset; a local date-time
   * or a date without offset is read in {@code zone} (a date means its start). Absent is null.
   */
  public static Instant instantParam(Context ctx, String name, ZoneId zone) {
    return instant(name, ctx.queryParam(name), zone);
  }

  /** {@link #instantParam} for a value from anywhere (a JSON field, a form field). */
  public static Instant instant(String name, String raw, ZoneId zone) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String v = raw.trim();
    try {
      return OffsetDateTime.parse(v).toInstant();
    } catch (DateTimeParseException e) {
      // not with an offset; try the local forms below
    }
    try {
      return LocalDateTime.parse(v).atZone(zone).toInstant();
    } catch (DateTimeParseException e) {
      // not a local date-time
    }
    try {
      return LocalDate.parse(v).atStartOfDay(zone).toInstant();
    } catch (DateTimeParseException e) {
      throw DomainException.invalid(
          "invalid_parameter",
          "'"
              + name
              + "' must be an ISO-8601 time such as 2026-11-01T08:30:00+08:00 or 2026-11-01,"
              + " got '"
              + raw
              + "'");
    }
  }
}
