package org.gridmap.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;

/**
 * The bench's HTTP client: reads answers whole and throws them away, with as little work of its own
 * as it can, so that the time measured is the server's.
 */
final class HttpReader {
  private static final JsonFactory JSON = new JsonFactory();

  private HttpReader() {}

  /**
   * GETs a URL and reads the whole body; returns its length in bytes. A plain blocking
   * HttpURLConnection (keep-alive, no gzip) keeps the client's own share of the latency small.
   */
  static long download(String url) {
    try {
      HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
      int status = c.getResponseCode();
      if (status != 200 && status != 204) {
        throw new IllegalStateException(url + " answered " + status);
      }
      try (InputStream in = c.getInputStream()) {
        byte[] buffer = new byte[1 << 16];
        long total = 0;
        for (int n; (n = in.read(buffer)) > 0; ) {
          total += n;
        }
        return total;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Follows the next links from the first page, reading every page. */
  static void pages(String first) {
    String next = first;
    while (next != null) {
      try {
        HttpURLConnection c = (HttpURLConnection) URI.create(next).toURL().openConnection();
        try (InputStream in = c.getInputStream()) {
          next = nextLink(in);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /**
   * The {@code next} link of a page, read with the streaming parser: the features are skipped token
   * by token, never built in memory, so the client costs little next to the server.
   */
  static String nextLink(InputStream in) throws IOException {
    String next = null;
    try (JsonParser p = JSON.createParser(in)) {
      p.nextToken(); // the FeatureCollection object
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        if (!field.equals("links")) {
          p.skipChildren();
          continue;
        }
        while (p.nextToken() == JsonToken.START_OBJECT) {
          String rel = null;
          String href = null;
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            if (name.equals("rel")) {
              rel = p.getText();
            } else if (name.equals("href")) {
              href = p.getText();
            }
          }
          if ("next".equals(rel)) {
            next = href;
          }
        }
      }
    }
    return next;
  }
}
