package org.gridmap.http;

import io.javalin.http.Context;

/**
 * Headers on every response. The Content-Security-Policy lets the web UI load its own scripts,
 * styles and Leaflet from this origin, images from this origin and data: URLs (Leaflet's icons),
 * and basemap tiles from any https origin (the tile URL is configurable); nothing else.
 */
final class SecurityHeaders {
  private SecurityHeaders() {}

  static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
          + "img-src 'self' data: blob: https: http:; connect-src 'self'; font-src 'self'; "
          + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

  static void apply(Context ctx) {
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "strict-origin-when-cross-origin");
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Content-Security-Policy", CSP);
  }
}
