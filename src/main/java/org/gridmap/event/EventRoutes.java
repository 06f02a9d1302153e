package org.gridmap.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gridmap.access.Principal;
import org.gridmap.access.PublicCounts;
import org.gridmap.account.AuthFailure;
import org.gridmap.area.Area;
import org.gridmap.area.AreaNotFound;
import org.gridmap.area.AreaRepository;
import org.gridmap.area.GridAssignment;
import org.gridmap.error.DomainException;
import org.gridmap.http.Guard;
import org.gridmap.http.JsonBody;
import org.gridmap.http.Params;

/**
 * HTTP handlers of events: parse, call {@link Events}, write. Times in answers are ISO-8601 with
 * the offset of the display zone (setting {@code GRIDMAP_TIME_ZONE}, default Asia/Shanghai), e.g.
 * {@code 2026-11-29T14:05:00+08:00}; input times without an offset are read in that zone.
 */
public final class EventRoutes {
  /** Most rows one CSV export writes. */
  static final int CSV_MAX_ROWS = 100_000;

  private static final Set<String> CREATE_FIELDS =
      Set.of("type", "location", "occurredAt", "severity", "description", "reporter");

  private final Events events;
  private final AreaRepository areas;
  private final Guard guard;
  private final ObjectMapper mapper;
  private final EventViews views;
  private final ZoneId zone;
  private final PublicCounts publicCounts;

  public EventRoutes(
      Events events,
      AreaRepository areas,
      Guard guard,
      ObjectMapper mapper,
      ZoneId zone,
      PublicCounts publicCounts) {
    this.events = events;
    this.areas = areas;
    this.guard = guard;
    this.mapper = mapper;
    this.zone = zone;
    this.views = new EventViews(events, areas, zone);
    this.publicCounts = publicCounts;
  }

  /** {@code GET /api/event-types}: every type with its deadline and required fields. */
  public void types(Context ctx) {
    ctx.json(events.types().stream().map(EventViews::type).toList());
  }

  /**
   * {@code POST /api/events} {type, location: {lon, lat, crs?}, occurredAt, severity?, description:
   * {what, where, who, since}, reporter?: {name, phone, email}} → 201 with the stored event (grid
   * and path assigned) and {@code possibleDuplicates}.
   */
  public void create(Context ctx) {
    JsonNode body = JsonBody.object(ctx, mapper);
    List<String> unknown = new ArrayList<>();
    body.fieldNames()
        .forEachRemaining(
            f -> {
              if (!CREATE_FIELDS.contains(f)) {
                unknown.add(f);
              }
            });
    if (!unknown.isEmpty()) {
      throw DomainException.invalid(
          "unknown_field", "Unknown field(s) " + unknown + "; expected " + CREATE_FIELDS);
    }
    Principal by = Guard.principal(ctx);
    JsonNode location = object(body, "location");
    JsonNode description = object(body, "description");
    JsonNode reporter = object(body, "reporter");
    String severity = JsonBody.text(body, "severity");
    NewEvent n =
        new NewEvent(
            JsonBody.text(body, "type"),
            number(location, "lon", "x"),
            number(location, "lat", "y"),
            JsonBody.text(location, "crs"),
            Params.instant("occurredAt", JsonBody.text(body, "occurredAt"), zone),
            severity == null
                ? null
                : Severity.ofCode(severity)
                    .orElseThrow(
                        () ->
                            DomainException.invalid(
                                "invalid_field", "'severity' must be normal or major")),
            new Description(
                JsonBody.text(description, "what"),
                JsonBody.text(description, "where"),
                JsonBody.text(description, "who"),
                JsonBody.text(description, "since")),
            "staff",
            new Reporter(
                by.accountId() == 0 ? null : by.accountId(),
                JsonBody.text(reporter, "name"),
                JsonBody.text(reporter, "phone"),
                JsonBody.text(reporter, "email")),
            null);
    EventRepository.Created created = events.report(by, n, guard.clientIp(ctx));
    Event e = created.event();
    Transition first =
        new Transition(
            e.reportedAt(),
            by.isPublic() ? null : by.accountId(),
            by.auditName(),
            null,
            EventStatus.REPORTED,
            null);
    Map<String, Object> out = views.detail(new Events.Detail(e, List.of(first), List.of()), false);
    out.put(
        "possibleDuplicates", created.possibleDuplicates().stream().map(views::summary).toList());
    ctx.header("Location", "/api/events/" + e.id());
    ctx.status(201).json(out);
  }

  /**
   * {@code GET /api/events?bbox=&area=&type=&status=&from=&to=&overdue=&page=&size=}: events in the
   * caller's scope, newest first; CSV with {@code Accept: text/csv} or {@code format=csv}.
   */
  public void list(Context ctx) {
    boolean csv = "csv".equals(ctx.queryParam("format")) || acceptsCsvOnly(ctx);
    int page = Params.intParam(ctx, "page", 1, 1, 1_000_000);
    int size = Params.intParam(ctx, "size", 100, 1, 1000);
    EventQuery q = query(ctx, page, size);
    if (csv) {
      ctx.contentType("text/csv; charset=utf-8");
      ctx.header("Content-Disposition", "attachment; filename=\"events.csv\"");
      try (EventCsv out = new EventCsv(ctx.outputStream(), events, zone)) {
        events.forEach(q, CSV_MAX_ROWS, out::write);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return;
    }
    EventRepository.Page result = events.list(q);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("total", result.total());
    body.put("page", result.page());
    body.put("size", result.size());
    body.put("items", result.items().stream().map(views::summary).toList());
    ctx.json(body);
  }

  private static boolean acceptsCsvOnly(Context ctx) {
    String accept = ctx.header("Accept");
    return accept != null && accept.contains("text/csv") && !accept.contains("application/json");
  }

  private EventQuery query(Context ctx, int page, int size) {
    Principal by = Guard.principal(ctx);
    String areaPath = null;
    String area = ctx.queryParam("area");
    if (area != null) {
      areaPath = pathOf(areas.find(area).orElseThrow(() -> new AreaNotFound(area)));
    }
    String type = ctx.queryParam("type");
    if (type != null && events.type(type).isEmpty()) {
      throw DomainException.invalid("invalid_parameter", "Unknown event type '" + type + "'");
    }
    String status = ctx.queryParam("status");
    EventStatus st =
        status == null
            ? null
            : EventStatus.ofCode(status)
                .orElseThrow(
                    () ->
                        DomainException.invalid(
                            "invalid_parameter", "Unknown status '" + status + "'"));
    String overdue = ctx.queryParam("overdue");
    if (overdue != null && !overdue.equals("true") && !overdue.equals("false")) {
      throw DomainException.invalid("invalid_parameter", "'overdue' must be true or false");
    }
    return new EventQuery(
        by.scope(),
        null,
        bbox(ctx.queryParam("bbox")),
        areaPath,
        type == null ? null : List.of(type),
        st == null ? null : Set.of(st),
        Params.instantParam(ctx, "from", zone),
        Params.instantParam(ctx, "to", zone),
        "true".equals(overdue),
        events.now(),
        page,
        size);
  }

  static EventQuery.BoundingBox bbox(String raw) {
    if (raw == null) {
      return null;
    }
    String[] parts = raw.split(",");
    try {
      if (parts.length == 4) {
        double w = Double.parseDouble(parts[0]);
        double s = Double.parseDouble(parts[1]);
        double e = Double.parseDouble(parts[2]);
        double n = Double.parseDouble(parts[3]);
        if (w >= -180 && e <= 180 && s >= -90 && n <= 90 && w <= e && s <= n) {
          return new EventQuery.BoundingBox(w, s, e, n);
        }
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw DomainException.invalid(
        "invalid_parameter",
        "'bbox' must be west,south,east,north in degrees (EPSG:4326), got '" + raw + "'");
  }

  /** {@code GET /api/events/{id}}: the event, its transitions, photos and reporter contacts. */
  public void get(Context ctx) {
    ctx.json(views.detail(events.get(Guard.principal(ctx), id(ctx)), true));
  }

  /** {@code POST /api/events/{id}/transitions} {to, note?, duplicateOf?}. */
  public void transition(Context ctx) {
    JsonNode body = JsonBody.object(ctx, mapper);
    String to = JsonBody.text(body, "to");
    if (to == null) {
      throw new InvalidEvent("missing_fields", "Missing: to (the target state)", List.of("to"));
    }
    EventStatus target =
        EventStatus.ofCode(to)
            .orElseThrow(
                () ->
                    new InvalidEvent(
                        "unknown_state",
                        "Unknown state '"
                            + to
                            + "'; states: reported, accepted, in_progress, resolved, closed,"
                            + " escalated, rejected, duplicate",
                        List.of()));
    JsonNode dup = body.get("duplicateOf");
    if (dup != null && !dup.isNull() && !dup.canConvertToLong()) {
      throw DomainException.invalid("invalid_field", "'duplicateOf' must be an event id");
    }
    Principal by = Guard.principal(ctx);
    long id = id(ctx);
    events.transition(
        by,
        id,
        target,
        JsonBody.text(body, "note"),
        dup == null || dup.isNull() ? null : dup.asLong(),
        guard.clientIp(ctx));
    ctx.json(views.detail(events.get(by, id), true));
  }

  /**
   * {@code POST /api/events/{id}/place} {"grid": CODE}: admins place an unassigned event in a
   * current grid (its path and boundary version are stored as at report time).
   */
  public void place(Context ctx) {
    String code = JsonBody.text(JsonBody.object(ctx, mapper), "grid");
    if (code == null) {
      throw new InvalidEvent("missing_fields", "Missing: grid (a grid code)", List.of("grid"));
    }
    Area grid = areas.find(code).orElseThrow(() -> new AreaNotFound(code));
    if (!grid.level().equals("grid")) {
      throw new InvalidEvent(
          "not_a_grid", "'" + code + "' is a " + grid.level() + ", not a grid", List.of());
    }
    Principal by = Guard.principal(ctx);
    long id = id(ctx);
    events.place(
        by,
        id,
        new GridAssignment(grid.pathCodes(), grid.code(), grid.name(), grid.version(), false),
        guard.clientIp(ctx));
    ctx.json(views.detail(events.get(by, id), true));
  }

  /**
   * {@code POST /api/events/{id}/photos}: the raw image as the body (JPEG, PNG or WebP, checked by
   * its first bytes) → 201 with the photo's hash and URL; over {@code GRIDMAP_MAX_PHOTO_BYTES} 413.
   */
  public void addPhoto(Context ctx) {
    // a declared length over the limit is refused by the route's body limit before this runs
    byte[] bytes = ctx.bodyAsBytes();
    long id = id(ctx);
    Photo p = events.addPhoto(Guard.principal(ctx), id, bytes, guard.clientIp(ctx));
    ctx.status(201).json(EventViews.photo(id, p, zone));
  }

  /** {@code GET /api/events/{id}/photos/{hash}}: the photo file. */
  public void photo(Context ctx) {
    Events.PhotoFile f = events.photo(Guard.principal(ctx), id(ctx), ctx.pathParam("hash"));
    ctx.contentType(f.contentType());
    ctx.res().setCharacterEncoding(null); // an image has no charset
    ctx.header("Cache-Control", "private, max-age=86400, immutable");
    try (InputStream in = Files.newInputStream(f.file())) {
      in.transferTo(ctx.outputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@code GET /api/stats/events?area=&from=&to=}: exact counts, resolution and on-time rates for
   * the area and each child area, for events reported in [from, to) (default: the last 365 days).
   */
  public void stats(Context ctx) {
    Principal by = Guard.principal(ctx);
    Area area = area(ctx);
    if (!by.scope().covers(pathOf(area))) {
      throw AuthFailure.forbidden("'" + area.code() + "' is outside your area scope");
    }
    Period period = period(ctx);
    List<AreaCounts> rows =
        events.counts(
            by.scope(), pathOf(area), area.pathCodes().size() - 1, period.from, period.to);
    ctx.json(views.stats(area, period.from, period.to, rows, null));
  }

  /**
   * {@code GET /api/public/stats/events?area=&from=&to=}: the same per child area for the public,
   * counts below {@code GRIDMAP_SMALL_COUNT} suppressed, rates only where the total is not small.
   */
  public void publicStats(Context ctx) {
    Area area = area(ctx);
    Period period = period(ctx);
    List<AreaCounts> rows =
        events.counts(
            org.gridmap.access.Scope.ALL,
            pathOf(area),
            area.pathCodes().size() - 1,
            period.from,
            period.to);
    ctx.json(views.stats(area, period.from, period.to, rows, publicCounts));
  }

  private Area area(Context ctx) {
    String code = ctx.queryParam("area");
    if (code == null || code.isBlank()) {
      throw DomainException.invalid("invalid_parameter", "'area' (an area code) is required");
    }
    return areas.find(code).orElseThrow(() -> new AreaNotFound(code));
  }

  private record Period(Instant from, Instant to) {}

  private Period period(Context ctx) {
    Instant to = Params.instantParam(ctx, "to", zone);
    Instant from = Params.instantParam(ctx, "from", zone);
    if (to == null) {
      to = events.now();
    }
    if (from == null) {
      from = to.minus(Duration.ofDays(365));
    }
    return new Period(from, to);
  }

  // --- parsing ---

  static String pathOf(Area a) {
    return "/" + String.join("/", a.pathCodes()) + "/";
  }

  private static long id(Context ctx) {
    String raw = ctx.pathParam("id");
    if (!raw.matches("\\d{1,18}")) {
      throw DomainException.invalid("invalid_parameter", "'id' must be an event number");
    }
    return Long.parseLong(raw);
  }

  private static JsonNode object(JsonNode body, String field) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) {
      return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
    if (!v.isObject()) {
      throw DomainException.invalid("invalid_field", "'" + field + "' must be an object");
    }
    return v;
  }

  private static Double number(JsonNode body, String field, String alias) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) {
      v = body.get(alias);
    }
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isNumber()) {
      throw DomainException.invalid(
          "invalid_location", "'location." + field + "' must be a number");
    }
    return v.asDouble();
  }
}
