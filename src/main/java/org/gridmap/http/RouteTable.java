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

import io.javalin.http.Context;
import java.util.List;
import org.gridmap.account.AccountRoutes;
import org.gridmap.analytics.AnalyticsRoutes;
import org.gridmap.area.AreaRoutes;
import org.gridmap.audit.AuditRoutes;
import org.gridmap.http.Access.Scoped;
import org.gridmap.http.RateLimiter.Bucket;
import org.gridmap.locate.LocateRoutes;
import org.gridmap.ogc.FeatureRoutes;
import org.gridmap.ogc.OgcRoutes;
import org.gridmap.tiles.TileRoutes;

/**
 * The whole HTTP API on one screen: every route with who may call it. A route cannot be added
 * without an {@link Access} rule, and the route-matrix test walks this list.
 */
public final class RouteTable {
  private final List<Route> routes;
  private final SystemRoutes system;

  public RouteTable(
      SystemRoutes system,
      WebPages pages,
      AreaRoutes areas,
      LocateRoutes locate,
      AccountRoutes accounts,
      AuditRoutes audit,
      AnalyticsRoutes analytics,
      OgcRoutes ogc,
      FeatureRoutes features,
      TileRoutes tiles) {
    this.system = system;
    Access managers = roles(ADMIN, TOWN_LEADER, COMMUNITY_LEADER);
    this.routes =
        List.of(
            get("/health", PUBLIC, system::health),
            get("/api/config", PUBLIC, this::webConfig),
            get("/api/ping", PUBLIC, system::ping),
            // the leader and staff views (the public map is /); their login happens in the page
            get("/leader", PUBLIC, pages::leader),
            get("/staff", PUBLIC, pages::staff),
            // the area hierarchy and boundaries are public (the public grid map)
            get("/api/areas", PUBLIC, areas::list),
            get("/api/areas.geojson", PUBLIC, areas::featureCollection),
            get("/api/areas/{code}", PUBLIC, areas::get),
            get("/api/areas/{code}/children", PUBLIC, areas::children),
            // which grid is this point in: public (anonymous callers are rate-limited per IP);
            // whole files need a staff account
            get("/api/locate", PUBLIC, locate::locate),
            post("/api/locate/bulk", staff(), locate::bulk).maxBody(locate.maxBulkBytes()),
            // standard layers: OGC API - Features, bulk GeoJSON, vector tiles. Public routes: a
            // public caller sees public layers only, staff also internal ones within their scope
            get("/ogc", PUBLIC, ogc::landing),
            get("/ogc/conformance", PUBLIC, ogc::conformance),
            get("/ogc/api", PUBLIC, ogc::api),
            get("/ogc/collections", PUBLIC, ogc::collections),
            get("/ogc/collections/{collection}", PUBLIC, ogc::collection),
            get("/ogc/collections/{collection}/items", PUBLIC, features::items),
            get("/ogc/collections/{collection}/items/{fid}", PUBLIC, features::item),
            get("/api/layers/{collection}.geojson", PUBLIC, features::export),
            get("/tiles/{collection}.json", PUBLIC, tiles::tileJson),
            get("/tiles/{collection}/{z}/{x}/{y}.mvt", PUBLIC, tiles::tile),
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
            get("/api/audit", roles(ADMIN), audit::list),
            // hazard density and Gi* hot spots for the leader view, in the caller's scope
            get("/api/analytics/heat", staff(), analytics::heat),
            get("/api/analytics/hotspots", staff(), analytics::hotspots));
  }

  /** {@code GET /api/config} names the routes of this table that the web pages may use. */
  private void webConfig(Context ctx) {
    system.webConfig(ctx, routes);
  }

  public List<Route> routes() {
    return routes;
  }
}
