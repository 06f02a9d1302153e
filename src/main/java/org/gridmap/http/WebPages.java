package org.gridmap.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The pages of the web front end that have a route of their own: {@code /leader} and {@code /staff}
 * answer the static {@code leader.html} and {@code staff.html} (the public map is {@code /}, served
 * as {@code index.html} by the static files). They are public: the login happens inside the page.
 */
public final class WebPages {
  private final byte[] leader;
  private final byte[] staff;

  public WebPages() {
    this.leader = read("/web/leader.html");
    this.staff = read("/web/staff.html");
  }

  public void leader(Context ctx) {
    html(ctx, leader);
  }

  public void staff(Context ctx) {
    html(ctx, staff);
  }

  private static void html(Context ctx, byte[] page) {
    ctx.contentType("text/html; charset=utf-8");
    ctx.header("Cache-Control", "no-cache");
    ctx.result(page);
  }

  private static byte[] read(String resource) {
    try (InputStream in = WebPages.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("the web page " + resource + " is not on the classpath");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
