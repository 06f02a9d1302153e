package org.gridmap.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.gridmap.testing.TestApp.Caller;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/**
 * Buildings, key places, staff and survey campaigns made through the API for tests, each in a given
 * area, with unique references so that test classes sharing the demo server never collide.
 */
public final class RegisterFixtures {
  private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000);

  private RegisterFixtures() {}

  /** A unique reference with a readable prefix, e.g. {@code matrix-123457}. */
  public static String unique(String prefix) {
    return prefix + "-" + SEQUENCE.incrementAndGet();
  }

  /** A point well inside an area (JTS interior point of its boundary), lon then lat. */
  public static double[] interiorPoint(TestApp app, String code) {
    try {
      String feature = app.getJson("/api/areas/" + code + ".geojson").get("geometry").toString();
      Point p = new GeoJsonReader().read(feature).getInteriorPoint();
      return new double[] {p.getX(), p.getY()};
    } catch (org.locationtech.jts.io.ParseException e) {
      throw new AssertionError(e);
    }
  }

  /** A building of 10 households in the grid, made by {@code by}; returns its id. */
  public static long building(TestApp app, Caller by, String gridCode) {
    double[] p = interiorPoint(app, gridCode);
    return id(
        by.post(
            "/api/buildings",
            String.format(
                Locale.ROOT,
                "{\"ref\":\"%s\",\"address\":\"测试楼\",\"lon\":%.9f,\"lat\":%.9f,"
                    + "\"households\":10,\"registeredResidents\":25,\"floatingResidents\":3,"
                    + "\"rentalUnits\":2}",
                unique("fixture"),
                p[0],
                p[1])));
  }

  /** A weekly key place (a market) in the grid; returns its id. */
  public static long place(TestApp app, Caller by, String gridCode) {
    double[] p = interiorPoint(app, gridCode);
    return id(
        by.post(
            "/api/places",
            String.format(
                Locale.ROOT,
                "{\"category\":\"market\",\"name\":\"%s\",\"lon\":%.9f,\"lat\":%.9f}",
                unique("测试市场"),
                p[0],
                p[1])));
  }

  /** A passed inspection of the place, now; returns its id. */
  public static long inspect(Caller by, long placeId) {
    return id(by.post("/api/places/" + placeId + "/inspections", "{\"result\":\"passed\"}"));
  }

  /** A person with one assignment and the given public fields; returns the id. */
  public static long staff(
      Caller by, String areaCode, String role, String name, String phone, String publicJson) {
    return id(
        by.post(
            "/api/staff",
            "{\"name\":\""
                + name
                + "\",\"phone\":\""
                + phone
                + "\",\"duties\":\"测试职责\",\"public\":"
                + publicJson
                + ",\"assignments\":[{\"area\":\""
                + areaCode
                + "\",\"role\":\""
                + role
                + "\"}]}"));
  }

  /** A campaign over the area that runs from yesterday for a month; returns its id. */
  public static long campaign(Caller by, String areaCode) {
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    return id(
        by.post(
            "/api/survey",
            "{\"name\":\""
                + unique("测试排查")
                + "\",\"area\":\""
                + areaCode
                + "\",\"startsOn\":\""
                + today.minusDays(1)
                + "\",\"endsOn\":\""
                + today.plusDays(30)
                + "\"}"));
  }

  private static long id(HttpResponse<String> r) {
    if (r.statusCode() != 201) {
      throw new AssertionError(r.request().uri() + " -> " + r.statusCode() + " " + r.body());
    }
    try {
      JsonNode body = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body());
      return body.get("id").asLong();
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }
}
