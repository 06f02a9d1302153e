package org.gridmap.audit;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gridmap.error.DomainException;
import org.gridmap.http.Params;

/** {@code GET /api/audit}: the audit trail, for admins. There is no route that changes it. */
public final class AuditRoutes {
  private final AuditLog log;

  public AuditRoutes(AuditLog log) {
    this.log = log;
  }

  public void list(Context ctx) {
    int page = Params.intParam(ctx, "page", 1, 1, 1_000_000);
    int size = Params.intParam(ctx, "size", 100, 1, 500);
    var result =
        log.query(
            new AuditQuery(
                ctx.queryParam("actor"),
                ctx.queryParam("action"),
                ctx.queryParam("entity"),
                ctx.queryParam("entityId"),
                time(ctx, "from"),
                time(ctx, "to"),
                page,
                size));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("total", result.total());
    body.put("page", result.page());
    body.put("size", result.size());
    body.put("items", result.items());
    ctx.json(body);
  }

  private static Instant time(Context ctx, String name) {
    String v = ctx.queryParam(name);
    if (v == null) {
      return null;
    }
    try {
      return Instant.parse(v);
    } catch (DateTimeParseException e) {
      throw DomainException.invalid(
          "invalid_parameter",
          "'" + name + "' must be an ISO-8601 instant such as 2026-11-01T00:00:00Z");
    }
  }
}
