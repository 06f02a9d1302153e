package org.gridmap.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.validation.ValidationException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridmap.error.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where exceptions become HTTP answers: {@code {"error": code, "message": ...}} with
 * the status of the exception's kind. Unexpected exceptions are logged with an id and answered 500
 * with that id only: no stack trace, SQL or internal message reaches the client.
 */
public final class ErrorMapper {
  private static final Logger log = LoggerFactory.getLogger(ErrorMapper.class);

  private ErrorMapper() {}

  public static int status(DomainException.Kind kind) {
    return switch (kind) {
      case INVALID_INPUT -> 400;
      case UNAUTHENTICATED -> 401;
      case FORBIDDEN -> 403;
      case NOT_FOUND -> 404;
      case CONFLICT -> 409;
      case TOO_LARGE -> 413;
      case UNSUPPORTED_MEDIA_TYPE -> 415;
      case UNPROCESSABLE -> 422;
      case TOO_MANY_REQUESTS -> 429;
      case UNAVAILABLE -> 503;
    };
  }

  public static void handle(Exception e, Context ctx) {
    if (e instanceof DomainException d) {
      if (d.retryAfterSeconds() > 0) {
        ctx.header("Retry-After", String.valueOf(d.retryAfterSeconds()));
      }
      write(ctx, status(d.kind()), d.code(), d.getMessage(), d.details());
    } else if (e instanceof ValidationException v) {
      Map<String, Object> details = new LinkedHashMap<>();
      v.getErrors()
          .forEach(
              (field, errors) ->
                  details.put(field, errors.stream().map(er -> er.getMessage()).toList()));
      String first = v.getErrors().keySet().stream().findFirst().orElse("input");
      write(ctx, 400, "invalid_parameter", "Invalid value for '" + first + "'", details);
    } else if (e instanceof HttpResponseException h) {
      write(ctx, h.getStatus(), codeOf(h.getStatus()), h.getMessage(), null);
    } else if (e instanceof JsonProcessingException j) {
      String where =
          j.getLocation() == null
              ? ""
              : " at line "
                  + j.getLocation().getLineNr()
                  + ", column "
                  + j.getLocation().getColumnNr();
      write(ctx, 400, "invalid_json", "The request body is not valid JSON" + where, null);
    } else if (isDatabaseDown(e)) {
      write(
          ctx,
          503,
          "database_unavailable",
          "The database is not reachable at the moment; try again shortly.",
          null);
    } else {
      String id = Long.toHexString(System.nanoTime());
      log.error("Unexpected error {} on {} {}", id, ctx.method(), ctx.path(), e);
      write(ctx, 500, "internal_error", "Unexpected error (reference " + id + ")", null);
    }
  }

  private static final String WRITTEN = "gridmap.error-written";

  /** True when this request's error answer was already written by the mapping. */
  static boolean wasWritten(Context ctx) {
    return Boolean.TRUE.equals(ctx.attribute(WRITTEN));
  }

  public static void write(Context ctx, int status, String code, String message, Object details) {
    ctx.attribute(WRITTEN, true);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", code);
    body.put("message", message);
    if (details != null) {
      body.put("details", details);
    }
    ctx.status(status).json(body);
  }

  static String codeOf(int status) {
    return switch (status) {
      case 400 -> "bad_request";
      case 401 -> "unauthenticated";
      case 403 -> "forbidden";
      case 404 -> "not_found";
      case 405 -> "method_not_allowed";
      case 409 -> "conflict";
      case 413 -> "payload_too_large";
      case 415 -> "unsupported_media_type";
      case 422 -> "unprocessable";
      case 429 -> "too_many_requests";
      case 503 -> "unavailable";
      default -> status >= 500 ? "internal_error" : "error";
    };
  }

  /**
   * True when the cause chain says the database connection failed (SQLSTATE class 08, pool
   * timeout).
   */
  static boolean isDatabaseDown(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLTransientConnectionException) {
        return true;
      }
      if (t instanceof SQLException s
          && s.getSQLState() != null
          && s.getSQLState().startsWith("08")) {
        return true;
      }
      if (List.of("JDBCConnectionException").contains(t.getClass().getSimpleName())) {
        return true;
      }
    }
    return false;
  }
}
