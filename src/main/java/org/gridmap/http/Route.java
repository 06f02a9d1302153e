package org.gridmap.http;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.Objects;

/**
 * One line of the route table: method, path, who may call it, and the handler; optionally a per-IP
 * rate-limit bucket and a body size limit (null = the configured default).
 */
public record Route(
    HandlerType method,
    String path,
    Access access,
    Handler handler,
    RateLimiter.Bucket bucket,
    Long maxBodyBytes) {
  public Route {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(access, () -> "route " + path + " declares no access rule");
    Objects.requireNonNull(handler, "handler");
    if (access.scopedBy() != null && !path.contains("{" + access.scopedBy().param + "}")) {
      throw new IllegalArgumentException(
          "route "
              + path
              + " is scoped by {"
              + access.scopedBy().param
              + "} but has no such parameter");
    }
  }

  public static Route get(String path, Access access, Handler handler) {
    return new Route(HandlerType.GET, path, access, handler, null, null);
  }

  public static Route post(String path, Access access, Handler handler) {
    return new Route(HandlerType.POST, path, access, handler, null, null);
  }

  public static Route put(String path, Access access, Handler handler) {
    return new Route(HandlerType.PUT, path, access, handler, null, null);
  }

  public static Route patch(String path, Access access, Handler handler) {
    return new Route(HandlerType.PATCH, path, access, handler, null, null);
  }

  public static Route delete(String path, Access access, Handler handler) {
    return new Route(HandlerType.DELETE, path, access, handler, null, null);
  }

  public Route limited(RateLimiter.Bucket b) {
    return new Route(method, path, access, handler, b, maxBodyBytes);
  }

  public Route maxBody(long bytes) {
    return new Route(method, path, access, handler, bucket, bytes);
  }

  /** True for methods that change state (and so need a CSRF token when called with a cookie). */
  public boolean changesState() {
    return !(method == HandlerType.GET
        || method == HandlerType.HEAD
        || method == HandlerType.OPTIONS);
  }
}
