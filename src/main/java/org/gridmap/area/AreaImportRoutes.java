package org.gridmap.area;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.gridmap.error.DomainException;
import org.gridmap.geo.SourceFormat;
import org.gridmap.http.Guard;
import org.gridmap.http.Params;

/**
 * {@code POST /api/areas/import?level=&parent=&codeField=&nameField=&crs=&layer=&repair=&dryRun=
 * &maxAreaChange=&straddle=&sliver=&format=}: the file is the request body (its format from the
 * Content-Type, or {@code format=} for {@code application/octet-stream}) or the {@code file} part
 * of a multipart form (its format from the file name). The upload is streamed to a temporary file,
 * never held in memory, and refused with 413 beyond the configured size, also when it comes chunked
 * without a Content-Length. The answer is the import report: 200 when imported or for a dry run
 * that would import, 422 (409 for conflicts with stored areas) with the full report otherwise.
 */
public final class AreaImportRoutes {
  private static final int BUFFER = 64 * 1024;
  private static final long DRAIN_BYTES = 16L << 20;

  private final AreaImport importer;
  private final Guard guard;
  private final long maxBytes;

  public AreaImportRoutes(AreaImport importer, Guard guard, long maxBytes) {
    this.importer = importer;
    this.guard = guard;
    this.maxBytes = maxBytes;
  }

  public void importAreas(Context ctx) {
    ImportOptions options =
        new ImportOptions(
            ctx.queryParam("level"),
            ctx.queryParam("parent"),
            ctx.queryParam("codeField"),
            ctx.queryParam("nameField"),
            ctx.queryParam("crs"),
            ctx.queryParam("layer"),
            Params.boolParam(ctx, "repair"),
            Params.boolParam(ctx, "dryRun"),
            Params.doubleParam(
                ctx, "maxAreaChange", ImportOptions.DEFAULT_MAX_AREA_CHANGE_PERCENT, 0, 100),
            Params.doubleParam(ctx, "straddle", ImportOptions.DEFAULT_STRADDLE_PERCENT, 0, 100),
            Params.doubleParam(ctx, "sliver", CoverageQa.DEFAULT_SLIVER_M2, 0, 1_000_000));
    AreaImport.Source source = receive(ctx);
    try {
      ctx.json(
          importer.run(
              Guard.principal(ctx), guard.clientIp(ctx), source, options, ImportProgress.NONE));
    } finally {
      try {
        Files.deleteIfExists(source.file());
      } catch (IOException e) {
        // the temporary folder is cleaned by the system
      }
    }
  }

  private AreaImport.Source receive(Context ctx) {
    String formatParam = ctx.queryParam("format");
    if (ctx.isMultipartFormData()) {
      UploadedFile upload = uploaded(ctx);
      String name = upload.filename() == null ? "upload" : upload.filename();
      SourceFormat format =
          formatParam != null
              ? SourceFormat.named(formatParam)
              : SourceFormat.ofFileName(name)
                  .or(() -> SourceFormat.ofMediaType(upload.contentType()))
                  .orElseThrow(() -> unknownFormat(name));
      try (InputStream in = upload.content()) {
        return save(in, name, format);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    SourceFormat format =
        formatParam != null
            ? SourceFormat.named(formatParam)
            : SourceFormat.ofMediaType(ctx.contentType())
                .orElseThrow(() -> unknownFormat(ctx.contentType()));
    String name = "upload." + format.extension();
    try (InputStream in = ctx.bodyInputStream()) {
      return save(in, name, format);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private UploadedFile uploaded(Context ctx) {
    UploadedFile upload;
    try {
      upload = ctx.uploadedFile("file");
    } catch (RuntimeException e) {
      if (String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("size")) {
        throw tooLarge();
      }
      throw DomainException.invalid("invalid_upload", "The multipart upload cannot be read");
    }
    if (upload == null) {
      throw DomainException.invalid(
          "missing_file", "A multipart upload needs the file in a part named 'file'");
    }
    return upload;
  }

  /** Copies the upload to a temporary file, stopping with 413 once it exceeds the limit. */
  private AreaImport.Source save(InputStream in, String name, SourceFormat format)
      throws IOException {
    if (format == SourceFormat.SHAPEFILE) {
      throw new DomainException(
          DomainException.Kind.UNSUPPORTED_MEDIA_TYPE,
          "unsupported_format",
          "A shapefile needs its .shx, .dbf and .prj: upload them together as a .zip");
    }
    Path file = Files.createTempFile("gridmap-import-", "." + format.extension());
    long total = 0;
    try (OutputStream out = Files.newOutputStream(file)) {
      byte[] buffer = new byte[BUFFER];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        total += n;
        if (total > maxBytes) {
          drain(in, buffer);
          throw tooLarge();
        }
        out.write(buffer, 0, n);
      }
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(file);
      throw e;
    }
    if (total == 0) {
      Files.deleteIfExists(file);
      throw DomainException.invalid("missing_file", "The request carries no file");
    }
    return new AreaImport.Source(file, name, format);
  }

  /**
   * Reads and drops what a client still sends after the limit, up to a bound, so that it reads the
   * 413 rather than a reset connection (clients that send {@code Expect: 100-continue}, as curl
   * does for large files, get the 413 before sending anything).
   */
  private static void drain(InputStream in, byte[] buffer) throws IOException {
    long dropped = 0;
    for (int n = in.read(buffer); n >= 0 && dropped < DRAIN_BYTES; n = in.read(buffer)) {
      dropped += n;
    }
  }

  private DomainException tooLarge() {
    return new DomainException(
        DomainException.Kind.TOO_LARGE,
        "payload_too_large",
        "The upload is larger than "
            + maxBytes
            + " bytes, the limit set by GRIDMAP_MAX_IMPORT_BYTES");
  }

  private static DomainException unknownFormat(String what) {
    return new DomainException(
        DomainException.Kind.UNSUPPORTED_MEDIA_TYPE,
        "unsupported_format",
        "Cannot tell the format of "
            + (what == null ? "the upload" : "'" + what + "'")
            + ": send application/geo+json or application/zip, or name the format with"
            + " ?format= ("
            + SourceFormat.known()
            + ")");
  }
}
