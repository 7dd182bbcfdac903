package com.runningtrainer.common.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.OutputUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The failing fields of a schema validation, said plainly. The validator reports every level of
 * the schema it walked ("A subschema had errors"); a client needs only the innermost reason
 * for each field, and the name of a field it sent that the contract does not know.
 */
final class ValidationErrors {

  private static final Pattern REQUIRED = Pattern.compile("required property \"([^\"]+)\"");
  private static final Pattern UNKNOWN = Pattern.compile("does not match additional properties schema");
  private static final Pattern WRAPPER = Pattern.compile("A subschema had errors|Property \"[^\"]+\" does not match schema");

  private ValidationErrors() {
  }

  /** @param parameter the query or path parameter validated, or null for a body */
  static JsonArray of(OutputUnit unit, String parameter) {
    List<OutputUnit> units = unit.getErrors() == null || unit.getErrors().isEmpty() ? List.of(unit) : unit.getErrors();
    Map<String, List<String>> byField = new LinkedHashMap<>();
    for (OutputUnit error : units) {
      String message = error.getError() == null ? "is invalid" : error.getError();
      byField.computeIfAbsent(field(error, message, parameter), key -> new ArrayList<>()).add(message);
    }
    JsonArray errors = new JsonArray();
    byField.forEach((field, messages) -> errors.add(new JsonObject().put("field", field).put("message", reason(messages))));
    return errors;
  }

  private static String field(OutputUnit error, String message, String parameter) {
    Matcher required = REQUIRED.matcher(message);
    if (required.find()) {
      return required.group(1);
    }
    String location = error.getInstanceLocation() == null ? "" : error.getInstanceLocation();
    String field = location.replaceFirst("^#?/?", "").replace('/', '.');
    return field.isEmpty() && parameter != null ? parameter : field;
  }

  private static String reason(List<String> messages) {
    List<String> specific = messages.stream()
        .filter(message -> !WRAPPER.matcher(message).find() && !UNKNOWN.matcher(message).find())
        .distinct()
        .toList();
    if (!specific.isEmpty()) {
      return String.join("; ", specific);
    }
    return messages.stream().anyMatch(message -> UNKNOWN.matcher(message).find())
        ? "is not a known field"
        : messages.get(0);
  }
}
