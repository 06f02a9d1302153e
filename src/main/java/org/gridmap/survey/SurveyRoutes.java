package org.gridmap.survey;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridmap.error.DomainException;
import org.gridmap.http.Bodies;
import org.gridmap.http.Guard;
import org.gridmap.http.Paged;
import org.gridmap.http.Params;

/** HTTP handlers of survey campaigns: parse, call {@link Surveys}, write. */
public final class SurveyRoutes {

  /** A campaign to make: name, area code, first and last day (YYYY-MM-DD, inclusive). */
  record CampaignBody(String name, String area, LocalDate startsOn, LocalDate endsOn) {}

  /** A file attached to a change, its content in base64. */
  record AttachmentBody(String name, String data) {}

  /** A change of status: the new status, when (ISO instant, default now), note, attachments. */
  record ChangeBody(String status, Instant at, String note, List<AttachmentBody> attachments) {}

  private final Surveys surveys;
  private final Guard guard;
  private final ObjectMapper mapper;

  public SurveyRoutes(Surveys surveys, Guard guard, ObjectMapper mapper) {
    this.surveys = surveys;
    this.guard = guard;
    this.mapper = mapper;
  }

  /** {@code GET /api/survey}: campaigns overlapping the caller's scope. */
  public void campaigns(Context ctx) {
    LocalDate today = surveys.today();
    ctx.json(surveys.campaigns(Guard.principal(ctx)).stream().map(c -> view(c, today)).toList());
  }

  /** {@code GET /api/survey/{campaign}}. */
  public void campaign(Context ctx) {
    ctx.json(view(surveys.campaign(Guard.principal(ctx), campaignId(ctx)), surveys.today()));
  }

  /** {@code POST /api/survey} {"name","area","startsOn","endsOn"}. */
  public void create(Context ctx) {
    CampaignBody b = Bodies.read(mapper, ctx, CampaignBody.class);
    Campaign c =
        surveys.create(
            Guard.principal(ctx),
            b.name(),
            b.area(),
            b.startsOn(),
            b.endsOn(),
            guard.clientIp(ctx));
    ctx.status(201).json(view(c, surveys.today()));
  }

  /**
   * {@code GET /api/survey/{campaign}/progress?area=&limit=}: the area's figures, per village and
   * per grid, and up to {@code limit} buildings not yet visited.
   */
  public void progress(Context ctx) {
    long id = campaignId(ctx);
    Progress p =
        surveys.progress(
            Guard.principal(ctx),
            id,
            ctx.queryParam("area"),
            Params.intParam(ctx, "limit", 1000, 0, 10_000));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("campaign", id);
    body.put("area", row(p.total()));
    body.put("villages", p.villages().stream().map(SurveyRoutes::row).toList());
    body.put("grids", p.grids().stream().map(SurveyRoutes::row).toList());
    body.put("notVisitedTotal", p.notVisitedTotal());
    body.put("notVisited", p.notVisited().stream().map(SurveyRoutes::view).toList());
    ctx.json(body);
  }

  /** {@code GET /api/survey/{campaign}/records?area=&status=&page=&size=}. */
  public void records(Context ctx) {
    var page =
        surveys.records(
            Guard.principal(ctx),
            campaignId(ctx),
            ctx.queryParam("area"),
            ctx.queryParam("status"),
            Params.intParam(ctx, "page", 1, 1, 1_000_000),
            Params.intParam(ctx, "size", 100, 1, 1000));
    ctx.json(
        Paged.body(
            page.total(),
            page.page(),
            page.size(),
            page.items().stream().map(SurveyRoutes::view).toList()));
  }

  /** {@code GET /api/survey/{campaign}/buildings/{buildingId}}: the record and its history. */
  public void record(Context ctx) {
    var r = surveys.record(Guard.principal(ctx), campaignId(ctx), Params.id(ctx, "buildingId"));
    Map<String, Object> body = view(r.record());
    body.put("history", r.history().stream().map(SurveyRoutes::view).toList());
    ctx.json(body);
  }

  /**
   * {@code POST /api/survey/{campaign}/buildings/{buildingId}/changes} {"status","at"?,"note"?,
   * "attachments"?:[{"name","data"}]}.
   */
  public void change(Context ctx) {
    ChangeBody b = Bodies.read(mapper, ctx, ChangeBody.class);
    SurveyStatus to = b.status() == null ? null : Surveys.status(b.status());
    List<NewChange.Attachment> files =
        b.attachments() == null
            ? List.of()
            : b.attachments().stream()
                .map(a -> new NewChange.Attachment(a.name(), null, decode(a.data())))
                .toList();
    StatusChange change =
        surveys.change(
            Guard.principal(ctx),
            campaignId(ctx),
            Params.id(ctx, "buildingId"),
            new NewChange(to, b.at(), b.note(), files),
            guard.clientIp(ctx));
    ctx.status(201).json(view(change));
  }

  /** {@code GET /api/survey/{campaign}/attachments/{attachmentId}}: the file, as a download. */
  public void attachment(Context ctx) {
    NewChange.Attachment a =
        surveys.attachment(Guard.principal(ctx), campaignId(ctx), Params.id(ctx, "attachmentId"));
    String ascii = a.name().replaceAll("[^A-Za-z0-9._-]", "_");
    ctx.header("Content-Disposition", "attachment; filename=\"" + ascii + "\"");
    ctx.header("Cache-Control", "private, no-store");
    ctx.contentType(a.contentType()).result(a.bytes());
  }

  private static long campaignId(Context ctx) {
    return Params.id(ctx, "campaign");
  }

  private static byte[] decode(String base64) {
    if (base64 == null) {
      throw DomainException.invalid("invalid_field", "each attachment needs its 'data' in base64");
    }
    try {
      return Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw DomainException.invalid("invalid_field", "an attachment's 'data' is not base64");
    }
  }

  private static Map<String, Object> view(Campaign c, LocalDate today) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", c.id());
    m.put("name", c.name());
    m.put("area", c.areaCode());
    m.put("areaName", c.areaName());
    m.put("startsOn", c.startsOn().toString());
    m.put("endsOn", c.endsOn().toString());
    m.put("state", c.state(today));
    m.put("createdBy", c.createdBy());
    m.put("createdAt", c.createdAt());
    return m;
  }

  private static Map<String, Object> view(StatusChange c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", c.id());
    m.put("from", c.from().code());
    m.put("to", c.to().code());
    m.put("at", c.at());
    m.put("actor", c.actor());
    m.put("note", c.note());
    m.put("attachments", c.attachments());
    return m;
  }

  private static Map<String, Object> row(Progress.Row r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("code", r.code());
    m.put("name", r.name());
    m.put("level", r.level());
    m.put("buildings", r.buildings());
    m.put("households", r.households());
    m.put("visited", r.visited());
    m.put("visitedPercent", r.visitedPercent());
    m.put("byStatus", r.byStatus());
    return m;
  }

  private static Map<String, Object> view(SurveyRecord r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("building", r.buildingId());
    m.put("ref", r.ref());
    m.put("address", r.address());
    m.put("grid", r.gridCode());
    m.put("lon", r.lon());
    m.put("lat", r.lat());
    m.put("households", r.households());
    m.put("status", r.status().code());
    m.put("updatedAt", r.updatedAt());
    return m;
  }
}
