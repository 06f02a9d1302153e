package org.gridmap.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.gridmap.area.NewArea;
import org.gridmap.demo.DemoEvents.DemoEvent;
import org.gridmap.http.Json;
import org.gridmap.testing.TestDatabase;
import org.junit.jupiter.api.Test;

class DemoEventsTest {
  private static final List<NewArea> AREAS = new DemoLoader(null, Json.mapper()).readAreas();
  private static final List<DemoEvent> EVENTS = DemoEvents.generate(AREAS);

  @Test
  void committed_csv_matches_generator() throws Exception {
    String committed =
        Files.readString(
            TestDatabase.projectDir().resolve(DemoGenerator.DEFAULT_EVENTS),
            StandardCharsets.UTF_8);
    assertEquals(
        DemoEventFile.write(EVENTS),
        committed,
        "geodata/demo-events.csv is stale: run bin/gridmap generate-demo");
  }

  @Test
  void the_file_reads_back_to_the_same_events() {
    assertEquals(EVENTS, DemoEventFile.read(new java.io.StringReader(DemoEventFile.write(EVENTS))));
  }

  @Test
  void a_year_of_events_resolved_near_the_98_percent_target_with_some_left_overdue() {
    assertEquals(DemoEvents.COUNT, EVENTS.size());
    assertTrue(EVENTS.stream().allMatch(e -> !e.reportedAt().isBefore(DemoEvents.YEAR_START)));
    assertTrue(EVENTS.stream().allMatch(e -> e.reportedAt().isBefore(DemoEvents.YEAR_END)));
    Map<String, Long> last =
        EVENTS.stream().collect(Collectors.groupingBy(DemoEventsTest::last, Collectors.counting()));
    long work =
        EVENTS.size() - last.getOrDefault("rejected", 0L) - last.getOrDefault("duplicate", 0L);
    double rate =
        (last.getOrDefault("resolved", 0L) + last.getOrDefault("closed", 0L)) / (double) work;
    assertTrue(rate > 0.97 && rate < 0.99, "resolution rate " + rate + " " + last);
    long stuck =
        EVENTS.stream()
            .filter(e -> last(e).equals("in_progress"))
            .filter(e -> e.reportedAt().isBefore(DemoEvents.YEAR_END.minusSeconds(30 * 86_400)))
            .count();
    assertTrue(stuck > 20, "old events never finished (overdue): " + stuck);
    assertTrue(last.getOrDefault("rejected", 0L) > 10 && last.getOrDefault("duplicate", 0L) > 10);
  }

  @Test
  void events_cluster_at_the_market_and_the_construction_site() {
    long market = within(EVENTS, "370112101002001", 300);
    long site = within(EVENTS, "370112102201001", 500);
    assertTrue(market > EVENTS.size() / 8, "market " + market);
    assertTrue(site > EVENTS.size() / 15, "site " + site);
    long illegalAtSite =
        EVENTS.stream()
            .filter(e -> e.type().equals("illegal_construction"))
            .filter(e -> metresFrom(e, centre("370112102201001")) < 500)
            .count();
    assertTrue(illegalAtSite > 200, "illegal construction at the site " + illegalAtSite);
  }

  @Test
  void reporters_are_obviously_synthetic() {
    for (DemoEvent e : EVENTS) {
      if (e.reporterPhone() != null) {
        assertTrue(e.reporterPhone().matches("1700000\\d{4}"), e.reporterPhone());
      }
      if (e.reporterEmail() != null) {
        assertTrue(e.reporterEmail().endsWith("@example.com"), e.reporterEmail());
      }
      assertTrue(
          e.who() == null || !e.who().contains(e.reporterName() == null ? "~" : e.reporterName()));
    }
  }

  private static String last(DemoEvent e) {
    return e.history().isEmpty() ? "reported" : e.history().get(e.history().size() - 1).status();
  }

  private static long within(List<DemoEvent> events, String grid, double metres) {
    double[] c = centre(grid);
    return events.stream().filter(e -> metresFrom(e, c) < metres).count();
  }

  private static double[] centre(String grid) {
    var p =
        org.locationtech.jts.algorithm.InteriorPointArea.getInteriorPoint(
            AREAS.stream().filter(a -> a.code().equals(grid)).findFirst().orElseThrow().boundary());
    return new double[] {p.x, p.y};
  }

  private static double metresFrom(DemoEvent e, double[] c) {
    double dy = (e.lat() - c[1]) * 110_540;
    double dx = (e.lon() - c[0]) * 111_320 * Math.cos(Math.toRadians(c[1]));
    return Math.hypot(dx, dy);
  }
}
