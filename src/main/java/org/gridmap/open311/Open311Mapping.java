package org.gridmap.open311;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridmap.area.Area;
import org.gridmap.area.AreaQuery;
import org.gridmap.area.AreaRepository;
import org.gridmap.event.Event;
import org.gridmap.event.EventType;
import org.gridmap.event.Events;

/**
 * Events and event types in GeoReport v2 terms. Internal states map to {@code open} (reported,
 * accepted, in progress, escalated) or {@code closed} (resolved, closed, rejected, duplicate). A
 * request carries only public fields: no reporter contacts, no names of people involved, no staff
 * notes.
 */
public final class Open311Mapping {
  /** Description fields a resident gives as service attributes (beyond description and address). */
  private static final Map<String, String> ATTRIBUTES =
      Map.of(
          "who", "涉及哪些人? Who is involved?",
          "since", "从什么时候开始? Since when?");

  private final Events events;
  private final AreaRepository areas;
  private final ZoneId zone;

  public Open311Mapping(Events events, AreaRepository areas, ZoneId zone) {
    this.events = events;
    this.areas = areas;
    this.zone = zone;
  }

  Map<String, Object> service(EventType t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("service_code", t.code());
    m.put("service_name", t.nameZh());
    m.put("description", t.nameEn() + " — " + notice(t));
    m.put("metadata", !attributes(t).isEmpty());
    m.put("type", "realtime");
    m.put("keywords", t.nameZh() + ", " + t.nameEn());
    m.put("group", "网格事件 grid events");
    return m;
  }

  Map<String, Object> definition(EventType t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("service_code", t.code());
    m.put("attributes", attributes(t));
    return m;
  }

  /**
   * The required description fields other than {@code what} (Open311 {@code description}) and
   * {@code where} ({@code address_string}), as attributes {@code attribute[who]}, {@code
   * attribute[since]}.
   */
  private static List<Map<String, Object>> attributes(EventType t) {
    List<String> extra =
        t.requiredFields().stream().filter(f -> !f.equals("what") && !f.equals("where")).toList();
    List<Map<String, Object>> out = new java.util.ArrayList<>();
    for (int i = 0; i < extra.size(); i++) {
      Map<String, Object> a = new LinkedHashMap<>();
      a.put("variable", true);
      a.put("code", extra.get(i));
      a.put("datatype", "string");
      a.put("required", true);
      a.put("datatype_description", null);
      a.put("order", i + 1);
      a.put("description", ATTRIBUTES.get(extra.get(i)));
      out.add(a);
    }
    return out;
  }

  static String notice(EventType t) {
    return "将在 " + t.deadlineHours() + " 小时内处理 — handled within " + t.deadlineHours() + " hours";
  }

  List<Map<String, Object>> requests(List<Event> list) {
    Map<String, String> gridNames = new HashMap<>();
    if (!list.isEmpty()) {
      for (Area a : areas.list(new AreaQuery("grid", null))) {
        gridNames.put(a.code(), a.name());
      }
    }
    return list.stream().map(e -> request(e, gridNames)).toList();
  }

  private Map<String, Object> request(Event e, Map<String, String> gridNames) {
    EventType type = events.type(e.type()).orElseThrow();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("service_request_id", String.valueOf(e.id()));
    m.put("status", e.status().open311());
    m.put("status_notes", statusNotes(e));
    m.put("service_name", type.nameZh());
    m.put("service_code", type.code());
    m.put("description", e.description().what());
    m.put(
        "agency_responsible",
        e.gridCode() == null ? "镇网格化管理办公室" : gridNames.getOrDefault(e.gridCode(), e.gridCode()));
    m.put("service_notice", notice(type));
    m.put("requested_datetime", local(e.reportedAt()));
    m.put("updated_datetime", local(e.updatedAt()));
    m.put("expected_datetime", local(e.deadlines().dueAt()));
    m.put("address", e.description().where());
    m.put("address_id", null);
    m.put("zipcode", null);
    m.put("lat", e.lat());
    m.put("long", e.lon());
    m.put("media_url", e.mediaUrl());
    return m;
  }

  /** A fixed note per state: staff notes may name people and are never published. */
  static String statusNotes(Event e) {
    return switch (e.status()) {
      case REPORTED -> "已上报 reported";
      case ACCEPTED -> "已受理 accepted";
      case IN_PROGRESS -> "处理中 in progress";
      case ESCALATED -> "已上报镇街 escalated to the town";
      case RESOLVED -> "已办结 resolved";
      case CLOSED -> "已办结 closed";
      case REJECTED -> "不予受理 not accepted";
      case DUPLICATE -> "重复上报 duplicate of request " + e.duplicateOf();
    };
  }

  private OffsetDateTime local(Instant t) {
    return t == null ? null : t.atZone(zone).toOffsetDateTime();
  }
}
