package org.gridmap.locate;

import java.util.Arrays;
import java.util.function.IntPredicate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Location;

/**
 * A uniform raster over the areas of one level that answers most point lookups without a polygon
 * test. Every cell is one of: empty (no area reaches it), pure (wholly inside exactly one area and
 * crossed by no edge: the answer is that area), or mixed (a short list of the areas whose edges
 * cross it or that contain it, in ascending code order, each tested exactly with {@link
 * AreaShape}).
 *
 * <p>Building is conservative: an edge is registered in every cell it passes within a tiny margin
 * of, so a cell without a registered edge of an area is entirely inside or entirely outside it, and
 * one exact test of the cell's centre decides which. Lookups therefore give the same answer as
 * testing every area, only faster.
 */
final class CellCover {
  /** Target number of cells per area: more cells, more pure cells, more memory. */
  static final int CELLS_PER_AREA = 48;

  static final int MAX_CELLS = 1 << 23;

  private static final int EMPTY = -1;

  private final double x0;
  private final double y0;
  private final double cw;
  private final double ch;
  private final double invCw;
  private final double invCh;
  private final int nx;
  private final int ny;

  /** Per cell: an area ordinal (pure), {@link #EMPTY}, or {@code -2 - list} for a mixed cell. */
  private final int[] cells;

  private final int[] listStart;
  private final int[] lists;

  private CellCover(
      double x0, double y0, double cw, double ch, int nx, int ny, int[] cells, int[] ls, int[] l) {
    this.x0 = x0;
    this.y0 = y0;
    this.cw = cw;
    this.ch = ch;
    this.invCw = 1 / cw;
    this.invCh = 1 / ch;
    this.nx = nx;
    this.ny = ny;
    this.cells = cells;
    this.listStart = ls;
    this.lists = l;
  }

  /** Builds the cover of {@code shapes}, whose index is the area's ordinal (ascending code). */
  static CellCover build(AreaShape[] shapes, Envelope extent) {
    long segments = 0;
    for (AreaShape s : shapes) {
      segments += s.segments();
    }
    long target =
        Math.max(1024, Math.min(MAX_CELLS, (long) CELLS_PER_AREA * shapes.length + 2 * segments));
    double w = Math.max(extent.getWidth(), 1e-9);
    double h = Math.max(extent.getHeight(), 1e-9);
    double size = Math.sqrt(w * h / target);
    int nx = (int) Math.max(1, Math.min(MAX_CELLS, Math.ceil(w / size)));
    int ny = (int) Math.max(1, Math.min(MAX_CELLS / nx, Math.ceil(h / size)));
    // a margin of a percent of a cell around the extent, so points on its edge fall inside
    double cw = w / nx * 1.02;
    double ch = h / ny * 1.02;
    double x0 = extent.getMinX() - w / nx * 0.01;
    double y0 = extent.getMinY() - h / ny * 0.01;
    Builder b = new Builder(x0, y0, cw, ch, nx, ny);
    for (int i = 0; i < shapes.length; i++) {
      b.add(i, shapes[i]);
    }
    return b.finish();
  }

  /** The first area, in ascending code order, whose closure contains the point; -1 when none. */
  int find(double x, double y, AreaShape[] shapes) {
    int v = cellValue(x, y);
    if (v >= EMPTY) {
      return v;
    }
    int list = -2 - v;
    for (int k = listStart[list], end = listStart[list + 1]; k < end; k++) {
      int a = lists[k];
      if (shapes[a].covers(x, y)) {
        return a;
      }
    }
    return -1;
  }

  /** Like {@link #find} among the areas {@code accept} admits. */
  int find(double x, double y, AreaShape[] shapes, IntPredicate accept) {
    int v = cellValue(x, y);
    if (v >= 0) {
      return accept.test(v) ? v : -1;
    }
    if (v == EMPTY) {
      return -1;
    }
    int list = -2 - v;
    for (int k = listStart[list], end = listStart[list + 1]; k < end; k++) {
      int a = lists[k];
      if (accept.test(a) && shapes[a].covers(x, y)) {
        return a;
      }
    }
    return -1;
  }

  private int cellValue(double x, double y) {
    double fx = (x - x0) * invCw;
    double fy = (y - y0) * invCh;
    if (!(fx >= 0 && fx < nx && fy >= 0 && fy < ny)) { // also false for NaN
      return EMPTY;
    }
    return cells[(int) fy * nx + (int) fx];
  }

  /** Share of cells that answer without a polygon test, for diagnostics. */
  double pureShare() {
    long pure = Arrays.stream(cells).filter(v -> v >= 0).count();
    long used = Arrays.stream(cells).filter(v -> v != EMPTY).count();
    return used == 0 ? 1 : (double) pure / used;
  }

  int cellCount() {
    return cells.length;
  }

  /** Collects (cell, area, kind) entries area by area, then packs them into the cover. */
  private static final class Builder {
    private final double x0;
    private final double y0;
    private final double cw;
    private final double ch;
    private final int nx;
    private final int ny;
    private final double mx;
    private final double my;
    private final int[] stamp;
    private long[] entries = new long[1 << 16];
    private int size;
    private int stampValue;

    Builder(double x0, double y0, double cw, double ch, int nx, int ny) {
      this.x0 = x0;
      this.y0 = y0;
      this.cw = cw;
      this.ch = ch;
      this.nx = nx;
      this.ny = ny;
      this.mx = cw * 1e-6;
      this.my = ch * 1e-6;
      this.stamp = new int[nx * ny];
    }

    private int col(double x) {
      return clamp((int) Math.floor((x - x0) / cw), nx);
    }

    private int row(double y) {
      return clamp((int) Math.floor((y - y0) / ch), ny);
    }

    private static int clamp(int v, int n) {
      return v < 0 ? 0 : v >= n ? n - 1 : v;
    }

    void add(int area, AreaShape shape) {
      stampValue = area + 1;
      shape.forEachSegment((ax, ay, bx, by) -> edge(area, ax, ay, bx, by));
      Envelope e = shape.envelope();
      for (int r = row(e.getMinY() - my), r1 = row(e.getMaxY() + my); r <= r1; r++) {
        double cy = y0 + (r + 0.5) * ch;
        for (int c = col(e.getMinX() - mx), c1 = col(e.getMaxX() + mx); c <= c1; c++) {
          int cell = r * nx + c;
          if (stamp[cell] != stampValue
              && shape.locate(x0 + (c + 0.5) * cw, cy) == Location.INTERIOR) {
            push(cell, area, 1);
          }
        }
      }
    }

    /** Registers the segment in every cell it passes within the margin of. */
    private void edge(int area, double ax, double ay, double bx, double by) {
      double minX = Math.min(ax, bx);
      double maxX = Math.max(ax, bx);
      double minY = Math.min(ay, by);
      double maxY = Math.max(ay, by);
      int c0 = col(minX - mx);
      int c1 = col(maxX + mx);
      int r0 = row(minY - my);
      int r1 = row(maxY + my);
      if (c0 == c1 || r0 == r1) {
        for (int r = r0; r <= r1; r++) {
          for (int c = c0; c <= c1; c++) {
            mark(area, r * nx + c);
          }
        }
      } else if (maxX - minX >= maxY - minY) {
        double slope = (by - ay) / (bx - ax); // walk the longer axis: |slope| <= 1 in degrees
        for (int c = c0; c <= c1; c++) {
          double xl = Math.max(minX, x0 + c * cw - mx);
          double xr = Math.min(maxX, x0 + (c + 1) * cw + mx);
          double yl = ay + (xl - ax) * slope;
          double yr = ay + (xr - ax) * slope;
          int ra = row(Math.min(yl, yr) - my);
          int rb = row(Math.max(yl, yr) + my);
          for (int r = ra; r <= rb; r++) {
            mark(area, r * nx + c);
          }
        }
      } else {
        double slope = (bx - ax) / (by - ay);
        for (int r = r0; r <= r1; r++) {
          double yb = Math.max(minY, y0 + r * ch - my);
          double yt = Math.min(maxY, y0 + (r + 1) * ch + my);
          double xb = ax + (yb - ay) * slope;
          double xt = ax + (yt - ay) * slope;
          int ca = col(Math.min(xb, xt) - mx);
          int cb = col(Math.max(xb, xt) + mx);
          for (int c = ca; c <= cb; c++) {
            mark(area, r * nx + c);
          }
        }
      }
    }

    private void mark(int area, int cell) {
      if (stamp[cell] != stampValue) {
        stamp[cell] = stampValue;
        push(cell, area, 0);
      }
    }

    private void push(int cell, int area, int interior) {
      if (size == entries.length) {
        entries = Arrays.copyOf(entries, entries.length * 2);
      }
      entries[size++] = ((long) cell << 32) | ((long) area << 1) | interior;
    }

    CellCover finish() {
      int n = nx * ny;
      int[] count = new int[n];
      int[] only = new int[n]; // the last entry seen per cell
      for (int i = 0; i < size; i++) {
        int cell = (int) (entries[i] >>> 32);
        count[cell]++;
        only[cell] = (int) entries[i];
      }
      int[] cells = new int[n];
      int lists = 0;
      int listed = 0;
      for (int cell = 0; cell < n; cell++) {
        if (count[cell] == 0) {
          cells[cell] = EMPTY;
        } else if (count[cell] == 1 && (only[cell] & 1) == 1) {
          cells[cell] = only[cell] >>> 1;
        } else {
          cells[cell] = -2 - lists;
          lists++;
          listed += count[cell];
        }
      }
      int[] start = new int[lists + 1];
      for (int cell = 0, l = 0, pos = 0; cell < n; cell++) {
        if (cells[cell] <= -2) {
          start[l++] = pos;
          pos += count[cell];
        }
      }
      start[lists] = listed;
      int[] fill = new int[lists];
      int[] members = new int[listed];
      // entries were pushed area by area, so each cell's members come out in ascending order
      for (int i = 0; i < size; i++) {
        int cell = (int) (entries[i] >>> 32);
        int v = cells[cell];
        if (v <= -2) {
          int l = -2 - v;
          members[start[l] + fill[l]++] = ((int) entries[i]) >>> 1;
        }
      }
      entries = null;
      return new CellCover(x0, y0, cw, ch, nx, ny, cells, start, members);
    }
  }
}
