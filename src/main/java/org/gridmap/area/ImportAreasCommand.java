package org.gridmap.area;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.gridmap.access.Principal;
import org.gridmap.error.DomainException;
import org.gridmap.geo.SourceFormat;

/**
 * {@code gridmap import-areas FILE --level LEVEL [options]}: imports a file of boundaries from the
 * command line, audited as the operating-system user. The report goes to standard output (text, or
 * JSON with {@code --report json}); a progress bar goes to standard error when it is a terminal or
 * {@code --progress} is given, and a final line always.
 */
public final class ImportAreasCommand {
  public static final String USAGE =
      """
      usage: gridmap import-areas FILE --level LEVEL [--parent CODE]
                 [--code-field F] [--name-field F] [--crs EPSG:xxxx|GCJ-02|BD-09]
                 [--layer NAME] [--format geojson|shp|zip|gpkg|kml|fgb|dxf]
                 [--repair] [--max-area-change PCT] [--dry-run]
                 [--straddle PCT] [--sliver M2] [--report text|json] [--progress]
      """;

  private final AreaImport importer;
  private final ObjectMapper mapper;
  private final PrintStream out;
  private final PrintStream err;
  private final boolean terminal;

  /**
   * @param terminal true when standard error is a terminal (the progress bar is drawn then)
   */
  public ImportAreasCommand(
      AreaImport importer,
      ObjectMapper mapper,
      PrintStream out,
      PrintStream err,
      boolean terminal) {
    this.importer = importer;
    this.mapper = mapper;
    this.out = out;
    this.err = err;
    this.terminal = terminal;
  }

  /** Returns the exit code: 0 imported (or a dry run that would), 1 rejected or failed, 2 usage. */
  public int run(List<String> args) {
    Args a;
    try {
      a = Args.parse(args);
    } catch (IllegalArgumentException e) {
      err.println("import-areas: " + e.getMessage());
      err.print(USAGE);
      return 2;
    }
    Path file = Path.of(a.file);
    if (!Files.isReadable(file)) {
      err.println("import-areas: cannot read " + file);
      return 1;
    }
    SourceFormat format =
        a.format != null
            ? SourceFormat.named(a.format)
            : SourceFormat.ofFileName(file.getFileName().toString())
                .orElseThrow(
                    () ->
                        new DomainException(
                            DomainException.Kind.UNSUPPORTED_MEDIA_TYPE,
                            "unsupported_format",
                            "Cannot tell the format of "
                                + file.getFileName()
                                + " from its extension; give --format ("
                                + SourceFormat.known()
                                + ")"));
    ProgressBar bar = new ProgressBar(err, terminal || a.progress);
    ImportReport report;
    try {
      report =
          importer.run(
              Principal.commandLine(),
              null,
              new AreaImport.Source(file, file.getFileName().toString(), format),
              a.options,
              bar);
    } catch (ImportRejected e) {
      bar.finish("rejected: " + e.getMessage());
      print(e.report(), a.json);
      return 1;
    }
    bar.finish(
        report.status().equals(ImportReport.DRY_RUN)
            ? "dry run: nothing was changed"
            : "imported " + report.featuresAccepted() + " areas");
    print(report, a.json);
    return 0;
  }

  private void print(ImportReport report, boolean json) {
    if (!json) {
      out.print(ImportReportText.render(report));
      return;
    }
    try {
      out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(report));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the report as JSON", e);
    }
  }

  /** The parsed command line. */
  private static final class Args {
    String file;
    String format;
    boolean json;
    boolean progress;
    ImportOptions options;

    static Args parse(List<String> args) {
      Args a = new Args();
      String level = null;
      String parent = null;
      String codeField = null;
      String nameField = null;
      String crs = null;
      String layer = null;
      boolean repair = false;
      boolean dryRun = false;
      double maxChange = ImportOptions.DEFAULT_MAX_AREA_CHANGE_PERCENT;
      double straddle = ImportOptions.DEFAULT_STRADDLE_PERCENT;
      double sliver = CoverageQa.DEFAULT_SLIVER_M2;
      for (int i = 0; i < args.size(); i++) {
        String arg = args.get(i);
        switch (arg) {
          case "--repair" -> repair = true;
          case "--dry-run" -> dryRun = true;
          case "--progress" -> a.progress = true;
          case "--level",
              "--parent",
              "--code-field",
              "--name-field",
              "--crs",
              "--layer",
              "--format",
              "--report",
              "--max-area-change",
              "--straddle",
              "--sliver" -> {
            if (i + 1 >= args.size()) {
              throw new IllegalArgumentException(arg + " needs a value");
            }
            String v = args.get(++i);
            switch (arg) {
              case "--level" -> level = v;
              case "--parent" -> parent = v;
              case "--code-field" -> codeField = v;
              case "--name-field" -> nameField = v;
              case "--crs" -> crs = v;
              case "--layer" -> layer = v;
              case "--format" -> a.format = v;
              case "--max-area-change" -> maxChange = number(arg, v);
              case "--straddle" -> straddle = number(arg, v);
              case "--sliver" -> sliver = number(arg, v);
              default -> {
                if (!v.equals("json") && !v.equals("text")) {
                  throw new IllegalArgumentException("--report is text or json, not '" + v + "'");
                }
                a.json = v.equals("json");
              }
            }
          }
          default -> {
            if (arg.startsWith("-") || a.file != null) {
              throw new IllegalArgumentException("unexpected argument '" + arg + "'");
            }
            a.file = arg;
          }
        }
      }
      if (a.file == null) {
        throw new IllegalArgumentException("which file? give FILE");
      }
      if (level == null) {
        throw new IllegalArgumentException("--level is required (e.g. --level grid)");
      }
      a.options =
          new ImportOptions(
              level, parent, codeField, nameField, crs, layer, repair, dryRun, maxChange, straddle,
              sliver);
      return a;
    }

    private static double number(String option, String v) {
      try {
        return Double.parseDouble(v);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(option + " takes a number, not '" + v + "'");
      }
    }
  }

  /** Draws {@code [#####-----] 52 % 12,345 features} on one line of standard error. */
  static final class ProgressBar implements ImportProgress {
    private static final int WIDTH = 30;
    private final PrintStream err;
    private final boolean draw;
    private final long started = System.nanoTime();
    private long lastDrawn;
    private long features;

    ProgressBar(PrintStream err, boolean draw) {
      this.err = err;
      this.draw = draw;
    }

    @Override
    public void read(long features, long bytesRead, long totalBytes) {
      this.features = features;
      long now = System.nanoTime();
      if (!draw || (now - lastDrawn < 100_000_000L && bytesRead < totalBytes)) {
        return;
      }
      lastDrawn = now;
      int percent = totalBytes > 0 ? (int) (bytesRead * 100 / totalBytes) : 0;
      int filled = percent * WIDTH / 100;
      err.print(
          String.format(
              Locale.ROOT,
              "\r[%s%s] %3d %%  %,d features",
              "#".repeat(filled),
              "-".repeat(WIDTH - filled),
              percent,
              features));
      err.flush();
    }

    @Override
    public void step(String name) {
      if (draw) {
        err.print("\r" + " ".repeat(WIDTH + 30) + "\r" + name + " ...");
        err.flush();
      }
    }

    void finish(String outcome) {
      if (draw) {
        err.print("\r" + " ".repeat(WIDTH + 30) + "\r");
      }
      err.println(
          String.format(
              Locale.ROOT,
              "import-areas: %,d features read in %.1f s; %s",
              features,
              (System.nanoTime() - started) / 1e9,
              outcome));
    }
  }
}
