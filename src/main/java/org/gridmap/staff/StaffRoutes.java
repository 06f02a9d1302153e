package org.gridmap.staff;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridmap.error.DomainException;
import org.gridmap.http.Bodies;
import org.gridmap.http.Guard;
import org.gridmap.http.Paged;
import org.gridmap.http.Params;

/** HTTP handlers of the staff directory: the public contacts of an area, and staff management. */
public final class StaffRoutes {

  /** Which fields are public; a flag left out is false on create and unchanged on update. */
  record Visibility(Boolean name, Boolean photo, Boolean role, Boolean phone, Boolean duties) {
    PublicFields over(PublicFields base) {
      return new PublicFields(
          name == null ? base.name() : name,
          photo == null ? base.photo() : photo,
          role == null ? base.role() : role,
          phone == null ? base.phone() : phone,
          duties == null ? base.duties() : duties);
    }
  }

  /** One area the person works for, with their role there. */
  record AssignmentBody(String area, String role) {}

  /** A person as written by a client. */
  record Body(
      String ref,
      String name,
      String phone,
      String duties,
      @JsonProperty("public") Visibility visibility,
      List<AssignmentBody> assignments) {}

  private final StaffDirectory directory;
  private final Guard guard;
  private final ObjectMapper mapper;

  public StaffRoutes(StaffDirectory directory, Guard guard, ObjectMapper mapper) {
    this.directory = directory;
    this.guard = guard;
    this.mapper = mapper;
  }

  /** {@code GET /api/areas/{code}/staff}: the area's public contacts, public fields only. */
  public void publicContacts(Context ctx) {
    ctx.json(
        directory.publicContacts(ctx.pathParam("code")).stream().map(StaffRoutes::view).toList());
  }

  /** A public contact with only the fields the person made public (the others left out). */
  private static Map<String, Object> view(PublicContact c) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("id", c.id());
    v.put("area", c.area());
    v.put("areaName", c.areaName());
    v.put("name", c.name());
    v.put("role", c.role());
    v.put("roleName", c.roleName());
    v.put("roleNameEn", c.roleNameEn());
    v.put("phone", c.phone());
    v.put("duties", c.duties());
    v.put("photo", c.photo());
    v.values().removeIf(java.util.Objects::isNull);
    return v;
  }

  /** {@code GET /api/staff?area=&role=&q=&page=&size=}: people with an area in scope. */
  public void list(Context ctx) {
    var page =
        directory.list(
            Guard.principal(ctx),
            ctx.queryParam("area"),
            ctx.queryParam("role"),
            ctx.queryParam("q"),
            Params.intParam(ctx, "page", 1, 1, 1_000_000),
            Params.intParam(ctx, "size", 100, 1, 500));
    ctx.json(
        Paged.body(
            page.total(),
            page.page(),
            page.size(),
            page.items().stream().map(StaffRoutes::view).toList()));
  }

  /** {@code GET /api/staff/{staffId}}. */
  public void get(Context ctx) {
    ctx.json(view(directory.get(Guard.principal(ctx), Params.id(ctx, "staffId"))));
  }

  /** {@code POST /api/staff}. */
  public void create(Context ctx) {
    StaffMember m =
        directory.create(
            Guard.principal(ctx),
            input(Bodies.read(mapper, ctx, Body.class), PublicFields.NONE),
            guard.clientIp(ctx));
    ctx.status(201).json(view(m));
  }

  /** {@code PATCH /api/staff/{staffId}}. */
  public void update(Context ctx) {
    long id = Params.id(ctx, "staffId");
    Body body = Bodies.read(mapper, ctx, Body.class);
    PublicFields current = directory.get(Guard.principal(ctx), id).visibility();
    ctx.json(
        view(
            directory.update(Guard.principal(ctx), id, input(body, current), guard.clientIp(ctx))));
  }

  /** {@code DELETE /api/staff/{staffId}}. */
  public void delete(Context ctx) {
    directory.delete(Guard.principal(ctx), Params.id(ctx, "staffId"), guard.clientIp(ctx));
    ctx.status(204);
  }

  /** {@code PUT /api/staff/{staffId}/photo}: the body is a PNG or JPEG image. */
  public void putPhoto(Context ctx) {
    String type = ctx.contentType() == null ? "" : ctx.contentType();
    if (!(type.startsWith("image/png") || type.startsWith("image/jpeg"))) {
      throw new DomainException(
          DomainException.Kind.UNSUPPORTED_MEDIA_TYPE,
          "unsupported_photo",
          "Send the photo as image/png or image/jpeg");
    }
    directory.setPhoto(
        Guard.principal(ctx), Params.id(ctx, "staffId"), ctx.bodyAsBytes(), guard.clientIp(ctx));
    ctx.status(204);
  }

  /**
   * {@code GET /api/staff/{staffId}/photo}: the portrait, for the public only when marked public.
   */
  public void photo(Context ctx) {
    StaffDirectory.Picture p = directory.photo(Guard.principal(ctx), Params.id(ctx, "staffId"));
    ctx.header("Cache-Control", p.isPublic() ? "public, max-age=3600" : "private, no-store");
    // the placeholder SVG is drawn here, but a portrait is never a document to run scripts in
    ctx.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
    ctx.contentType(p.type()).result(p.bytes());
  }

  private static StaffInput input(Body b, PublicFields base) {
    List<Assignment> assignments = null;
    if (b.assignments() != null) {
      assignments =
          b.assignments().stream()
              .map(
                  a -> {
                    StaffRole role =
                        a.role() == null
                            ? null
                            : StaffRole.ofCode(a.role())
                                .orElseThrow(
                                    () ->
                                        DomainException.invalid(
                                            "invalid_field",
                                            "an assignment's 'role' must be one of "
                                                + StaffRole.codes()));
                    return Assignment.of(a.area(), role);
                  })
              .toList();
    }
    return new StaffInput(
        b.ref(),
        b.name(),
        b.phone(),
        b.duties(),
        b.visibility() == null ? null : b.visibility().over(base),
        assignments);
  }

  static Map<String, Object> view(StaffMember m) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("id", m.id());
    v.put("ref", m.ref());
    v.put("name", m.name());
    v.put("phone", m.phone());
    v.put("duties", m.duties());
    v.put("public", m.visibility());
    v.put(
        "assignments",
        m.assignments().stream()
            .map(
                a -> {
                  Map<String, Object> x = new LinkedHashMap<>();
                  x.put("area", a.areaCode());
                  x.put("areaName", a.areaName());
                  x.put("role", a.role().code());
                  x.put("roleName", a.role().nameZh());
                  return x;
                })
            .toList());
    v.put("photo", "/api/staff/" + m.id() + "/photo");
    v.put("photoUploaded", m.photoType() != null);
    v.put("createdAt", m.createdAt());
    v.put("updatedAt", m.updatedAt());
    return v;
  }
}
