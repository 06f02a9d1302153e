package org.gridmap.geo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.gridmap.error.DomainException;

/**
 * Reads the formats JTS cannot (Shapefile, GeoPackage, KML, FlatGeobuf, DXF, and any of them in a
 * zip) through GDAL's command-line tools: {@code ogrinfo} lists the layers and their coordinate
 * systems, {@code ogr2ogr} writes the chosen layer to a temporary GeoJSON file, which is then
 * streamed like any other GeoJSON.
 *
 * <p>Coordinates are kept as the file has them whenever its CRS has an EPSG code that proj4j knows
 * (GDAL writes it as the GeoJSON {@code crs} member), so that range checks and conversions are the
 * same as for GeoJSON input; only a CRS without an EPSG code is reprojected by GDAL itself ({@code
 * -t_srs EPSG:4326}). DXF has no polygon type of its own: closed polylines become polygons ({@code
 * -nlt MULTIPOLYGON}), open ones stay lines and are reported as not areas.
 */
public final class Ogr {
  private static final Pattern TOP_LEVEL_EPSG = Pattern.compile("ID\\[\"EPSG\",(\\d+)\\]\\]\\s*$");
  private static final List<String> DATASET_EXTENSIONS =
      List.of("shp", "gpkg", "kml", "kmz", "fgb", "dxf", "geojson", "json");

  private final String ogr2ogr;
  private final String ogrinfo;

  /** The commands to run, normally {@code ogr2ogr} and {@code ogrinfo} from the PATH. */
  public Ogr(String ogr2ogr, String ogrinfo) {
    this.ogr2ogr = ogr2ogr;
    this.ogrinfo = ogrinfo;
  }

  /** One layer of a dataset as {@code ogrinfo} describes it. */
  record Layer(String dataset, String name, String geometry, long features, Srs srs) {
    String describe() {
      return name + " (" + geometry + ", " + features + " features)";
    }
  }

  /** A layer's coordinate system: none, an EPSG code, or one GDAL could not name. */
  record Srs(boolean present, Integer epsg) {
    static final Srs NONE = new Srs(false, null);
  }

  /**
   * Converts one layer of {@code file} to GeoJSON and opens it; reports call it {@code name}.
   *
   * @param layer the layer to read, or null to take the only one (or the only polygon layer)
   * @param keepCoordinates true when the caller names the CRS itself ({@code --crs}): coordinates
   *     are then never reprojected by GDAL
   */
  public FeatureSource open(
      Path file, String name, SourceFormat format, String layer, boolean keepCoordinates) {
    List<Layer> layers = new ArrayList<>();
    for (String dataset : datasets(file, name, format)) {
      layers.addAll(layers(dataset, name));
    }
    Layer chosen = choose(layers, layer, name);
    boolean reproject =
        !keepCoordinates
            && chosen.srs().present()
            && (chosen.srs().epsg() == null || !proj4jKnows(chosen.srs().epsg()));
    Path dir = tempDir();
    Path out = dir.resolve("layer.geojson");
    List<String> command = new ArrayList<>(List.of(ogr2ogr, "-f", "GeoJSON", "-dim", "XY"));
    if (format == SourceFormat.DXF) {
      command.addAll(List.of("-nlt", "MULTIPOLYGON"));
    }
    if (reproject) {
      command.addAll(List.of("-t_srs", "EPSG:4326"));
    }
    command.addAll(List.of(out.toString(), chosen.dataset(), chosen.name()));
    Result r = run(command, format);
    if (r.exit() != 0 || !Files.exists(out)) {
      delete(dir);
      throw unreadable(name, r.stderr());
    }
    String description =
        name
            + " (layer "
            + chosen.name()
            + ", "
            + format.title
            + " via GDAL"
            + (reproject ? ", reprojected by GDAL to EPSG:4326" : "")
            + ")";
    return GeoJsonFeatureReader.converted(out, description, () -> delete(dir));
  }

  /** The datasets inside a file: itself, or each dataset file in a zip (not macOS metadata). */
  private static List<String> datasets(Path file, String name, SourceFormat format) {
    if (format != SourceFormat.ZIP) {
      return List.of(file.toString());
    }
    try (ZipFile zip = new ZipFile(file.toFile())) {
      List<String> found =
          zip.stream()
              .filter(e -> !e.isDirectory())
              .map(ZipEntry::getName)
              .filter(n -> !n.startsWith("__MACOSX/") && !n.contains("/._") && !n.startsWith("._"))
              .filter(
                  n ->
                      DATASET_EXTENSIONS.stream()
                          .anyMatch(x -> n.toLowerCase(Locale.ROOT).endsWith("." + x)))
              .sorted()
              .map(n -> "/vsizip/" + file.toAbsolutePath() + "/" + n)
              .toList();
      if (found.isEmpty()) {
        throw new DomainException(
            DomainException.Kind.UNPROCESSABLE,
            "unreadable_file",
            name + " holds no .shp, .gpkg, .kml, .fgb, .dxf or .geojson file");
      }
      return found;
    } catch (IOException e) {
      throw new DomainException(
          DomainException.Kind.UNPROCESSABLE,
          "unreadable_file",
          name + " is not a readable zip archive: " + e.getMessage());
    }
  }

  private List<Layer> layers(String dataset, String name) {
    Result r = run(List.of(ogrinfo, "-ro", "-so", "-al", "-nomd", dataset), null);
    if (r.exit() != 0) {
      throw unreadable(name, r.stderr());
    }
    return parseLayers(dataset, r.stdout());
  }

  /** Reads the layer summaries of {@code ogrinfo -so -al}. */
  static List<Layer> parseLayers(String dataset, String info) {
    List<Layer> layers = new ArrayList<>();
    String[] lines = info.split("\\R");
    String name = null;
    String geometry = "Unknown";
    long count = -1;
    Srs srs = Srs.NONE;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.startsWith("Layer name: ")) {
        if (name != null) {
          layers.add(new Layer(dataset, name, geometry, count, srs));
        }
        name = line.substring("Layer name: ".length()).trim();
        geometry = "Unknown";
        count = -1;
        srs = Srs.NONE;
      } else if (line.startsWith("Geometry: ")) {
        geometry = line.substring("Geometry: ".length()).trim();
      } else if (line.startsWith("Feature Count: ")) {
        count = Long.parseLong(line.substring("Feature Count: ".length()).trim());
      } else if (line.startsWith("Layer SRS WKT:") && i + 1 < lines.length) {
        StringBuilder wkt = new StringBuilder();
        int depth = 0;
        do {
          String w = lines[++i];
          wkt.append(w.trim());
          depth += count(w, '[') - count(w, ']');
        } while (depth > 0 && i + 1 < lines.length);
        String text = wkt.toString();
        if (!text.equals("(unknown)")) {
          Matcher m = TOP_LEVEL_EPSG.matcher(text);
          srs = new Srs(true, m.find() ? Integer.valueOf(m.group(1)) : null);
        }
      }
    }
    if (name != null) {
      layers.add(new Layer(dataset, name, geometry, count, srs));
    }
    return layers;
  }

  private static Layer choose(List<Layer> layers, String wanted, String name) {
    if (wanted != null) {
      return layers.stream()
          .filter(l -> l.name().equalsIgnoreCase(wanted))
          .findFirst()
          .orElseThrow(
              () ->
                  DomainException.invalid(
                      "unknown_layer",
                      name + " has no layer '" + wanted + "'; its layers: " + describe(layers)));
    }
    if (layers.size() == 1) {
      return layers.get(0);
    }
    List<Layer> polygons =
        layers.stream()
            .filter(l -> l.geometry().toLowerCase(Locale.ROOT).contains("polygon"))
            .toList();
    if (polygons.size() == 1) {
      return polygons.get(0);
    }
    throw DomainException.invalid(
        "choose_layer",
        layers.isEmpty()
            ? name + " has no layers"
            : name
                + " has "
                + layers.size()
                + " layers: "
                + describe(layers)
                + "; choose one with --layer (API: layer=)");
  }

  private static String describe(List<Layer> layers) {
    return String.join(", ", layers.stream().map(Layer::describe).toList());
  }

  private static boolean proj4jKnows(int epsg) {
    try {
      Crs.parse("EPSG:" + epsg);
      return true;
    } catch (DomainException e) {
      return false;
    }
  }

  private record Result(int exit, String stdout, String stderr) {}

  private Result run(List<String> command, SourceFormat format) {
    Path dir = tempDir();
    try {
      Path out = dir.resolve("stdout");
      Path err = dir.resolve("stderr");
      Process p;
      try {
        p =
            new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
      } catch (IOException e) {
        throw gdalMissing(format);
      }
      int exit = p.waitFor();
      return new Result(
          exit,
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + command.get(0), e);
    } finally {
      delete(dir);
    }
  }

  private static DomainException gdalMissing(SourceFormat format) {
    return new DomainException(
        DomainException.Kind.UNSUPPORTED_MEDIA_TYPE,
        "gdal_missing",
        "Reading "
            + (format == null ? "this format" : format.title)
            + " needs GDAL's ogr2ogr and ogrinfo, which are not installed on the server: install"
            + " the Debian package gdal-bin (apt-get install gdal-bin), or convert the file to"
            + " GeoJSON first");
  }

  private static DomainException unreadable(String name, String stderr) {
    String why =
        stderr
            .lines()
            .filter(l -> !l.isBlank())
            .limit(3)
            .reduce((a, b) -> a + "; " + b)
            .orElse("GDAL could not read it");
    return new DomainException(
        DomainException.Kind.UNPROCESSABLE,
        "unreadable_file",
        "GDAL cannot read " + name + ": " + why);
  }

  private static int count(String s, char c) {
    return (int) s.chars().filter(ch -> ch == c).count();
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("gridmap-ogr");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> all = Files.walk(dir)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary folder that cannot be removed is left to the system's cleaning
    }
  }
}
