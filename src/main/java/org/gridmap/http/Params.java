package org.gridmap.http;

import io.javalin.http.Context;
import org.gridmap.error.DomainException;

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
}
