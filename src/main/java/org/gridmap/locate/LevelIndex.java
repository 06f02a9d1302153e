package org.gridmap.locate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.gridmap.locate.Assignment.AreaRef;
import org.gridmap.locate.Assignment.Candidate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * The areas of one level, in ascending code order (an area's ordinal is its position), with a
 * {@link CellCover} for exact lookups and an R-tree of bounding boxes for distance questions.
 */
final class LevelIndex {
  final String level;
  final AreaRef[] refs;
  final String[] parents;
  final AreaShape[] shapes;
  private final CellCover cover;
  private final STRtree boxes = new STRtree();
  private final Envelope extent = new Envelope();

  LevelIndex(String level, List<Boundary> areas) {
    this.level = level;
    List<Boundary> sorted = new ArrayList<>(areas);
    sorted.sort(Comparator.comparing(Boundary::code));
    int n = sorted.size();
    this.refs = new AreaRef[n];
    this.parents = new String[n];
    this.shapes = new AreaShape[n];
    for (int i = 0; i < n; i++) {
      Boundary b = sorted.get(i);
      refs[i] = new AreaRef(level, b.code(), b.name());
      parents[i] = b.parentCode();
      shapes[i] = new AreaShape(b.geometry());
      extent.expandToInclude(shapes[i].envelope());
      boxes.insert(shapes[i].envelope(), i);
    }
    boxes.build();
    this.cover = CellCover.build(shapes, extent);
  }

  int size() {
    return shapes.length;
  }

  /** The area with the smallest code whose closure contains the point; -1 when none. */
  int find(double lon, double lat) {
    return cover.find(lon, lat, shapes);
  }

  /** Like {@link #find} among the children of {@code parent}. */
  int findChild(double lon, double lat, String parent) {
    return cover.find(lon, lat, shapes, a -> parent.equals(parents[a]));
  }

  /** The areas other than {@code except} within {@code toleranceM} of the point, nearest first. */
  List<Candidate> near(double lon, double lat, double toleranceM, int except) {
    List<Candidate> found = new ArrayList<>();
    for (int a : inBox(lon, lat, toleranceM)) {
      if (a == except) {
        continue;
      }
      double d = shapes[a].distanceM(lon, lat);
      if (d <= toleranceM) {
        found.add(new Candidate(refs[a], d));
      }
    }
    found.sort(
        Comparator.comparingDouble(Candidate::distanceM).thenComparing(c -> c.area().code()));
    return found;
  }

  /** The nearest area and its distance, searching boxes of growing size; null when empty. */
  Candidate nearest(double lon, double lat) {
    if (shapes.length == 0) {
      return null;
    }
    for (double r = 50; ; r *= 4) {
      int best = -1;
      double bestD = Double.POSITIVE_INFINITY;
      List<Integer> hits = inBox(lon, lat, r);
      for (int a : hits) {
        double d = shapes[a].distanceM(lon, lat);
        if (d < bestD || (d == bestD && a < best)) {
          best = a;
          bestD = d;
        }
      }
      if (best >= 0 && (bestD <= r || hits.size() == shapes.length)) {
        return new Candidate(refs[best], bestD);
      }
      if (r > 4e7) { // the box spans the Earth: take the best of all
        return best >= 0 ? new Candidate(refs[best], bestD) : null;
      }
    }
  }

  /** Ordinals of the areas whose bounding box meets the square of half-side r metres. */
  @SuppressWarnings("unchecked")
  private List<Integer> inBox(double lon, double lat, double r) {
    double dLat = r / AreaShape.metresPerDegreeLat();
    double cos = Math.max(Math.cos(Math.toRadians(lat)), 1e-6);
    double dLon = Math.min(360, dLat / cos);
    return boxes.query(new Envelope(lon - dLon, lon + dLon, lat - dLat, lat + dLat));
  }

  double pureShare() {
    return cover.pureShare();
  }
}
