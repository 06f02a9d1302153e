package org.gridmap.http;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.Handler;
import io.javalin.http.SameSite;
import java.util.Map;
import org.gridmap.access.Principal;
import org.gridmap.account.Accounts;
import org.gridmap.account.AuthFailure;
import org.gridmap.error.DomainException;

/**
 * Runs before every route's handler, in this order: body size limit, who is calling (API key or
 * session cookie), per-IP rate limits, the route's access rule, CSRF for browser writes, and the
 * route's area scope. The handler runs only when all pass; it finds the caller with {@link
 * #principal(Context)}.
 */
public final class Guard {
  public static final String SESSION_COOKIE = "gm_session";
  public static final String CSRF_HEADER = "X-CSRF-Token";
  private static final String PRINCIPAL = "gridmap.principal";

  /** Decides whether a path parameter's value lies in the caller's scope. */
  public interface ScopeCheck {
    boolean allows(Principal caller, String value);
  }

  private final Accounts accounts;
  private final RateLimiter limiter;
  private final Map<Access.Scoped, ScopeCheck> scopeChecks;
  private final long defaultMaxBody;
  private final boolean trustProxy;

  public Guard(
      Accounts accounts,
      RateLimiter limiter,
      Map<Access.Scoped, ScopeCheck> scopeChecks,
      long defaultMaxBody,
      boolean trustProxy) {
    this.accounts = accounts;
    this.limiter = limiter;
    this.scopeChecks = Map.copyOf(scopeChecks);
    this.defaultMaxBody = defaultMaxBody;
    this.trustProxy = trustProxy;
    for (Access.Scoped s : Access.Scoped.values()) {
      if (!scopeChecks.containsKey(s)) {
        throw new IllegalArgumentException("no scope check for " + s);
      }
    }
  }

  /** The caller of the current request (set by the guard before the handler runs). */
  public static Principal principal(Context ctx) {
    Principal p = ctx.attribute(PRINCIPAL);
    return p == null ? Principal.PUBLIC : p;
  }

  /**
   * The client's address: the socket peer, or the first X-Forwarded-For hop behind a trusted proxy.
   */
  public String clientIp(Context ctx) {
    if (trustProxy) {
      String xff = ctx.header("X-Forwarded-For");
      if (xff != null && !xff.isBlank()) {
        return xff.split(",")[0].trim();
      }
    }
    return ctx.ip();
  }

  public boolean isSecure(Context ctx) {
    return "https".equalsIgnoreCase(ctx.scheme())
        || (trustProxy && "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto")));
  }

  /**
   * The scheme, host and port clients reach this server at, for absolute links in responses: from
   * the request's Host header, or from X-Forwarded-Proto and X-Forwarded-Host behind a trusted
   * proxy.
   */
  public String baseUrl(Context ctx) {
    String host = null;
    if (trustProxy) {
      String forwarded = ctx.header("X-Forwarded-Host");
      if (forwarded != null && !forwarded.isBlank()) {
        host = forwarded.split(",")[0].trim();
      }
    }
    if (host == null || host.isBlank()) {
      host = ctx.host();
    }
    if (host == null || host.isBlank()) {
      host = ctx.req().getServerName() + ":" + ctx.req().getServerPort();
    }
    return (isSecure(ctx) ? "https" : "http") + "://" + host;
  }

  Handler wrap(Route route) {
    long maxBody = route.maxBodyBytes() == null ? defaultMaxBody : route.maxBodyBytes();
    return ctx -> {
      long length = ctx.contentLength();
      if (length > maxBody) {
        throw new DomainException(
            DomainException.Kind.TOO_LARGE,
            "payload_too_large",
            "The request body has " + length + " bytes; this route accepts at most " + maxBody);
      }
      Principal caller = identify(ctx);
      ctx.attribute(PRINCIPAL, caller);
      String ip = clientIp(ctx);
      if (caller.isPublic()) {
        rate(ctx, RateLimiter.Bucket.PUBLIC, ip);
      }
      if (route.bucket() != null) {
        rate(ctx, route.bucket(), ip);
      }
      if (!route.access().allows(caller)) {
        throw caller.isPublic()
            ? AuthFailure.loginRequired()
            : AuthFailure.forbidden(
                "A "
                    + caller.role().code()
                    + " may not use "
                    + route.method()
                    + " "
                    + route.path());
      }
      if (!route.access().isPublic()
          && route.changesState()
          && caller.via() == Principal.Via.SESSION) {
        String token = ctx.header(CSRF_HEADER);
        if (token == null
            || !java.security.MessageDigest.isEqual(
                token.getBytes(), caller.csrfToken().getBytes())) {
          throw new DomainException(
              DomainException.Kind.FORBIDDEN,
              "csrf_token_invalid",
              "Missing or wrong "
                  + CSRF_HEADER
                  + " header (get it from POST /api/login or GET /api/me)");
        }
      }
      Access.Scoped scoped = route.access().scopedBy();
      if (scoped != null && !scopeChecks.get(scoped).allows(caller, ctx.pathParam(scoped.param))) {
        throw AuthFailure.forbidden(
            "'" + ctx.pathParam(scoped.param) + "' is outside your area scope");
      }
      route.handler().handle(ctx);
    };
  }

  private void rate(Context ctx, RateLimiter.Bucket bucket, String ip) {
    long wait = limiter.acquire(bucket, ip);
    if (wait > 0) {
      ctx.header("Retry-After", String.valueOf(wait));
      throw new DomainException(
          DomainException.Kind.TOO_MANY_REQUESTS,
          "rate_limited",
          "Too many requests from your address; retry in " + wait + " s");
    }
  }

  private Principal identify(Context ctx) {
    String key = apiKey(ctx);
    if (key != null) {
      return accounts.authenticateApiKey(key);
    }
    String session = ctx.cookie(SESSION_COOKIE);
    if (session != null && !session.isBlank()) {
      Principal p = accounts.authenticateSession(session);
      if (p != null) {
        return p;
      }
      ctx.removeCookie(SESSION_COOKIE, "/");
    }
    return Principal.PUBLIC;
  }

  private static String apiKey(Context ctx) {
    String auth = ctx.header("Authorization");
    if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return auth.substring(7).trim();
    }
    String header = ctx.header("X-API-Key");
    if (header != null && !header.isBlank()) {
      return header.trim();
    }
    String query = ctx.queryParam("api_key");
    if (query != null && !query.isBlank()) {
      return query.trim();
    }
    String type = ctx.contentType();
    if (type != null && type.startsWith("application/x-www-form-urlencoded")) {
      String form = ctx.formParam("api_key");
      if (form != null && !form.isBlank()) {
        return form.trim();
      }
    }
    return null;
  }

  /** Sets the session cookie: HttpOnly, SameSite=Lax, Secure when served over TLS. */
  public void setSessionCookie(Context ctx, String token, long maxAgeSeconds) {
    int maxAge = (int) Math.min(Integer.MAX_VALUE, maxAgeSeconds);
    Cookie cookie =
        new Cookie(SESSION_COOKIE, token, "/", maxAge, isSecure(ctx), true, null, SameSite.LAX);
    ctx.cookie(cookie);
  }

  public void clearSessionCookie(Context ctx) {
    ctx.removeCookie(SESSION_COOKIE, "/");
  }
}
