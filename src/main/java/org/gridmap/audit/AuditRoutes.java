package org.gridmap.audit;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
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
                Params.instantParam(ctx, "from"),
                Params.instantParam(ctx, "to"),
                page,
                size));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("total", result.total());
    body.put("page", result.page());
    body.put("size", result.size());
    body.put("items", result.items());
    ctx.json(body);
  }
}
