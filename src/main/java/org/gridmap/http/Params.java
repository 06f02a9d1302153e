package org.gridmap.http;

import io.javalin.http.Context;
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
}
