package org.gridmap.testing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs GDAL's command-line tools ({@code ogrinfo}, {@code ogr2ogr}; Debian package {@code
 * gdal-bin}) as a client nobody here wrote. A missing tool fails the test with the package to
 * install: it is never a reason to skip.
 */
public final class Gdal {
  private Gdal() {}

  /** Runs the tool and returns its standard output; a non-zero exit fails with its messages. */
  public static String run(String tool, String... args) {
    List<String> command = new ArrayList<>();
    command.add(executable(tool).toString());
    command.addAll(List.of(args));
    try {
      Path out = Files.createTempFile("gdal", ".out");
      Path err = Files.createTempFile("gdal", ".err");
      ProcessBuilder pb =
          new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
      Map<String, String> env = pb.environment();
      // only loopback is ever reached; no proxy may stand in the way
      env.put("NO_PROXY", "127.0.0.1,localhost");
      env.put("no_proxy", "127.0.0.1,localhost");
      env.put("GDAL_HTTP_TIMEOUT", "120");
      // Javalin answers HEAD without a length; let /vsicurl/ learn sizes with GET
      env.put("CPL_VSIL_CURL_USE_HEAD", "NO");
      env.put("GDAL_DISABLE_READDIR_ON_OPEN", "EMPTY_DIR");
      Process p = pb.start();
      if (!p.waitFor(3, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new AssertionError(String.join(" ", command) + " did not finish in 3 minutes");
      }
      String stdout = Files.readString(out, StandardCharsets.UTF_8);
      String stderr = Files.readString(err, StandardCharsets.UTF_8);
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
      if (p.exitValue() != 0) {
        throw new AssertionError(
            String.join(" ", command) + " exited with " + p.exitValue() + ":\n" + stderr + stdout);
      }
      return stdout;
    } catch (IOException e) {
      throw new AssertionError("cannot run " + command + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** The values of a field in {@code ogrinfo} feature output ({@code name (String) = value}). */
  public static List<String> fieldValues(String ogrinfoOutput, String field) {
    List<String> values = new ArrayList<>();
    String prefix = "  " + field + " (";
    for (String line : ogrinfoOutput.split("\n")) {
      if (line.startsWith(prefix)) {
        values.add(line.substring(line.indexOf(" = ") + 3).trim());
      }
    }
    return values;
  }

  static Path executable(String tool) {
    String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
    for (String dir : path.split(File.pathSeparator)) {
      Path candidate = Path.of(dir, tool);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    throw new AssertionError(
        tool
            + " is not installed: the GDAL client tests need the Debian package gdal-bin"
            + " (apt-get install gdal-bin; bash .ci/run installs it)");
  }
}
