package org.gridmap.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.javalin.http.Context;
import java.util.stream.Collectors;
import org.gridmap.error.DomainException;

/**
 * Reads a JSON request body into a request record. Unknown fields, wrong types and malformed JSON
 * are 400 answers that name the field, so a typo never passes silently as "not given".
 */
public final class Bodies {
  private Bodies() {}

  public static <T> T read(ObjectMapper mapper, Context ctx, Class<T> type) {
    String body = ctx.body();
    if (body.isBlank()) {
      throw DomainException.invalid("invalid_json", "The request body must be a JSON object");
    }
    try {
      return mapper.readValue(body, type);
    } catch (UnrecognizedPropertyException e) {
      throw DomainException.invalid(
          "invalid_field",
          "Unknown field '"
              + e.getPropertyName()
              + "'; known fields: "
              + e.getKnownPropertyIds().stream()
                  .map(String::valueOf)
                  .sorted()
                  .collect(Collectors.joining(", ")));
    } catch (MismatchedInputException e) {
      String field =
          e.getPath().stream()
              .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
              .collect(Collectors.joining("."))
              .replace(".[", "[");
      throw DomainException.invalid(
          "invalid_field",
          field.isEmpty()
              ? "The request body must be a JSON object"
              : "'" + field + "' has the wrong type or form");
    } catch (JsonProcessingException e) {
      throw DomainException.invalid(
          "invalid_json", "The request body is not valid JSON: " + e.getOriginalMessage());
    }
  }
}
