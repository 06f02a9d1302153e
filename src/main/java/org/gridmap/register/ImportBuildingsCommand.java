package org.gridmap.register;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gridmap.access.Principal;

/**
 * {@code gridmap import-buildings FILE [--crs CRS] [--format csv|geojson]}: imports a building file
 * with the rules of {@code POST /api/buildings/import} (all or nothing, every problem named),
 * drawing a progress bar on standard error. Audited as the operating-system user.
 */
public final class ImportBuildingsCommand {
  public static final String USAGE =
      "usage: gridmap import-buildings FILE [--crs EPSG:4490|GCJ-02|...] [--format csv|geojson]";

  private final Buildings buildings;
  private final PrintStream out;
  private final PrintStream err;

  public ImportBuildingsCommand(Buildings buildings, PrintStream out, PrintStream err) {
    this.buildings = buildings;
    this.out = out;
    this.err = err;
  }

  /** Returns the exit code: 0 imported, 1 refused, 2 bad usage. */
  public int run(List<String> args) {
    String file = null;
    String crs = null;
    String format = null;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("--crs") || a.equals("--format")) {
        if (i + 1 >= args.size()) {
          err.println(a + " needs a value\n" + USAGE);
          return 2;
        }
        if (a.equals("--crs")) {
          crs = args.get(++i);
        } else {
          format = args.get(++i);
        }
      } else if (a.startsWith("-") || file != null) {
        err.println("unexpected argument '" + a + "'\n" + USAGE);
        return 2;
      } else {
        file = a;
      }
    }
    if (file == null) {
      err.println(USAGE);
      return 2;
    }
    String text;
    try {
      text = Files.readString(Path.of(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      err.println("cannot read " + file + ": " + e.getMessage());
      return 1;
    }
    ProgressBar bar = new ProgressBar(err);
    try {
      ImportReport report =
          buildings.importFile(
              Principal.system("cli:" + System.getProperty("user.name", "unknown")),
              text,
              format,
              null,
              crs,
              null,
              bar);
      bar.finish();
      out.println(
          "imported "
              + report.imported()
              + " buildings into "
              + report.byGrid().size()
              + " grids from "
              + file
              + " ("
              + report.crs()
              + ")");
      if (!report.ignoredFields().isEmpty()) {
        out.println("ignored (not stored): " + String.join(", ", report.ignoredFields()));
      }
      return 0;
    } catch (ImportRejected e) {
      bar.finish();
      err.println("nothing was imported: " + e.problems().size() + " problems");
      e.problems().stream().limit(50).forEach(p -> err.println("  " + p));
      if (e.problems().size() > 50) {
        err.println("  ... and " + (e.problems().size() - 50) + " more");
      }
      return 1;
    }
  }
}
