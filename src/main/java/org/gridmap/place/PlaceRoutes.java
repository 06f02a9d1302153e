package org.gridmap.place;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.gridmap.error.DomainException;
import org.gridmap.geo.Crs;
import org.gridmap.http.Bodies;
import org.gridmap.http.Guard;
import org.gridmap.http.Params;

/** HTTP handlers of key places and their inspections: parse, call {@link KeyPlaces}, write. */
public final class PlaceRoutes {

  /** A key place as written by a client; {@code lon}/{@code lat} in {@code crs} (EPSG:4326). */
  record Body(
      String ref,
      String category,
      String name,
      String address,
      Double lon,
      Double lat,
      String crs,
      Integer inspectionDays) {}

  /** An inspection as reported by a client. */
  record InspectionBody(
      Instant inspectedAt,
      String inspector,
      String result,
      String hazards,
      String note,
      Boolean reportHazard) {}

  private final KeyPlaces places;
  private final Guard guard;
  private final ObjectMapper mapper;

  public PlaceRoutes(KeyPlaces places, Guard guard, ObjectMapper mapper) {
    this.places = places;
    this.guard = guard;
    this.mapper = mapper;
  }

  /** {@code GET /api/place-categories}: the categories with their names. */
  public void categories(Context ctx) {
    ctx.json(places.categories());
  }

  /**
   * {@code GET /api/places?area=&category=&inspectionOverdue=}: public fields for everyone, with
   * the inspection state for staff in scope; {@code inspectionOverdue=true} needs a login.
   */
  public void list(Context ctx) {
    Map<String, PlaceCategory> categories = categoryIndex();
    Instant now = places.now();
    ctx.json(
        places
            .list(
                Guard.principal(ctx),
                ctx.queryParam("area"),
                ctx.queryParam("category"),
                Params.flag(ctx, "inspectionOverdue"))
            .stream()
            .map(s -> view(s, categories, now))
            .toList());
  }

  /** {@code GET /api/places/{placeId}}: as in the list, plus recent inspections for staff. */
  public void get(Context ctx) {
    KeyPlaces.Seen seen = places.get(Guard.principal(ctx), Params.id(ctx, "placeId"));
    Map<String, Object> body = view(seen, categoryIndex(), places.now());
    if (seen.internal()) {
      body.put(
          "recentInspections",
          places.inspections(Guard.principal(ctx), seen.place().id(), 10).stream()
              .map(PlaceRoutes::view)
              .toList());
    }
    ctx.json(body);
  }

  /** {@code POST /api/places}. */
  public void create(Context ctx) {
    KeyPlace p =
        places.create(
            Guard.principal(ctx),
            change(Bodies.read(mapper, ctx, Body.class)),
            guard.clientIp(ctx));
    ctx.status(201).json(view(new KeyPlaces.Seen(p, true), categoryIndex(), places.now()));
  }

  /** {@code PATCH /api/places/{placeId}}. */
  public void update(Context ctx) {
    KeyPlace p =
        places.update(
            Guard.principal(ctx),
            Params.id(ctx, "placeId"),
            change(Bodies.read(mapper, ctx, Body.class)),
            guard.clientIp(ctx));
    ctx.json(view(new KeyPlaces.Seen(p, true), categoryIndex(), places.now()));
  }

  /** {@code DELETE /api/places/{placeId}}. */
  public void delete(Context ctx) {
    places.delete(Guard.principal(ctx), Params.id(ctx, "placeId"), guard.clientIp(ctx));
    ctx.status(204);
  }

  /** {@code GET /api/places/{placeId}/inspections?limit=}: newest first. */
  public void inspections(Context ctx) {
    ctx.json(
        places
            .inspections(
                Guard.principal(ctx),
                Params.id(ctx, "placeId"),
                Params.intParam(ctx, "limit", 100, 1, 1000))
            .stream()
            .map(PlaceRoutes::view)
            .toList());
  }

  /**
   * {@code POST /api/places/{placeId}/inspections} {"inspectedAt"?, "inspector"?, "result",
   * "hazards"?, "note"?, "reportHazard"?}.
   */
  public void inspect(Context ctx) {
    InspectionBody b = Bodies.read(mapper, ctx, InspectionBody.class);
    InspectionResult result =
        b.result() == null ? null : InspectionResult.ofCode(b.result()).orElse(null);
    if (b.result() != null && result == null) {
      throw DomainException.invalid(
          "invalid_field", "'result' must be one of passed, hazards_found, not_accessible");
    }
    Inspection created =
        places.inspect(
            Guard.principal(ctx),
            Params.id(ctx, "placeId"),
            new NewInspection(
                b.inspectedAt(),
                b.inspector(),
                result,
                b.hazards(),
                b.note(),
                Boolean.TRUE.equals(b.reportHazard())),
            guard.clientIp(ctx));
    Map<String, Object> body = view(created);
    body.put("hazardEventRequested", Boolean.TRUE.equals(b.reportHazard()));
    ctx.status(201).json(body);
  }

  /** {@code POST /api/places/reassign?area=}: key places to the current grids again. */
  public void reassign(Context ctx) {
    var r =
        places.reassign(Guard.principal(ctx), Params.required(ctx, "area"), guard.clientIp(ctx));
    ctx.json(r);
  }

  private static PlaceChange change(Body b) {
    Double lon = b.lon();
    Double lat = b.lat();
    if (lon != null && lat != null) {
      double[] out = new double[2];
      Crs.parse(b.crs()).transformer().apply(lon, lat, out);
      lon = out[0];
      lat = out[1];
    }
    return new PlaceChange(
        b.ref(), b.category(), b.name(), b.address(), lon, lat, b.inspectionDays());
  }

  private Map<String, PlaceCategory> categoryIndex() {
    return places.categories().stream()
        .collect(Collectors.toMap(PlaceCategory::code, Function.identity()));
  }

  /** Public fields for all; interval, last inspection and overdue for staff in scope. */
  private static Map<String, Object> view(
      KeyPlaces.Seen seen, Map<String, PlaceCategory> categories, Instant now) {
    KeyPlace p = seen.place();
    PlaceCategory category = categories.get(p.category());
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", p.id());
    m.put("name", p.name());
    m.put("category", p.category());
    m.put("categoryName", category == null ? null : category.nameZh());
    m.put("categoryNameEn", category == null ? null : category.nameEn());
    m.put("lon", p.lon());
    m.put("lat", p.lat());
    Map<String, Object> grid = new LinkedHashMap<>();
    grid.put("code", p.gridCode());
    grid.put("name", p.gridName());
    m.put("grid", grid);
    if (seen.internal()) {
      m.put("ref", p.ref());
      m.put("address", p.address());
      m.put("inspectionDays", p.inspectionDays());
      m.put("lastInspectedAt", p.lastInspectedAt());
      m.put("nextInspectionDue", p.nextDue(now));
      m.put("inspectionOverdue", p.overdue(now));
      m.put("updatedAt", p.updatedAt());
    }
    return m;
  }

  private static Map<String, Object> view(Inspection i) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", i.id());
    m.put("place", i.placeId());
    m.put("inspectedAt", i.inspectedAt());
    m.put("inspector", i.inspector());
    m.put("result", i.result().code());
    m.put("hazards", i.hazards());
    m.put("note", i.note());
    m.put("hazardEventId", i.hazardEventId());
    m.put("recordedBy", i.recordedBy());
    m.put("createdAt", i.createdAt());
    return m;
  }
}
