package org.gridmap.account;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridmap.access.Principal;
import org.gridmap.access.Role;
import org.gridmap.error.DomainException;
import org.gridmap.http.Guard;
import org.gridmap.http.JsonBody;
import org.gridmap.http.Params;

/** Login, logout, the caller's own account and API keys, and account management. */
public final class AccountRoutes {
  private final Accounts accounts;
  private final Guard guard;
  private final ObjectMapper mapper;
  private final long sessionMaxSeconds;

  public AccountRoutes(
      Accounts accounts, Guard guard, ObjectMapper mapper, long sessionMaxSeconds) {
    this.accounts = accounts;
    this.guard = guard;
    this.mapper = mapper;
    this.sessionMaxSeconds = sessionMaxSeconds;
  }

  /** {@code POST /api/login} {"username","password"} → session cookie and the CSRF token. */
  public void login(Context ctx) {
    JsonNode body = JsonBody.object(ctx, mapper);
    String username = JsonBody.text(body, "username");
    String password = JsonBody.text(body, "password");
    if (password == null) {
      throw DomainException.invalid("invalid_credentials", "username and password are required");
    }
    LoginResult result = accounts.login(username, password.toCharArray());
    guard.setSessionCookie(ctx, result.sessionToken(), sessionMaxSeconds);
    ctx.json(me(result.principal()));
  }

  /** {@code POST /api/logout}: ends the session. */
  public void logout(Context ctx) {
    accounts.logout(ctx.cookie(Guard.SESSION_COOKIE));
    guard.clearSessionCookie(ctx);
    ctx.status(204);
  }

  /** {@code GET /api/me}: who the caller is, their scope and (for sessions) the CSRF token. */
  public void me(Context ctx) {
    ctx.json(me(Guard.principal(ctx)));
  }

  /** {@code POST /api/me/password} {"current","new"}. */
  public void changePassword(Context ctx) {
    JsonNode body = JsonBody.object(ctx, mapper);
    String current = JsonBody.text(body, "current");
    String next = JsonBody.text(body, "new");
    if (current == null || next == null) {
      throw DomainException.invalid("invalid_field", "'current' and 'new' are required");
    }
    accounts.changeOwnPassword(
        Guard.principal(ctx), current.toCharArray(), next, guard.clientIp(ctx));
    ctx.status(204);
  }

  /** {@code GET /api/me/api-keys}. */
  public void apiKeys(Context ctx) {
    ctx.json(
        accounts.apiKeys(Guard.principal(ctx)).stream()
            .map(
                k -> {
                  Map<String, Object> m = new LinkedHashMap<>();
                  m.put("id", k.id());
                  m.put("name", k.name());
                  m.put("prefix", "gm_" + k.prefix());
                  m.put("createdAt", k.createdAt());
                  m.put("lastUsedAt", k.lastUsedAt());
                  m.put("revokedAt", k.revokedAt());
                  return m;
                })
            .toList());
  }

  /** {@code POST /api/me/api-keys} {"name"} → the key, shown this once. */
  public void createApiKey(Context ctx) {
    var created =
        accounts.createApiKey(
            Guard.principal(ctx),
            JsonBody.text(JsonBody.object(ctx, mapper), "name"),
            guard.clientIp(ctx));
    ctx.status(201).json(Map.of("id", created.id(), "name", created.name(), "key", created.key()));
  }

  /** {@code DELETE /api/me/api-keys/{keyId}}. */
  public void revokeApiKey(Context ctx) {
    accounts.revokeApiKey(Guard.principal(ctx), longParam(ctx, "keyId"), guard.clientIp(ctx));
    ctx.status(204);
  }

  /** {@code GET /api/accounts?role=&q=&page=&size=}: accounts the caller manages. */
  public void list(Context ctx) {
    Role role = ctx.queryParam("role") == null ? null : role(ctx.queryParam("role"), "role");
    int page = Params.intParam(ctx, "page", 1, 1, 1_000_000);
    int size = Params.intParam(ctx, "size", 50, 1, 500);
    var result = accounts.list(Guard.principal(ctx), role, ctx.queryParam("q"), page, size);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("total", result.total());
    body.put("page", result.page());
    body.put("size", result.size());
    body.put("items", result.items().stream().map(AccountRoutes::view).toList());
    ctx.json(body);
  }

  /** {@code GET /api/accounts/{id}}. */
  public void get(Context ctx) {
    ctx.json(view(accounts.get(Guard.principal(ctx), longParam(ctx, "id"))));
  }

  /** {@code POST /api/accounts} {"username","displayName","role","areas":[..],"password"?}. */
  public void create(Context ctx) {
    JsonNode body = JsonBody.object(ctx, mapper);
    NewAccount n =
        new NewAccount(
            JsonBody.text(body, "username"),
            JsonBody.text(body, "displayName"),
            body.hasNonNull("role") ? role(JsonBody.text(body, "role"), "role") : null,
            codes(body),
            JsonBody.text(body, "password"));
    var created = accounts.create(Guard.principal(ctx), n, guard.clientIp(ctx));
    Map<String, Object> out = view(created.account());
    if (created.generatedPassword() != null) {
      out.put("generatedPassword", created.generatedPassword());
    }
    ctx.status(201).json(out);
  }

  /** {@code PATCH /api/accounts/{id}} {"displayName"?,"role"?,"areas"?,"disabled"?,"password"?}. */
  public void update(Context ctx) {
    JsonNode body = JsonBody.object(ctx, mapper);
    AccountChange change =
        new AccountChange(
            JsonBody.text(body, "displayName"),
            body.hasNonNull("role") ? role(JsonBody.text(body, "role"), "role") : null,
            body.has("areas") ? codes(body) : null,
            body.hasNonNull("disabled") ? body.get("disabled").asBoolean() : null,
            JsonBody.text(body, "password"));
    ctx.json(
        view(
            accounts.update(
                Guard.principal(ctx), longParam(ctx, "id"), change, guard.clientIp(ctx))));
  }

  // --- parsing and views ---

  private static List<String> codes(JsonNode body) {
    JsonNode v = body.get("areas");
    if (v == null || v.isNull()) {
      return List.of();
    }
    if (!v.isArray()) {
      throw DomainException.invalid("invalid_field", "'areas' must be an array of area codes");
    }
    List<String> codes = new ArrayList<>();
    for (JsonNode c : v) {
      if (!c.isTextual()) {
        throw DomainException.invalid("invalid_field", "'areas' must be an array of area codes");
      }
      codes.add(c.asText());
    }
    return codes;
  }

  private static Role role(String code, String field) {
    return Role.ofCode(code)
        .orElseThrow(
            () ->
                DomainException.invalid(
                    "invalid_field",
                    "'"
                        + field
                        + "' must be one of admin, town_leader, community_leader, grid_staff"));
  }

  private static long longParam(Context ctx, String name) {
    try {
      return Long.parseLong(ctx.pathParam(name));
    } catch (NumberFormatException e) {
      throw DomainException.invalid("invalid_parameter", "'" + name + "' must be a number");
    }
  }

  static Map<String, Object> view(Account a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", a.id());
    m.put("username", a.username());
    m.put("displayName", a.displayName());
    m.put("role", a.role().code());
    m.put("areas", a.areaCodes());
    m.put("disabled", a.disabled());
    m.put("createdAt", a.createdAt());
    m.put("updatedAt", a.updatedAt());
    return m;
  }

  private static Map<String, Object> me(Principal p) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (p.isPublic()) {
      m.put("role", "public");
      return m;
    }
    m.put("id", p.accountId());
    m.put("username", p.username());
    m.put("displayName", p.displayName());
    m.put("role", p.role().code());
    m.put("areas", p.areaCodes());
    m.put("via", p.via().name().toLowerCase(java.util.Locale.ROOT));
    if (p.csrfToken() != null) {
      m.put("csrfToken", p.csrfToken());
    }
    return m;
  }
}
