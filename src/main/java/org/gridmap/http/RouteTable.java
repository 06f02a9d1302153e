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
import static org.gridmap.http.Route.put;

import io.javalin.http.Context;
import java.util.List;
import org.gridmap.account.AccountRoutes;
import org.gridmap.analytics.AnalyticsRoutes;
import org.gridmap.area.AreaImportRoutes;
import org.gridmap.area.AreaRoutes;
import org.gridmap.audit.AuditRoutes;
import org.gridmap.event.EventRoutes;
import org.gridmap.http.Access.Scoped;
import org.gridmap.http.RateLimiter.Bucket;
import org.gridmap.locate.LocateRoutes;
import org.gridmap.ogc.FeatureRoutes;
import org.gridmap.ogc.OgcRoutes;
import org.gridmap.open311.Open311Routes;
import org.gridmap.place.PlaceRoutes;
import org.gridmap.register.BuildingRoutes;
import org.gridmap.register.StatsRoutes;
import org.gridmap.staff.Portrait;
import org.gridmap.staff.StaffRoutes;
import org.gridmap.survey.SurveyRoutes;
import org.gridmap.tiles.TileRoutes;

/**
 * The whole HTTP API on one screen: every route with who may call it. A route cannot be added
 * without an {@link Access} rule, and the route-matrix test walks this list.
 */
public final class RouteTable {
  /** Largest body of a survey change: five attachments of 2 MiB, base64-encoded, and the JSON. */
  private static final long SURVEY_CHANGE_BYTES = 15L << 20;

  private final List<Route> routes;
  private final SystemRoutes system;

  /** The routes of each concept, as the composition root builds them. */
  public record Handlers(
      SystemRoutes system,
      WebPages pages,
      AreaRoutes areas,
      LocateRoutes locate,
      AccountRoutes accounts,
      AuditRoutes audit,
      AnalyticsRoutes analytics,
      OgcRoutes ogc,
      FeatureRoutes features,
      TileRoutes tiles,
      StaffRoutes staff,
      BuildingRoutes buildings,
      StatsRoutes stats,
      PlaceRoutes places,
      SurveyRoutes survey,
      EventRoutes events,
      Open311Routes open311,
      AreaImportRoutes imports) {}

  public RouteTable(Handlers h, long importMaxBytes, long maxPhotoBytes, long maxImportBytes) {
    Access managers = roles(ADMIN, TOWN_LEADER, COMMUNITY_LEADER);
    Access townManagers = roles(ADMIN, TOWN_LEADER);
    Access staffScope = staff().scopedBy(Scoped.STAFF_ID);
    Access buildingScope = staff().scopedBy(Scoped.BUILDING_ID);
    Access placeScope = staff().scopedBy(Scoped.PLACE_ID);
    Access campaignScope = staff().scopedBy(Scoped.CAMPAIGN_ID);
    this.system = h.system();
    WebPages pages = h.pages();
    AreaRoutes areas = h.areas();
    LocateRoutes locate = h.locate();
    AnalyticsRoutes analytics = h.analytics();
    OgcRoutes ogc = h.ogc();
    FeatureRoutes features = h.features();
    TileRoutes tiles = h.tiles();
    AccountRoutes accounts = h.accounts();
    StaffRoutes staff = h.staff();
    BuildingRoutes buildings = h.buildings();
    PlaceRoutes places = h.places();
    SurveyRoutes survey = h.survey();
    EventRoutes events = h.events();
    Open311Routes open311 = h.open311();
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
            // boundary quality and import: coverage for staff in scope, import for admins and
            // town leaders (the import checks the town leader's scope against the parents)
            get("/api/areas/{code}/coverage", staff().scopedBy(Scoped.AREA_CODE), areas::coverage),
            post("/api/areas/import", roles(ADMIN, TOWN_LEADER), h.imports()::importAreas)
                .maxBody(maxImportBytes),
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
            get("/api/audit", roles(ADMIN), h.audit()::list),
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
            get("/open311/v2/requests/{requestId}.json", PUBLIC, open311::get),
            // hazard density and Gi* hot spots for the leader view, in the caller's scope
            get("/api/analytics/heat", staff(), analytics::heat),
            get("/api/analytics/hotspots", staff(), analytics::hotspots),
            // staff directory: each person's public fields for anyone; the directory for staff in
            // scope; people are managed by admins and by leaders whose scope covers all their areas
            get("/api/areas/{code}/staff", PUBLIC, staff::publicContacts),
            get("/api/staff/{staffId}/photo", PUBLIC, staff::photo),
            get("/api/staff", staff(), staff::list),
            post("/api/staff", managers, staff::create).maxBody(16_384),
            get("/api/staff/{staffId}", staffScope, staff::get),
            patch("/api/staff/{staffId}", managers.scopedBy(Scoped.STAFF_ID), staff::update)
                .maxBody(16_384),
            delete("/api/staff/{staffId}", managers.scopedBy(Scoped.STAFF_ID), staff::delete),
            put("/api/staff/{staffId}/photo", managers.scopedBy(Scoped.STAFF_ID), staff::putPhoto)
                .maxBody(Portrait.MAX_BYTES),
            // buildings and households: internal, scoped in the query and by id
            get("/api/buildings", staff(), buildings::list),
            post("/api/buildings", staff(), buildings::create).maxBody(262_144),
            post("/api/buildings/import", managers, buildings::importFile).maxBody(importMaxBytes),
            post("/api/buildings/reassign", townManagers, buildings::reassign),
            get("/api/buildings/{buildingId}", buildingScope, buildings::get),
            patch("/api/buildings/{buildingId}", buildingScope, buildings::update).maxBody(262_144),
            delete(
                "/api/buildings/{buildingId}",
                managers.scopedBy(Scoped.BUILDING_ID),
                buildings::delete),
            // statistics rolled up from the registers: exact for staff, small counts hidden for all
            get("/api/stats/registers", staff(), h.stats()::exact),
            get("/api/public/stats/registers", PUBLIC, h.stats()::forPublic),
            // key places: public fields for anyone; inspections for staff in scope
            get("/api/place-categories", PUBLIC, places::categories),
            get("/api/places", PUBLIC, places::list),
            get("/api/places/{placeId}", PUBLIC, places::get),
            post("/api/places", staff(), places::create).maxBody(16_384),
            post("/api/places/reassign", townManagers, places::reassign),
            patch("/api/places/{placeId}", placeScope, places::update).maxBody(16_384),
            delete("/api/places/{placeId}", managers.scopedBy(Scoped.PLACE_ID), places::delete),
            get("/api/places/{placeId}/inspections", placeScope, places::inspections),
            post("/api/places/{placeId}/inspections", placeScope, places::inspect).maxBody(16_384),
            // the illegal-construction survey: campaigns overlapping the caller's scope, records
            // of buildings in it
            get("/api/survey", staff(), survey::campaigns),
            post("/api/survey", townManagers, survey::create).maxBody(4096),
            get("/api/survey/{campaign}", campaignScope, survey::campaign),
            get("/api/survey/{campaign}/progress", campaignScope, survey::progress),
            get("/api/survey/{campaign}/records", campaignScope, survey::records),
            get("/api/survey/{campaign}/buildings/{buildingId}", campaignScope, survey::record),
            post(
                    "/api/survey/{campaign}/buildings/{buildingId}/changes",
                    campaignScope,
                    survey::change)
                .maxBody(SURVEY_CHANGE_BYTES),
            get(
                "/api/survey/{campaign}/attachments/{attachmentId}",
                campaignScope,
                survey::attachment));
  }

  /** {@code GET /api/config} names the routes of this table that the web pages may use. */
  private void webConfig(Context ctx) {
    system.webConfig(ctx, routes);
  }

  public List<Route> routes() {
    return routes;
  }
}
