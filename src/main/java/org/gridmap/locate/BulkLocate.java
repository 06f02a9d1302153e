package org.gridmap.locate;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.gridmap.error.DomainException;
import org.gridmap.geo.Crs;

/**
 * Assigns every point of a CSV file or a GeoJSON FeatureCollection to its grid, streaming: one row
 * or feature in memory at a time, whatever the size. The output is the input with the columns (or
 * properties) {@link #COLUMNS} appended; every other column passes through byte for byte.
 *
 * <p>A row whose coordinates are missing, not numbers or out of range is a bad row. With {@link
 * OnError#REJECT} (the default) the first bad row stops the run with an error naming its line; with
 * {@link OnError#MARK} the row is kept, its appended columns are empty and an {@code error} column
 * says what is wrong. A malformed file (an unclosed quote, invalid JSON) always stops the run.
 *
 * <p>The whole run uses one snapshot of the index, so a boundary change during a long run does not
 * split the file between old and new boundaries.
 */
public final class BulkLocate {
  /** The appended columns, in order. */
  public static final List<String> COLUMNS =
      List.of("town_code", "community_code", "grid_code", "grid_name", "ambiguous", "distance_m");

  public static final String ERROR_COLUMN = "error";

  private static final List<String> LON_NAMES = List.of("lon", "lng", "long", "longitude", "x");
  private static final List<String> LAT_NAMES = List.of("lat", "latitude", "y");

  public enum Format {
    CSV,
    GEOJSON
  }

  public enum OnError {
    REJECT,
    MARK
  }

  /**
   * How to read the input. {@code lonField}/{@code latField} name the CSV columns (null: the first
   * of lon, lng, long, longitude, x and lat, latitude, y, ignoring case).
   */
  public record Options(
      Format format,
      String lonField,
      String latField,
      Crs crs,
      OnError onError,
      double toleranceM) {}

  /** What a run did. */
  public record Summary(long rows, long assigned, long outside, long ambiguous, long errors) {}

  private final Supplier<GridIndex> index;
  private final ObjectMapper mapper;

  public BulkLocate(Supplier<GridIndex> index, ObjectMapper mapper) {
    this.index = index;
    this.mapper = mapper;
  }

  /** Reads {@code in}, writes the assigned rows to {@code out}; {@code rows} counts progress. */
  public Summary run(InputStream in, OutputStream out, Options options, AtomicLong rows)
      throws IOException {
    Run run = new Run(index.get(), options, rows == null ? new AtomicLong() : rows);
    if (options.format() == Format.CSV) {
      run.csv(in, out);
    } else {
      run.geoJson(in, out);
    }
    return new Summary(run.rows.get(), run.assigned, run.outside, run.ambiguous, run.errors);
  }

  /** A bad row: 400 naming its line. */
  static DomainException badRow(long line, String what) {
    return DomainException.invalid("bad_row", "Line " + line + ": " + what);
  }

  /** One run over one input with one index snapshot. */
  private final class Run {
    final GridIndex grids;
    final Options options;
    final Crs.ToWgs84 toWgs84;
    final double[] lonLat = new double[2];
    final AtomicLong rows;
    long assigned;
    long outside;
    long ambiguous;
    long errors;

    Run(GridIndex grids, Options options, AtomicLong rows) {
      this.grids = grids;
      this.options = options;
      this.toWgs84 = options.crs().transformer();
      this.rows = rows;
    }

    /** Assigns one point given as text or numbers; a problem is a bad row. */
    Assignment assign(long line, double x, double y) {
      try {
        toWgs84.apply(x, y, lonLat);
      } catch (DomainException e) {
        throw badRow(line, e.getMessage());
      }
      Assignment a = grids.locate(lonLat[0], lonLat[1], options.toleranceM());
      if (a.grid() != null) {
        assigned++;
      } else {
        outside++;
      }
      if (a.ambiguous()) {
        ambiguous++;
      }
      return a;
    }

    void csv(InputStream in, OutputStream out) throws IOException {
      CsvReader reader = new CsvReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      CsvReader.Row header = reader.next();
      if (header == null) {
        throw DomainException.invalid("bad_csv", "The CSV file is empty: no header line");
      }
      int lon = column(header.fields(), options.lonField(), LON_NAMES, "lonField");
      int lat = column(header.fields(), options.latField(), LAT_NAMES, "latField");
      boolean mark = options.onError() == OnError.MARK;
      String br = reader.lineBreak();
      Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
      if (reader.hadBom()) {
        w.write('\uFEFF');
      }
      w.write(header.raw());
      for (String c : COLUMNS) {
        w.write(',');
        w.write(c);
      }
      if (mark) {
        w.write("," + ERROR_COLUMN);
      }
      w.write(br);
      for (CsvReader.Row row = reader.next(); row != null; row = reader.next()) {
        rows.incrementAndGet();
        w.write(row.raw());
        try {
          Assignment a = assign(row.line(), number(row, lon, header), number(row, lat, header));
          String[] cells = cells(a);
          for (String cell : cells) {
            w.write(',');
            w.write(CsvReader.quote(cell));
          }
          if (mark) {
            w.write(',');
          }
        } catch (DomainException e) {
          if (!mark) {
            throw e;
          }
          errors++;
          w.write(",".repeat(COLUMNS.size() + 1));
          w.write(CsvReader.quote(e.getMessage()));
        }
        w.write(br);
      }
      w.flush();
    }

    private double number(CsvReader.Row row, int column, CsvReader.Row header) {
      String name = header.fields().get(column);
      if (column >= row.fields().size()) {
        throw badRow(row.line(), "no value in column '" + name + "'");
      }
      String text = row.fields().get(column).trim();
      try {
        double v = Double.parseDouble(text);
        if (!Double.isFinite(v)) {
          throw new NumberFormatException();
        }
        return v;
      } catch (NumberFormatException e) {
        throw badRow(row.line(), "'" + text + "' in column '" + name + "' is not a number");
      }
    }

    void geoJson(InputStream in, OutputStream out) throws IOException {
      boolean mark = options.onError() == OnError.MARK;
      try (JsonParser p = mapper.getFactory().createParser(in);
          JsonGenerator g = mapper.getFactory().createGenerator(out)) {
        if (p.nextToken() != JsonToken.START_OBJECT) {
          throw notACollection();
        }
        boolean collection = false;
        boolean features = false;
        g.writeStartObject();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          JsonToken value = p.nextToken();
          if (name.equals("features") && value == JsonToken.START_ARRAY) {
            features = true;
            g.writeArrayFieldStart("features");
            long n = 0;
            while (p.nextToken() == JsonToken.START_OBJECT) {
              long line = p.currentTokenLocation().getLineNr();
              n++;
              rows.incrementAndGet();
              ObjectNode feature = mapper.readTree(p);
              try {
                properties(feature).setAll(assignFeature(feature, n, line));
              } catch (DomainException e) {
                if (!mark) {
                  throw e;
                }
                errors++;
                ObjectNode props = properties(feature);
                COLUMNS.forEach(props::putNull);
                props.put(ERROR_COLUMN, e.getMessage());
              }
              g.writeTree(feature);
            }
            g.writeEndArray();
          } else {
            if (name.equals("type")) {
              collection =
                  value == JsonToken.VALUE_STRING && "FeatureCollection".equals(p.getText());
            }
            g.writeFieldName(name);
            g.copyCurrentStructure(p);
          }
        }
        if (!collection || !features) {
          throw notACollection();
        }
        g.writeEndObject();
      }
    }

    private ObjectNode assignFeature(ObjectNode feature, long n, long line) {
      JsonNode geometry = feature.get("geometry");
      JsonNode xy = geometry == null ? null : geometry.get("coordinates");
      if (geometry == null
          || !"Point".equals(geometry.path("type").asText())
          || xy == null
          || xy.size() < 2
          || !xy.get(0).isNumber()
          || !xy.get(1).isNumber()) {
        throw badRow(line, "feature " + n + " has no Point geometry with two numbers");
      }
      Assignment a = assign(line, xy.get(0).asDouble(), xy.get(1).asDouble());
      ObjectNode props = mapper.createObjectNode();
      String[] cells = cells(a);
      props.put(COLUMNS.get(0), a.codeAt("town"));
      props.put(COLUMNS.get(1), a.codeAt("community"));
      props.put(COLUMNS.get(2), cells[2].isEmpty() ? null : cells[2]);
      props.put(COLUMNS.get(3), cells[3].isEmpty() ? null : cells[3]);
      props.put(COLUMNS.get(4), a.ambiguous());
      props.put(COLUMNS.get(5), distance(a));
      return props;
    }

    private ObjectNode properties(ObjectNode feature) {
      JsonNode p = feature.get("properties");
      if (p instanceof ObjectNode o) {
        return o;
      }
      return feature.putObject("properties");
    }
  }

  /**
   * The appended values: codes of the town, community and grid on the path, the grid's name,
   * whether another grid is within the tolerance, and the distance in metres to the grid's boundary
   * (outside all grids: to the nearest grid).
   */
  static String[] cells(Assignment a) {
    Double d = distance(a);
    return new String[] {
      nonNull(a.codeAt("town")),
      nonNull(a.codeAt("community")),
      a.grid() == null ? "" : a.grid().code(),
      a.grid() == null ? "" : a.grid().name(),
      String.valueOf(a.ambiguous()),
      d == null ? "" : String.format(Locale.ROOT, "%.2f", d)
    };
  }

  private static Double distance(Assignment a) {
    if (a.grid() != null) {
      return round2(a.distanceToBoundaryM());
    }
    return a.nearest() == null ? null : round2(a.nearest().distanceM());
  }

  private static double round2(double v) {
    return Math.round(v * 100) / 100.0;
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }

  private static DomainException notACollection() {
    return DomainException.invalid(
        "bad_geojson", "The body is not a GeoJSON FeatureCollection with a 'features' array");
  }

  /** Finds a column by its given name, or by the usual names; 400 naming the parameter. */
  private static int column(List<String> header, String wanted, List<String> usual, String param) {
    if (wanted != null) {
      for (int i = 0; i < header.size(); i++) {
        if (header.get(i).trim().equals(wanted)) {
          return i;
        }
      }
      throw DomainException.invalid(
          "invalid_parameter",
          "Parameter '" + param + "': no column '" + wanted + "' in the header " + header);
    }
    for (String name : usual) {
      for (int i = 0; i < header.size(); i++) {
        if (header.get(i).trim().equalsIgnoreCase(name)) {
          return i;
        }
      }
    }
    throw DomainException.invalid(
        "invalid_parameter",
        "Parameter '"
            + param
            + "' is needed: none of the columns "
            + header
            + " is one of "
            + usual);
  }
}
