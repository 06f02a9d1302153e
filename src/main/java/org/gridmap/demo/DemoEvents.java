package org.gridmap.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.gridmap.area.NewArea;
import org.locationtech.jts.algorithm.InteriorPointArea;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * A year of synthetic events in the demo towns, drawn from a fixed seed (identical on every run):
 * about 6,000 reports, a third of them around three hotspots (the farmers' market in 鹤山路社区, a block
 * of rented rooms in 东关社区 and a construction site in 许庄村), the rest spread over the grids, busier
 * in the urban town. Handling follows real patterns: accepted within hours, most resolved within
 * the type's deadline, a few late, a few never finished (overdue), 1 % rejected and some duplicates
 * of nearby open reports; major events are escalated to the town, mostly within four hours. Times
 * lie in the demo year 2025 (Asia/Shanghai); the loader shifts them so that the year ends at the
 * moment of loading.
 *
 * <p>Reporters who are residents get synthetic names, phone numbers from the unused {@code
 * 1700000xxxx} block and {@code @example.com} addresses: obviously not real people.
 */
public final class DemoEvents {
  static final Instant YEAR_START = OffsetDateTime.parse("2025-01-01T00:00:00+08:00").toInstant();
  static final Instant YEAR_END = OffsetDateTime.parse("2026-01-01T00:00:00+08:00").toInstant();
  static final int COUNT = 6_000;
  private static final long SEED = 20250101L;

  /** Handling hours per type; they mirror {@code event_type.deadline_hours} of the migration. */
  static final Map<String, Integer> DEADLINE_HOURS =
      Map.of(
          "dispute", 72,
          "safety_hazard", 48,
          "fire_hazard", 24,
          "public_opinion", 168,
          "illegal_construction", 72,
          "other", 120);

  private static final String[] SURNAMES = {
    "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "朱", "胡", "郭", "何", "高", "林", "罗",
    "梁"
  };
  private static final String[] GIVEN = {
    "秀英", "桂英", "秀兰", "玉兰", "建华", "建国", "志强", "海燕", "丽娟", "春梅", "国庆", "红霞", "永刚", "晓东", "文静", "淑珍",
    "德明", "立新", "凤琴", "宝生"
  };

  /** A place where events cluster: around the interior point of a grid, spread by sigma metres. */
  private record Hotspot(String gridCode, double sigmaM, double share, String[] types) {}

  private static final List<Hotspot> HOTSPOTS =
      List.of(
          new Hotspot(
              "370112101002001",
              70,
              0.17,
              new String[] {"safety_hazard", "safety_hazard", "dispute", "other", "fire_hazard"}),
          new Hotspot(
              "370112101005002",
              50,
              0.07,
              new String[] {"fire_hazard", "fire_hazard", "safety_hazard", "dispute"}),
          new Hotspot(
              "370112102201001",
              120,
              0.10,
              new String[] {
                "illegal_construction", "illegal_construction", "safety_hazard", "dispute"
              }));

  private static final String[] BACKGROUND_TYPES = {
    "public_opinion", "public_opinion", "public_opinion", "public_opinion", "dispute", "dispute",
    "safety_hazard", "safety_hazard", "fire_hazard", "illegal_construction", "other", "other"
  };

  /** A generated event; {@code duplicateOf} is the {@code seq} of the original. */
  record DemoEvent(
      int seq,
      String type,
      String severity,
      double lon,
      double lat,
      Instant occurredAt,
      Instant reportedAt,
      String what,
      String where,
      String who,
      String since,
      String reporterName,
      String reporterPhone,
      String reporterEmail,
      Integer duplicateOf,
      String rejectReason,
      List<Step> history) {}

  /** One state reached, after the report. */
  record Step(String status, Instant at) {}

  private final SplittableRandom random = new SplittableRandom(SEED);
  private final List<NewArea> grids;
  private final List<PreparedGeometry> gridShapes = new ArrayList<>();
  private final double[] gridWeights;
  private final Envelope coverage = new Envelope();

  private DemoEvents(List<NewArea> areas) {
    this.grids = areas.stream().filter(a -> a.level().equals("grid")).toList();
    this.gridWeights = new double[grids.size()];
    for (int i = 0; i < grids.size(); i++) {
      NewArea g = grids.get(i);
      gridShapes.add(PreparedGeometryFactory.prepare(g.boundary()));
      gridWeights[i] = g.code().startsWith(DemoAccounts.HESHAN) ? 1.6 : 1.0;
      coverage.expandToInclude(g.boundary().getEnvelopeInternal());
    }
  }

  /** The demo events, in order of their report time, for the given demo areas. */
  static List<DemoEvent> generate(List<NewArea> areas) {
    return new DemoEvents(areas).all();
  }

  private List<DemoEvent> all() {
    List<Instant> times = new ArrayList<>();
    long seconds = Duration.between(YEAR_START, YEAR_END).toSeconds();
    for (int i = 0; i < COUNT; i++) {
      long day = random.nextLong(seconds / 86_400);
      times.add(YEAR_START.plusSeconds(day * 86_400 + secondOfDay()));
    }
    times.sort(Comparator.naturalOrder());
    List<DemoEvent> out = new ArrayList<>();
    for (int i = 0; i < COUNT; i++) {
      out.add(event(i + 1, times.get(i), out));
    }
    return out;
  }

  /**
   * Reports come mostly in working hours: seconds after local midnight (the year starts at one).
   */
  private long secondOfDay() {
    int[] weights = {
      1, 1, 1, 1, 1, 2, 4, 8, 12, 14, 14, 10, 8, 12, 14, 14, 12, 8, 6, 5, 4, 3, 2, 1
    };
    int total = 0;
    for (int w : weights) {
      total += w;
    }
    int pick = random.nextInt(total);
    int hour = 0;
    while (pick >= weights[hour]) {
      pick -= weights[hour++];
    }
    return hour * 3600L + random.nextInt(3600);
  }

  private DemoEvent event(int seq, Instant reported, List<DemoEvent> earlier) {
    double pick = random.nextDouble();
    String type;
    double[] at;
    String placeKind;
    Hotspot hot = null;
    double acc = 0;
    for (Hotspot h : HOTSPOTS) {
      acc += h.share();
      if (hot == null && pick < acc) {
        hot = h;
      }
    }
    if (hot != null) {
      type = hot.types()[random.nextInt(hot.types().length)];
      at = near(hot);
      placeKind = hot.gridCode().equals("370112102201001") ? "site" : "market";
    } else if (pick > 0.998) {
      type = "other";
      at = new double[] {coverage.getMaxX() + 0.006, coverage.getMinY() + 0.01};
      placeKind = "outside";
    } else {
      type = BACKGROUND_TYPES[random.nextInt(BACKGROUND_TYPES.length)];
      at = inGrid(weightedGrid());
      placeKind = "street";
    }
    boolean major = random.nextDouble() < 0.03 && !type.equals("public_opinion");
    Instant occurred =
        reported.minusSeconds(
            type.equals("public_opinion") ? random.nextInt(3600) : random.nextInt(36 * 3600));
    DemoTexts texts = DemoTexts.of(type, placeKind, random);
    boolean resident = random.nextDouble() < 0.45 && !type.equals("public_opinion");
    String name = null;
    String phone = null;
    String email = null;
    if (resident) {
      name = SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)];
      int n = random.nextInt(10_000);
      phone = String.format("1700000%04d", n);
      email = random.nextBoolean() ? String.format("resident%04d@example.com", n) : null;
    }
    Integer duplicateOf = random.nextDouble() < 0.06 ? original(type, at, reported, earlier) : null;
    boolean rejected = duplicateOf == null && random.nextDouble() < 0.01;
    List<Step> history = new ArrayList<>();
    String reason = null;
    if (duplicateOf != null) {
      history.add(new Step("duplicate", reported.plus(hours(0.2 + random.nextDouble() * 2))));
    } else if (rejected) {
      reason = "不属于网格事项，已告知当事人通过12345热线反映";
      history.add(new Step("rejected", reported.plus(hours(0.5 + random.nextDouble() * 4))));
    } else {
      handle(type, major, reported, history);
    }
    List<Step> kept = history.stream().filter(s -> s.at().isBefore(YEAR_END)).toList();
    return new DemoEvent(
        seq,
        type,
        major ? "major" : "normal",
        LocalPlane.round7(at[0]),
        LocalPlane.round7(at[1]),
        occurred,
        reported,
        texts.what(),
        texts.where(),
        texts.who(),
        texts.since(),
        name,
        phone,
        email,
        duplicateOf,
        reason,
        kept);
  }

  /** Accepted within hours, worked on, mostly resolved in time, closed a day or two later. */
  private void handle(String type, boolean major, Instant reported, List<Step> history) {
    double deadline = DEADLINE_HOURS.get(type);
    double accepted = Math.min(10, exponential(1.5));
    history.add(new Step("accepted", reported.plus(hours(accepted))));
    double started = accepted + exponential(3);
    if (major) {
      double escalated =
          random.nextDouble() < 0.9
              ? accepted + 0.2 + random.nextDouble() * 3
              : 4.5 + random.nextDouble() * 4;
      escalated = Math.max(escalated, accepted + 0.1);
      history.add(new Step("escalated", reported.plus(hours(escalated))));
      started = escalated + exponential(1);
    }
    history.add(new Step("in_progress", reported.plus(hours(started))));
    if (random.nextDouble() < 0.012) {
      return; // never finished: these are the overdue cases
    }
    double share =
        random.nextDouble() < 0.06 ? 1.05 + random.nextDouble() : 0.15 + random.nextDouble() * 0.8;
    double resolved = Math.max(started + 0.2, deadline * share);
    history.add(new Step("resolved", reported.plus(hours(resolved))));
    history.add(new Step("closed", reported.plus(hours(resolved + 12 + random.nextDouble() * 60))));
  }

  /** An earlier open-looking report of the same type within 50 m and 7 days, if any. */
  private static Integer original(
      String type, double[] at, Instant reported, List<DemoEvent> earlier) {
    for (int i = earlier.size() - 1; i >= 0; i--) {
      DemoEvent e = earlier.get(i);
      if (Duration.between(e.reportedAt(), reported).toDays() >= 7) {
        return null;
      }
      if (e.type().equals(type) && e.duplicateOf() == null && metres(e, at) < 50) {
        return e.seq();
      }
    }
    return null;
  }

  private static double metres(DemoEvent e, double[] at) {
    double dy = (e.lat() - at[1]) * 110_540;
    double dx = (e.lon() - at[0]) * 111_320 * StrictMath.cos(StrictMath.toRadians(at[1]));
    return StrictMath.hypot(dx, dy);
  }

  private double[] near(Hotspot h) {
    NewArea grid = grids.stream().filter(g -> g.code().equals(h.gridCode())).findFirst().get();
    Coordinate centre = InteriorPointArea.getInteriorPoint(grid.boundary());
    double dy = gaussian() * h.sigmaM() / 110_540;
    double dx =
        gaussian() * h.sigmaM() / (111_320 * StrictMath.cos(StrictMath.toRadians(centre.y)));
    return new double[] {centre.x + dx, centre.y + dy};
  }

  private int weightedGrid() {
    double total = 0;
    for (double w : gridWeights) {
      total += w;
    }
    double pick = random.nextDouble() * total;
    for (int i = 0; i < gridWeights.length; i++) {
      pick -= gridWeights[i];
      if (pick < 0) {
        return i;
      }
    }
    return gridWeights.length - 1;
  }

  private double[] inGrid(int index) {
    MultiPolygon shape = grids.get(index).boundary();
    Envelope env = shape.getEnvelopeInternal();
    for (int tries = 0; tries < 1000; tries++) {
      double x = env.getMinX() + random.nextDouble() * env.getWidth();
      double y = env.getMinY() + random.nextDouble() * env.getHeight();
      Point p = shape.getFactory().createPoint(new Coordinate(x, y));
      if (gridShapes.get(index).containsProperly(p)) {
        return new double[] {x, y};
      }
    }
    Coordinate c = InteriorPointArea.getInteriorPoint(shape);
    return new double[] {c.x, c.y};
  }

  private double exponential(double mean) {
    return -mean * StrictMath.log(1 - random.nextDouble());
  }

  /**
   * A standard normal draw (Box-Muller) with {@link StrictMath}, so that the file is the same bit
   * for bit on every JVM.
   */
  private double gaussian() {
    double u = 1 - random.nextDouble();
    double v = random.nextDouble();
    return StrictMath.sqrt(-2 * StrictMath.log(u)) * StrictMath.cos(2 * StrictMath.PI * v);
  }

  private static Duration hours(double h) {
    return Duration.ofSeconds(Math.round(h * 3600));
  }
}
