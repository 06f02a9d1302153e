package org.gridmap.ogc;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Links of OGC API responses: {@code href} (absolute), {@code rel}, {@code type}, {@code title}.
 */
record Link(String href, String rel, String type, String title) {
  static final String JSON = "application/json";
  static final String GEOJSON = "application/geo+json";
  static final String OPENAPI = "application/vnd.oai.openapi+json;version=3.0";

  static Link of(String href, String rel, String type, String title) {
    return new Link(href, rel, type, title);
  }

  Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("href", href);
    m.put("rel", rel);
    m.put("type", type);
    if (title != null) {
      m.put("title", title);
    }
    return m;
  }

  void write(JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("href", href);
    g.writeStringField("rel", rel);
    g.writeStringField("type", type);
    if (title != null) {
      g.writeStringField("title", title);
    }
    g.writeEndObject();
  }

  static List<Map<String, Object>> toMaps(List<Link> links) {
    List<Map<String, Object>> maps = new ArrayList<>();
    links.forEach(l -> maps.add(l.toMap()));
    return maps;
  }

  /**
   * {@code path} with the request's query parameters, those in {@code replace} set to the given
   * values (null removes), in the request's order followed by new ones.
   */
  static String withQuery(
      String path, Map<String, List<String>> query, Map<String, String> replace) {
    Map<String, String> params = new LinkedHashMap<>();
    query.forEach((k, v) -> params.put(k, v.isEmpty() ? "" : v.get(0)));
    replace.forEach(
        (k, v) -> {
          if (v == null) {
            params.remove(k);
          } else {
            params.put(k, v);
          }
        });
    if (params.isEmpty()) {
      return path;
    }
    StringBuilder href = new StringBuilder(path).append('?');
    params.forEach((k, v) -> href.append(encode(k)).append('=').append(encode(v)).append('&'));
    href.setLength(href.length() - 1);
    return href.toString();
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("%2C", ",").replace("%2F", "/");
  }
}
