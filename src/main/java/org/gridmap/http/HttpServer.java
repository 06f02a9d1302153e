package org.gridmap.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.javalin.router.Endpoint;
import java.util.List;

/**
 * Javalin wiring shared by all routes: the route table (each handler behind the {@link Guard}), one
 * error mapping, JSON, static files (the web front end from {@code /web} on the classpath, Leaflet
 * from its WebJar) and security headers.
 */
public final class HttpServer {

  private final Javalin javalin;

  public HttpServer(
      String host,
      int port,
      long maxRequestBytes,
      long maxUploadBytes,
      ObjectMapper mapper,
      Guard guard,
      List<Route> routes) {
    this.javalin =
        Javalin.create(
            config -> {
              config.jetty.host = host;
              config.jetty.port = port;
              config.http.maxRequestSize = maxRequestBytes;
              // multipart uploads (boundary files) go to temporary files beyond 1 MiB
              config.jetty.multipartConfig.cacheDirectory(System.getProperty("java.io.tmpdir"));
              config.jetty.multipartConfig.maxInMemoryFileSize(1, SizeUnit.MB);
              config.jetty.multipartConfig.maxFileSize(maxUploadBytes, SizeUnit.BYTES);
              config.jetty.multipartConfig.maxTotalRequestSize(
                  maxUploadBytes + (1 << 20), SizeUnit.BYTES);
              config.http.defaultContentType = "application/json";
              config.jsonMapper(new JavalinJackson(mapper, false));
              config.startup.showJavalinBanner = false;
              config.staticFiles.enableWebjars();
              config.staticFiles.add(
                  files -> {
                    files.hostedPath = "/";
                    files.directory = "/web";
                    files.location = Location.CLASSPATH;
                  });
              config.routes.before(SecurityHeaders::apply);
              for (Route route : routes) {
                config.routes.addEndpoint(
                    new Endpoint(route.method(), route.path(), guard.wrap(route)));
              }
              config.routes.exception(Exception.class, ErrorMapper::handle);
              config.routes.error(
                  404,
                  ctx -> {
                    if (!ErrorMapper.wasWritten(ctx)) {
                      ErrorMapper.write(
                          ctx, 404, "not_found", "No such resource: " + ctx.path(), null);
                    }
                  });
              config.routes.error(
                  405,
                  ctx -> {
                    if (!ErrorMapper.wasWritten(ctx)) {
                      ErrorMapper.write(
                          ctx,
                          405,
                          "method_not_allowed",
                          ctx.method() + " is not allowed on " + ctx.path(),
                          null);
                    }
                  });
            });
  }

  public HttpServer start() {
    javalin.start();
    return this;
  }

  /** The port actually bound (useful when configured as 0 in tests). */
  public int port() {
    return javalin.port();
  }

  public void stop() {
    javalin.stop();
  }
}
