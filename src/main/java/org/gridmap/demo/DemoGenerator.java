package org.gridmap.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.gridmap.geo.Wgs84;
import org.locationtech.jts.coverage.CoverageUnion;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

/**
 * Generates the two synthetic demo towns (鹤山镇 and 许庄镇) with their communities, villages and grids,
 * and writes them to {@code geodata/demo-areas.geojson}. No database, no server: the output is a
 * pure function of the {@link TownPlan}s and their seeds, identical byte for byte on every run, and
 * a test checks that the committed file still equals it.
 *
 * <p>Within a town, grids tile the town without gaps or overlaps and neighbours share their edges
 * vertex for vertex; a community is the exact union of its grids and the town the exact union of
 * all, so their boundaries are made of grid vertices too (see {@link TownTiler}).
 */
public final class DemoGenerator {
  static final Path DEFAULT_OUTPUT = Path.of("geodata", "demo-areas.geojson");
  static final Path DEFAULT_EVENTS = Path.of("geodata", "demo-events.csv");

  private static final int MAX_TILINGS = 200;
  private static final int GROUPINGS_PER_TILING = 2_000;

  private DemoGenerator() {}

  /**
   * Writes the demo areas to {@code args[0]} (default {@code geodata/demo-areas.geojson}) and the
   * demo events in them to {@code args[1]} (default {@code geodata/demo-events.csv}); without an
   * argument, also the registers (buildings, key places, staff, surveys) next to them.
   */
  public static void main(String[] args) {
    Path output = args.length > 0 ? Path.of(args[0]) : DEFAULT_OUTPUT;
    Path eventsOutput = args.length > 1 ? Path.of(args[1]) : DEFAULT_EVENTS;
    List<DemoArea> areas = generate();
    if (args.length == 0) {
      DemoRegisters registers = DemoRegisters.generate(areas);
      registers.write(DEFAULT_OUTPUT.getParent());
      System.out.println(
          "Wrote "
              + registers.buildings().size()
              + " buildings, "
              + registers.places().size()
              + " key places, "
              + registers.staff().size()
              + " staff and "
              + registers.changes().size()
              + " survey changes to "
              + DEFAULT_OUTPUT.getParent());
    }
    write(output, DemoGeoJson.featureCollection(areas));
    System.out.println("Wrote " + areas.size() + " demo areas to " + output);
    List<DemoEvents.DemoEvent> events = DemoEvents.generate(asNewAreas(areas));
    write(eventsOutput, DemoEventFile.write(events));
    System.out.println("Wrote " + events.size() + " demo events to " + eventsOutput);
  }

  static List<org.gridmap.area.NewArea> asNewAreas(List<DemoArea> areas) {
    return areas.stream()
        .map(
            a ->
                new org.gridmap.area.NewArea(
                    a.code(),
                    a.name(),
                    a.nameEn(),
                    a.kind(),
                    a.level(),
                    a.parentCode(),
                    a.boundary()))
        .toList();
  }

  private static void write(Path output, String text) {
    try {
      Path parent = output.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(output, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + output, e);
    }
  }

  /**
   * All demo areas, parents before children: towns, then communities and villages, then grids, each
   * group sorted by code.
   */
  public static List<DemoArea> generate() {
    List<DemoArea> all = new ArrayList<>();
    for (TownPlan plan : TownPlan.demoTowns()) {
      all.addAll(town(plan));
    }
    Comparator<DemoArea> byLevel =
        Comparator.comparingInt(
            a -> List.of(DemoArea.TOWN, DemoArea.COMMUNITY, DemoArea.GRID).indexOf(a.level()));
    all.sort(byLevel.thenComparing(DemoArea::code));
    return List.copyOf(all);
  }

  /** The town, its communities and its grids, drawn by retrying until every rule holds. */
  static List<DemoArea> town(TownPlan plan) {
    LocalPlane plane = LocalPlane.centredAt(plan.lon(), plan.lat());
    SplittableRandom random = new SplittableRandom(plan.seed());
    for (int attempt = 0; attempt < MAX_TILINGS; attempt++) {
      Optional<TownTiling> tiling = TownTiler.tile(plan, plane, random);
      if (tiling.isEmpty()) {
        continue;
      }
      for (int draw = 0; draw < GROUPINGS_PER_TILING; draw++) {
        Optional<List<DemoArea>> areas =
            CommunityGrouping.group(tiling.get(), plan, random)
                .flatMap(owner -> areas(plan, plane, tiling.get(), owner));
        if (areas.isPresent()) {
          return areas.get();
        }
      }
    }
    throw new IllegalStateException("cannot draw " + plan.nameEn() + " from seed " + plan.seed());
  }

  /**
   * Names and codes the areas of one tiling. Communities are numbered outwards from the town seat,
   * grids within a community from north to south. Empty when a community or the town would have a
   * hole, which real boundaries hardly ever have.
   */
  private static Optional<List<DemoArea>> areas(
      TownPlan plan, LocalPlane plane, TownTiling tiling, int[] owner) {
    List<List<Integer>> members = CommunityGrouping.members(owner, plan.communities().size());
    List<Polygon> shapes = new ArrayList<>();
    for (List<Integer> m : members) {
      Optional<Polygon> shape = solidUnion(m.stream().map(tiling.cells()::get).toList());
      if (shape.isEmpty()) {
        return Optional.empty();
      }
      shapes.add(shape.get());
    }
    Optional<Polygon> townShape = solidUnion(tiling.cells());
    if (townShape.isEmpty()) {
      return Optional.empty();
    }

    Coordinate seat = new Coordinate(0, 0);
    List<Integer> byDistance =
        Stream.iterate(0, c -> c + 1)
            .limit(shapes.size())
            .sorted(
                Comparator.comparingDouble(
                    c ->
                        plane.toMetres(shapes.get(c).getCentroid().getCoordinate()).distance(seat)))
            .toList();
    Comparator<Integer> northFirst =
        Comparator.comparingDouble((Integer g) -> -tiling.seeds().get(g).y)
            .thenComparingDouble(g -> tiling.seeds().get(g).x);

    List<DemoArea> result = new ArrayList<>();
    result.add(
        new DemoArea(
            plan.code(),
            plan.name(),
            plan.nameEn(),
            DemoArea.TOWN,
            null,
            DemoArea.TOWN,
            multi(townShape.get())));
    for (int rank = 0; rank < byDistance.size(); rank++) {
      int c = byDistance.get(rank);
      TownPlan.PlaceName name = plan.communities().get(rank);
      String code = plan.code() + threeDigits(plan.firstCommunityNumber() + rank);
      result.add(
          new DemoArea(
              code,
              name.zh(),
              name.en(),
              DemoArea.COMMUNITY,
              plan.code(),
              plan.communityKind(),
              multi(shapes.get(c))));
      List<Integer> grids = members.get(c).stream().sorted(northFirst).toList();
      for (int n = 1; n <= grids.size(); n++) {
        result.add(
            new DemoArea(
                code + threeDigits(n),
                name.zh() + "第" + ChineseNumeral.of(n) + "网格",
                name.en() + " Grid " + n,
                DemoArea.GRID,
                code,
                DemoArea.GRID,
                multi(tiling.cells().get(grids.get(n - 1)))));
      }
    }
    return Optional.of(result);
  }

  /**
   * The union of cells that share edges exactly. Coverage union only drops the shared edges, so it
   * adds no vertex and moves none. Empty unless the result is one polygon without holes.
   */
  private static Optional<Polygon> solidUnion(List<Polygon> cells) {
    Geometry union = CoverageUnion.union(cells.toArray(Geometry[]::new));
    if (union instanceof Polygon p && p.getNumInteriorRing() == 0 && p.isValid()) {
      return Optional.of(TownTiler.counterClockwise(p));
    }
    return Optional.empty();
  }

  private static MultiPolygon multi(Polygon polygon) {
    MultiPolygon m = Wgs84.FACTORY.createMultiPolygon(new Polygon[] {polygon});
    if (!m.isValid()) {
      throw new IllegalStateException("generated an invalid boundary: " + m);
    }
    return m;
  }

  private static String threeDigits(int n) {
    return String.format("%03d", n);
  }
}
