package org.gridmap.http;

import static org.gridmap.access.Role.ADMIN;
import static org.gridmap.access.Role.COMMUNITY_LEADER;
import static org.gridmap.access.Role.TOWN_LEADER;
import static org.gridmap.http.Access.PUBLIC;
import static org.gridmap.http.Access.roles;
import static org.gridmap.http.Access.staff;
import static org.gridmap.http.Route.delete;
import static org.gridmap.http.Route.get;
import static org.gridmap.http.Route.patch;
import static org.gridmap.http.Route.post;

import java.util.List;
import org.gridmap.account.AccountRoutes;
import org.gridmap.area.AreaImportRoutes;
import org.gridmap.area.AreaRoutes;
import org.gridmap.audit.AuditRoutes;
import org.gridmap.http.Access.Scoped;
import org.gridmap.http.RateLimiter.Bucket;

/**
 * The whole HTTP API on one screen: every route with who may call it. A route cannot be added
 * without an {@link Access} rule, and the route-matrix test walks this list.
 */
public final class RouteTable {
  private final List<Route> routes;

  public RouteTable(
      SystemRoutes system,
      AreaRoutes areas,
      AreaImportRoutes imports,
      long maxImportBytes,
      AccountRoutes accounts,
      AuditRoutes audit) {
    Access managers = roles(ADMIN, TOWN_LEADER, COMMUNITY_LEADER);
    this.routes =
        List.of(
            get("/health", PUBLIC, system::health),
            get("/api/config", PUBLIC, system::webConfig),
            // the area hierarchy and boundaries are public (the public grid map)
            get("/api/areas", PUBLIC, areas::list),
            get("/api/areas.geojson", PUBLIC, areas::featureCollection),
            get("/api/areas/{code}", PUBLIC, areas::get),
            get("/api/areas/{code}/children", PUBLIC, areas::children),
            // boundary quality and import: coverage for staff in scope, import for admins and
            // town leaders (the import checks the town leader's scope against the parents)
            get("/api/areas/{code}/coverage", staff().scopedBy(Scoped.AREA_CODE), areas::coverage),
            post("/api/areas/import", roles(ADMIN, TOWN_LEADER), imports::importAreas)
                .maxBody(maxImportBytes),
            // login and the caller's own account
            post("/api/login", PUBLIC, accounts::login).limited(Bucket.LOGIN).maxBody(4096),
            post("/api/logout", PUBLIC, accounts::logout),
            get("/api/me", PUBLIC, accounts::me),
            post("/api/me/password", staff(), accounts::changePassword).maxBody(4096),
            get("/api/me/api-keys", staff(), accounts::apiKeys),
            post("/api/me/api-keys", staff(), accounts::createApiKey).maxBody(4096),
            delete("/api/me/api-keys/{keyId}", staff(), accounts::revokeApiKey),
            // account management, scoped: leaders manage the accounts below them in their areas
            get("/api/accounts", managers, accounts::list),
            post("/api/accounts", managers, accounts::create).maxBody(16_384),
            get("/api/accounts/{id}", managers.scopedBy(Scoped.ACCOUNT_ID), accounts::get),
            patch("/api/accounts/{id}", managers.scopedBy(Scoped.ACCOUNT_ID), accounts::update)
                .maxBody(16_384),
            // the audit trail: read-only, admins only
            get("/api/audit", roles(ADMIN), audit::list));
  }

  public List<Route> routes() {
    return routes;
  }
}
