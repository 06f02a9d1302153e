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
import org.gridmap.area.AreaRoutes;
import org.gridmap.audit.AuditRoutes;
import org.gridmap.event.EventRoutes;
import org.gridmap.http.Access.Scoped;
import org.gridmap.http.RateLimiter.Bucket;
import org.gridmap.open311.Open311Routes;

/**
 * The whole HTTP API on one screen: every route with who may call it. A route cannot be added
 * without an {@link Access} rule, and the route-matrix test walks this list.
 */
public final class RouteTable {
  private final List<Route> routes;

  public RouteTable(
      SystemRoutes system,
      AreaRoutes areas,
      AccountRoutes accounts,
      AuditRoutes audit,
      EventRoutes events,
      Open311Routes open311,
      long maxPhotoBytes) {
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
            // events: staff only, scoped inside the query or by the event's stored area path
            get("/api/event-types", staff(), events::types),
            get("/api/events", staff(), events::list),
            post("/api/events", staff(), events::create).maxBody(65_536),
            get("/api/events/{id}", staff().scopedBy(Scoped.EVENT_ID), events::get),
            post(
                    "/api/events/{id}/transitions",
                    staff().scopedBy(Scoped.EVENT_ID),
                    events::transition)
                .maxBody(16_384),
            // unassigned events (outside every grid) are placed by admins
            post("/api/events/{id}/place", roles(ADMIN), events::place).maxBody(4096),
            post("/api/events/{id}/photos", staff().scopedBy(Scoped.EVENT_ID), events::addPhoto)
                .maxBody(maxPhotoBytes),
            get("/api/events/{id}/photos/{hash}", staff().scopedBy(Scoped.EVENT_ID), events::photo),
            get("/api/stats/events", staff(), events::stats),
            // the public sees events only as aggregates with small counts suppressed ...
            get("/api/public/stats/events", PUBLIC, events::publicStats),
            // ... and through Open311 GeoReport v2: public types, no personal fields
            get("/open311/v2/discovery.json", PUBLIC, open311::discovery),
            get("/open311/v2/services.json", PUBLIC, open311::services),
            get("/open311/v2/services/{serviceCode}.json", PUBLIC, open311::service),
            get("/open311/v2/requests.json", PUBLIC, open311::list),
            post("/open311/v2/requests.json", PUBLIC, open311::create)
                .limited(Bucket.REPORT)
                .maxBody(16_384),
            get("/open311/v2/requests/{requestId}.json", PUBLIC, open311::get));
  }

  public List<Route> routes() {
    return routes;
  }
}
