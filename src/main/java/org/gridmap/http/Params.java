package org.gridmap.http;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.gridmap.error.DomainException;
import org.gridmap.geo.Simplification;

/**
 * Query- and path-parameter parsing with answers that name the parameter and the accepted range.
 */
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

  /**
   * Refuses a request with a query parameter this route does not define, or with one given twice:
   * 400 naming the parameter and listing the known ones (as OGC API – Features asks of its servers,
   * so that a misspelt filter is not silently ignored).
   */
  public static void onlyKnown(Context ctx, Set<String> known) {
    for (Map.Entry<String, List<String>> e : ctx.queryParamMap().entrySet()) {
      if (!known.contains(e.getKey())) {
        throw DomainException.invalid(
            "unknown_parameter",
            "Unknown query parameter '"
                + e.getKey()
                + "'; this resource knows "
                + String.join(", ", new TreeSet<>(known)));
      }
      if (e.getValue().size() > 1) {
        throw DomainException.invalid(
            "invalid_parameter", "Parameter '" + e.getKey() + "' is given more than once");
      }
    }
  }

  /**
   * The simplification asked for with {@code zoom} (a web-map zoom level) or {@code simplify} (a
   * tolerance in metres); none when neither is given, 400 when both are.
   */
  public static Simplification simplification(Context ctx) {
    boolean zoom = ctx.queryParam("zoom") != null;
    Double metres = decimalParam(ctx, "simplify", 0, 100_000);
    if (zoom && metres != null) {
      throw DomainException.invalid(
          "invalid_parameter", "Give either 'zoom' or 'simplify' (metres), not both");
    }
    if (zoom) {
      return Simplification.forZoom(intParam(ctx, "zoom", 0, 0, Simplification.MAX_ZOOM));
    }
    return metres == null ? Simplification.NONE : Simplification.ofMetres(metres);
  }

  /** An optional decimal number within [min, max]; absent means null. */
  public static Double decimalParam(Context ctx, String name, double min, double max) {
    String raw = ctx.queryParam(name);
    if (raw == null || raw.isEmpty()) {
      return null;
    }
    try {
      double v = Double.parseDouble(raw.trim());
      if (v >= min && v <= max) {
        return v;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw outOfRange(name, raw, "a number", min, max);
  }

  /** A query parameter that must be given and not blank. */
  public static String required(Context ctx, String name) {
    String raw = ctx.queryParam(name);
    if (raw == null || raw.isBlank()) {
      throw DomainException.invalid("missing_parameter", "Parameter '" + name + "' is required");
    }
    return raw.trim();
  }

  /** An optional {@code true}/{@code false} query parameter; absent means false. */
  public static boolean flag(Context ctx, String name) {
    String raw = ctx.queryParam(name);
    if (raw == null || raw.isEmpty() || raw.equals("false")) {
      return false;
    }
    if (raw.equals("true")) {
      return true;
    }
    throw DomainException.invalid(
        "invalid_parameter", "Parameter '" + name + "' must be true or false, got '" + raw + "'");
  }

  /** A path parameter holding a database id (a positive whole number). */
  public static long id(Context ctx, String name) {
    String raw = ctx.pathParam(name);
    if (!raw.matches("\\d{1,18}")) {
      throw DomainException.notFound("not_found", "No such " + name + ": '" + raw + "'");
    }
    return Long.parseLong(raw);
  }

  private static DomainException outOfRange(String name, String raw, int min, int max) {
    return outOfRange(name, raw, "a whole number", min, max);
  }

  private static DomainException outOfRange(
      String name, String raw, String what, Object min, Object max) {
    String message = "Parameter '%s' must be %s from %s to %s, got '%s'";
    return DomainException.invalid(
        "invalid_parameter", message.formatted(name, what, min, max, raw));
  }

  /** A required number; missing or not a finite number is a 400 naming the parameter. */
  public static double requiredDouble(Context ctx, String name) {
    String raw = ctx.queryParam(name);
    if (raw == null || raw.isBlank()) {
      throw DomainException.invalid(
          "missing_parameter", "Parameter '" + name + "' is required (a number)");
    }
    return parseDouble(name, raw);
  }

  /** An optional number within [min, max]; absent means {@code fallback}. */
  public static double doubleParam(
      Context ctx, String name, double fallback, double min, double max) {
    String raw = ctx.queryParam(name);
    if (raw == null || raw.isEmpty()) {
      return fallback;
    }
    double v = parseDouble(name, raw);
    if (v < min || v > max) {
      throw DomainException.invalid(
          "invalid_parameter",
          "Parameter '" + name + "' must be from " + min + " to " + max + ", got '" + raw + "'");
    }
    return v;
  }

  private static double parseDouble(String name, String raw) {
    try {
      double v = Double.parseDouble(raw.trim());
      if (Double.isFinite(v)) {
        return v;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw DomainException.invalid(
        "invalid_parameter", "Parameter '" + name + "' must be a number, got '" + raw + "'");
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

  /** An optional {@code true}/{@code false} (or 1/0); absent or empty means false. */
  public static boolean boolParam(Context ctx, String name) {
    String raw = ctx.queryParam(name);
    if (raw == null || raw.isEmpty() || raw.equals("false") || raw.equals("0")) {
      return false;
    }
    if (raw.equals("true") || raw.equals("1")) {
      return true;
    }
    throw DomainException.invalid(
        "invalid_parameter", "Parameter '" + name + "' must be true or false, got '" + raw + "'");
  }

  /**
   * An optional instant in ISO-8601 with its offset, e.g. {@code 2026-11-01T00:00:00Z}; a local
   * time or a date is read in UTC. Absent means null.
   */
  public static Instant instantParam(Context ctx, String name) {
    return instantParam(ctx, name, java.time.ZoneOffset.UTC);
  }
}
