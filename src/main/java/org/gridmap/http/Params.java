package org.gridmap.http;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.OffsetDateTime;
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

  /** An optional number within [min, max]; absent means {@code fallback}. */
  public static double doubleParam(
      Context ctx, String name, double fallback, double min, double max) {
    String raw = ctx.queryParam(name);
    if (raw == null || raw.isEmpty()) {
      return fallback;
    }
    try {
      double v = Double.parseDouble(raw.trim());
      if (v >= min && v <= max) {
        return v;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw invalid(name, "a number from " + min + " to " + max, raw);
  }

  /** An optional {@code true}/{@code false} (or 1/0); absent or empty means false. */
  public static boolean boolParam(Context ctx, String name) {
    String raw = ctx.queryParam(name);
    if (raw == null || raw.isEmpty() || raw.equals("false") || raw.equals("0")) {
      return false;
    }
    if (raw.equals("true") || raw.equals("1")) {
      return true;
    }
    throw invalid(name, "true or false", raw);
  }

  /**
   * An optional instant in ISO-8601 with its offset, e.g. {@code 2026-11-01T00:00:00Z} or {@code
   * 2026-11-01T08:00:00+08:00}; absent means null.
   */
  public static Instant instantParam(Context ctx, String name) {
    String raw = ctx.queryParam(name);
    if (raw == null || raw.isEmpty()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(raw.trim()).toInstant();
    } catch (DateTimeParseException e) {
      throw invalid(
          name,
          "an ISO-8601 time with offset such as 2026-11-01T00:00:00Z or 2026-11-01T08:00:00+08:00",
          raw);
    }
  }

  private static DomainException outOfRange(String name, String raw, int min, int max) {
    return invalid(name, "a whole number from " + min + " to " + max, raw);
  }

  private static DomainException invalid(String name, String expected, String raw) {
    return DomainException.invalid(
        "invalid_parameter",
        "Parameter '" + name + "' must be " + expected + ", got '" + raw + "'");
  }
}
