package org.gridmap.event;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.gridmap.access.PublicCounts;
import org.gridmap.area.Area;
import org.gridmap.area.AreaQuery;
import org.gridmap.area.AreaRepository;

/**
 * The JSON shapes of events. A summary (lists, CSV rows, possible duplicates) never carries the
 * reporter's contacts; a detail does, and is only answered to callers whose scope covers the event.
 * Times are written with the offset of the display zone.
 */
final class EventViews {
  private final Events events;
  private final AreaRepository areas;
  private final ZoneId zone;

  EventViews(Events events, AreaRepository areas, ZoneId zone) {
    this.events = events;
    this.areas = areas;
    this.zone = zone;
  }

  static Map<String, Object> type(EventType t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("code", t.code());
    m.put("nameZh", t.nameZh());
    m.put("nameEn", t.nameEn());
    m.put("public", t.isPublic());
    m.put("deadlineHours", t.deadlineHours());
    m.put("requiredFields", t.requiredFields().stream().map(f -> "description." + f).toList());
    return m;
  }

  static OffsetDateTime local(Instant t, ZoneId zone) {
    return t == null ? null : t.atZone(zone).toOffsetDateTime();
  }

  private OffsetDateTime local(Instant t) {
    return local(t, zone);
  }

  Map<String, Object> summary(Event e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", e.id());
    m.put("type", e.type());
    events.type(e.type()).ifPresent(t -> m.put("typeName", t.nameZh()));
    m.put("status", e.status().code());
    m.put("severity", e.severity().code());
    m.put("location", Map.of("lon", e.lon(), "lat", e.lat()));
    m.put("occurredAt", local(e.occurredAt()));
    m.put("reportedAt", local(e.reportedAt()));
    m.put("updatedAt", local(e.updatedAt()));
    m.put("dueAt", local(e.deadlines().dueAt()));
    m.put("escalateBy", local(e.deadlines().escalateBy()));
    m.put("overdue", e.overdue(events.now()));
    m.put("unassigned", !e.assigned());
    m.put("gridCode", e.gridCode());
    m.put("path", e.pathCodes());
    m.put("boundaryVersion", e.boundaryVersion());
    Description d = e.description();
    Map<String, Object> desc = new LinkedHashMap<>();
    desc.put("what", d.what());
    desc.put("where", d.where());
    desc.put("who", d.who());
    desc.put("since", d.since());
    m.put("description", desc);
    m.put("duplicateOf", e.duplicateOf());
    return m;
  }

  /**
   * The summary plus history, photos, and the reporter with contacts; with {@code areaNames} also
   * the stored path's areas with their current level and name (a lookup per area, left out of the
   * answer to a new report, which is kept lean).
   */
  Map<String, Object> detail(Events.Detail detail, boolean areaNames) {
    Event e = detail.event();
    Map<String, Object> m = summary(e);
    m.put("inputCrs", e.inputCrs());
    m.put("escalatedAt", local(e.escalatedAt()));
    m.put("resolvedAt", local(e.resolvedAt()));
    m.put("rejectReason", e.rejectReason());
    if (areaNames) {
      m.put("area", e.pathCodes().stream().map(this::areaStep).toList());
    }
    Map<String, Object> reporter = new LinkedHashMap<>();
    reporter.put("source", e.source());
    reporter.put("accountId", e.reporter().accountId());
    reporter.put("name", e.reporter().name());
    reporter.put("phone", e.reporter().phone());
    reporter.put("email", e.reporter().email());
    m.put("reporter", reporter);
    m.put("mediaUrl", e.mediaUrl());
    m.put(
        "transitions",
        detail.transitions().stream()
            .map(
                t -> {
                  Map<String, Object> step = new LinkedHashMap<>();
                  step.put("at", local(t.at()));
                  step.put("by", t.actor());
                  step.put("from", t.from() == null ? null : t.from().code());
                  step.put("to", t.to().code());
                  step.put("note", t.note());
                  return step;
                })
            .toList());
    m.put("allowedTransitions", e.status().next().stream().map(EventStatus::code).toList());
    m.put("photos", detail.photos().stream().map(p -> photo(e.id(), p, zone)).toList());
    return m;
  }

  private Map<String, Object> areaStep(String code) {
    Map<String, Object> step = new LinkedHashMap<>();
    step.put("code", code);
    areas
        .find(code)
        .ifPresent(
            a -> {
              step.put("level", a.level());
              step.put("name", a.name());
            });
    return step;
  }

  static Map<String, Object> photo(long eventId, Photo p, ZoneId zone) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("sha256", p.sha256());
    m.put("contentType", p.contentType());
    m.put("bytes", p.bytes());
    m.put("uploadedAt", local(p.uploadedAt(), zone));
    m.put("url", "/api/events/" + eventId + "/photos/" + p.sha256());
    return m;
  }

  /**
   * Statistics of an area and its children. With {@code suppress} (public answers) only the total
   * (shown as {@code "<n"} below the threshold) and the resolution rate in whole percent (only
   * where the total is not small) are given.
   */
  Map<String, Object> stats(
      Area area, Instant from, Instant to, List<AreaCounts> rows, PublicCounts suppress) {
    Map<String, AreaCounts> byCode =
        rows.stream().collect(Collectors.toMap(AreaCounts::code, Function.identity()));
    AreaCounts all = new AreaCounts(area.code(), 0, 0, 0, 0, 0);
    for (AreaCounts r : rows) {
      all = all.plus(r);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("area", area(area, all, suppress));
    body.put("from", local(from));
    body.put("to", local(to));
    List<Area> children = areas.list(new AreaQuery(null, area.code()));
    body.put(
        "children",
        children.stream()
            .map(
                c ->
                    area(
                        c,
                        byCode.getOrDefault(c.code(), new AreaCounts(c.code(), 0, 0, 0, 0, 0)),
                        suppress))
            .toList());
    return body;
  }

  private static Map<String, Object> area(Area a, AreaCounts c, PublicCounts suppress) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("code", a.code());
    m.put("name", a.name());
    m.put("level", a.level());
    if (suppress == null) {
      m.put("total", c.total());
      m.put("handled", c.handled());
      m.put("onTime", c.onTime());
      m.put("overdue", c.overdue());
      m.put("open", c.open());
      m.put("resolutionRate", c.resolutionRate());
      m.put("onTimeRate", c.onTimeRate());
    } else {
      // the total, suppressed when small, and the rate in whole percent only where the total is
      // not small: no count of a subgroup that subtraction could recover
      Object total = suppress.show(c.total());
      m.put("total", total);
      m.put(
          "resolutionRate",
          total instanceof Long && c.resolutionRate() != null
              ? Math.round(c.resolutionRate() * 100) / 100.0
              : null);
    }
    return m;
  }
}
