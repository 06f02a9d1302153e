package org.gridmap.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import org.gridmap.error.DomainException;

/** Reading JSON request bodies at the edge, with 400 answers that name the field. */
public final class JsonBody {
  private JsonBody() {}

  /** The body as a JSON object; an empty body is an empty object. */
  public static JsonNode object(Context ctx, ObjectMapper mapper) {
    try {
      String raw = ctx.body();
      JsonNode node = raw.isBlank() ? mapper.createObjectNode() : mapper.readTree(raw);
      if (!node.isObject()) {
        throw DomainException.invalid("invalid_json", "The request body must be a JSON object");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw DomainException.invalid(
          "invalid_json", "The request body is not valid JSON: " + e.getOriginalMessage());
    }
  }

  /** A string field, or null when absent or null; 400 when it is not a string. */
  public static String text(JsonNode body, String field) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw DomainException.invalid("invalid_field", "'" + field + "' must be a string");
    }
    return v.asText();
  }
}
