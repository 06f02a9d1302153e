package org.gridmap.open311;

import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gridmap.access.Principal;
import org.gridmap.access.Scope;
import org.gridmap.error.DomainException;
import org.gridmap.event.Description;
import org.gridmap.event.Event;
import org.gridmap.event.EventQuery;
import org.gridmap.event.EventRepository;
import org.gridmap.event.EventStatus;
import org.gridmap.event.EventType;
import org.gridmap.event.Events;
import org.gridmap.event.NewEvent;
import org.gridmap.event.Reporter;
import org.gridmap.http.Guard;
import org.gridmap.http.Params;

/**
 * Open311 GeoReport v2 ({@code /open311/v2}, JSON only): the public event types are the services;
 * residents' reports are service requests, stored as events of source {@code open311} and assigned
 * to their grid like any other. Errors take the spec's form {@code [{"code","description"}]} (see
 * {@code ErrorMapper}). Answers never hold the reporter's name, phone or e-mail, nor staff notes:
 * {@code status_notes} is derived from the state alone.
 */
public final class Open311Routes {
  /**
   * GeoReport v2: a GET requests date range may span at most 90 days; the default is the last 90.
   */
  static final Duration MAX_RANGE = Duration.ofDays(90);

  /** Most requests one GET requests.json answers (newest first). */
  static final int MAX_REQUESTS = 1000;

  static final String CHANGESET = "2026-11-29T00:00:00Z";

  private final Events events;
  private final Open311Mapping mapping;
  private final Guard guard;
  private final ZoneId zone;

  public Open311Routes(Events events, Open311Mapping mapping, Guard guard, ZoneId zone) {
    this.events = events;
    this.mapping = mapping;
    this.guard = guard;
    this.zone = zone;
  }

  /** {@code GET /open311/v2/discovery.json}: the service discovery document. */
  public void discovery(Context ctx) {
    Map<String, Object> endpoint = new LinkedHashMap<>();
    endpoint.put("specification", "http://wiki.open311.org/GeoReport_v2");
    endpoint.put("url", ctx.scheme() + "://" + ctx.host() + "/open311/v2");
    endpoint.put("changeset", CHANGESET);
    endpoint.put("type", "production");
    endpoint.put("formats", List.of("application/json"));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("changeset", CHANGESET);
    body.put("contact", "镇网格化管理办公室 — the town's grid management office");
    body.put(
        "key_service",
        "api_key is optional: reports without one are accepted and rate-limited per address;"
            + " staff get keys from /api/me/api-keys");
    body.put("endpoints", List.of(endpoint));
    ctx.json(body);
  }

  /** {@code GET /open311/v2/services.json}: the public event types. */
  public void services(Context ctx) {
    ctx.json(events.publicTypes().stream().map(mapping::service).toList());
  }

  /** {@code GET /open311/v2/services/{serviceCode}.json}: a service definition. */
  public void service(Context ctx) {
    ctx.json(mapping.definition(publicType(ctx.pathParam("serviceCode"))));
  }

  private EventType publicType(String code) {
    return events.publicTypes().stream()
        .filter(t -> t.code().equals(code))
        .findFirst()
        .orElseThrow(
            () -> DomainException.notFound("unknown_service", "No service '" + code + "'"));
  }

  /**
   * {@code POST /open311/v2/requests.json}, form-encoded: service_code, lat, long, description,
   * address_string, media_url, attribute[...], first_name, last_name, phone, email (api_key,
   * device_id and account_id accepted and not needed) → 201 {@code [{"service_request_id",
   * "service_notice", "account_id": null}]}.
   */
  public void create(Context ctx) {
    String type = ctx.contentType();
    if (type == null || !type.startsWith("application/x-www-form-urlencoded")) {
      throw new DomainException(
          DomainException.Kind.UNSUPPORTED_MEDIA_TYPE,
          "form_expected",
          "Send the request form-encoded (application/x-www-form-urlencoded), as GeoReport v2"
              + " specifies");
    }
    String code = form(ctx, "service_code");
    if (code == null) {
      throw DomainException.invalid("service_code_missing", "service_code is required");
    }
    EventType service =
        events.publicTypes().stream()
            .filter(t -> t.code().equals(code))
            .findFirst()
            .orElseThrow(
                () ->
                    DomainException.invalid(
                        "unknown_service", "service_code '" + code + "' is not a service"));
    Double lat = coordinate(ctx, "lat");
    Double lon = coordinate(ctx, "long");
    if (lat == null || lon == null) {
      throw DomainException.invalid(
          "location_missing",
          "lat and long are required (WGS84); this server does not geocode address_string");
    }
    String mediaUrl = form(ctx, "media_url");
    if (mediaUrl != null && (!mediaUrl.matches("(?i)https?://\\S+") || mediaUrl.length() > 1000)) {
      throw DomainException.invalid("invalid_media_url", "media_url must be an http(s) URL");
    }
    Principal by = Guard.principal(ctx);
    String name = join(form(ctx, "first_name"), form(ctx, "last_name"));
    Instant now = events.now();
    EventRepository.Created created =
        events.report(
            by,
            new NewEvent(
                service.code(),
                lon,
                lat,
                "EPSG:4326",
                now,
                null,
                new Description(
                    form(ctx, "description"),
                    form(ctx, "address_string"),
                    form(ctx, "attribute[who]"),
                    form(ctx, "attribute[since]")),
                "open311",
                new Reporter(
                    by.isPublic() ? null : by.accountId(),
                    name,
                    form(ctx, "phone"),
                    form(ctx, "email")),
                mediaUrl),
            guard.clientIp(ctx));
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("service_request_id", String.valueOf(created.event().id()));
    answer.put("service_notice", Open311Mapping.notice(service));
    answer.put("account_id", null);
    ctx.status(201).json(List.of(answer));
  }

  /**
   * {@code GET /open311/v2/requests.json?service_request_id=&service_code=&start_date=&end_date=
   * &status=}: requests of the public services, newest first. With service_request_id the other
   * filters are ignored, as the spec says; otherwise the range is at most 90 days and defaults to
   * the last 90.
   */
  public void list(Context ctx) {
    List<Long> ids = idList(ctx.queryParam("service_request_id"));
    List<String> codes = events.publicTypes().stream().map(EventType::code).toList();
    Instant from = null;
    Instant to = null;
    Set<EventStatus> statuses = Set.of();
    if (ids.isEmpty()) {
      String wanted = ctx.queryParam("service_code");
      if (wanted != null && !wanted.isBlank()) {
        List<String> asked = Arrays.stream(wanted.split(",")).map(String::trim).toList();
        codes = codes.stream().filter(asked::contains).toList();
        if (codes.isEmpty()) {
          ctx.json(List.of());
          return;
        }
      }
      from = Params.instantParam(ctx, "start_date", zone);
      to = Params.instantParam(ctx, "end_date", zone);
      if (from == null && to == null) {
        to = events.now();
        from = to.minus(MAX_RANGE);
      } else if (from == null) {
        from = to.minus(MAX_RANGE);
      } else if (to == null) {
        to = from.plus(MAX_RANGE);
      }
      if (!from.isBefore(to)) {
        throw DomainException.invalid("invalid_date_range", "start_date must lie before end_date");
      }
      if (Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
        throw DomainException.invalid(
            "date_range_too_long",
            "The range from start_date to end_date may span at most 90 days");
      }
      statuses = statuses(ctx.queryParam("status"));
    }
    EventRepository.Page page =
        events.list(
            new EventQuery(
                Scope.ALL,
                ids,
                null,
                null,
                codes,
                statuses,
                from,
                to,
                false,
                events.now(),
                1,
                MAX_REQUESTS));
    ctx.json(mapping.requests(page.items()));
  }

  /** {@code GET /open311/v2/requests/{requestId}.json}: one request, as a one-element array. */
  public void get(Context ctx) {
    String raw = ctx.pathParam("requestId");
    if (!raw.matches("\\d{1,18}")) {
      throw DomainException.notFound("request_not_found", "No service request '" + raw + "'");
    }
    List<Event> found =
        events
            .list(
                new EventQuery(
                    Scope.ALL,
                    List.of(Long.parseLong(raw)),
                    null,
                    null,
                    events.publicTypes().stream().map(EventType::code).toList(),
                    null,
                    null,
                    null,
                    false,
                    events.now(),
                    1,
                    1))
            .items();
    if (found.isEmpty()) {
      throw DomainException.notFound("request_not_found", "No service request " + raw);
    }
    ctx.json(mapping.requests(found));
  }

  // --- parsing ---

  private static Set<EventStatus> statuses(String raw) {
    if (raw == null || raw.isBlank()) {
      return Set.of();
    }
    Set<EventStatus> out = EnumSet.noneOf(EventStatus.class);
    for (String s : raw.split(",")) {
      switch (s.trim()) {
        case "open" ->
            Arrays.stream(EventStatus.values()).filter(EventStatus::isOpen).forEach(out::add);
        case "closed" ->
            Arrays.stream(EventStatus.values()).filter(x -> !x.isOpen()).forEach(out::add);
        default -> throw DomainException.invalid("invalid_status", "status must be open or closed");
      }
    }
    return out;
  }

  private static List<Long> idList(String raw) {
    if (raw == null || raw.isBlank()) {
      return List.of();
    }
    List<Long> ids = new ArrayList<>();
    for (String s : raw.split(",")) {
      if (!s.trim().matches("\\d{1,18}")) {
        throw DomainException.invalid(
            "invalid_service_request_id", "service_request_id must be numbers separated by commas");
      }
      ids.add(Long.parseLong(s.trim()));
    }
    return ids;
  }

  private static String form(Context ctx, String name) {
    String v = ctx.formParam(name);
    return v == null || v.isBlank() ? null : v.strip();
  }

  private static Double coordinate(Context ctx, String name) {
    String v = form(ctx, name);
    if (v == null) {
      return null;
    }
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw DomainException.invalid("invalid_location", name + " must be a number in degrees");
    }
  }

  private static String join(String first, String last) {
    if (first == null) {
      return last;
    }
    return last == null ? first : first + " " + last;
  }
}
