package org.gridmap.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The one shape of a paged answer: {@code {"total","page","size","items"}}, pages from 1. */
public final class Paged {
  private Paged() {}

  public static Map<String, Object> body(long total, int page, int size, List<?> items) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("total", total);
    body.put("page", page);
    body.put("size", size);
    body.put("items", items);
    return body;
  }
}
