package com.runningtrainer.common.http;

import io.vertx.json.schema.JsonSchema;
import io.vertx.openapi.contract.Parameter;
import io.vertx.openapi.contract.Style;
import io.vertx.openapi.validation.RequestParameter;
import io.vertx.openapi.validation.impl.RequestParameterImpl;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A shortcut past vertx-openapi for the contracts' commonest parameters, an id
 * ({@code type: string, format: uuid}) and a bounded count ({@code type: integer} with
 * {@code minimum}/{@code maximum}), taken only for a value the library is certain to accept, with
 * the value the library would give. Anything else (a bad value, an unusual spelling, any other
 * schema) goes the library's way, so every refusal is still the library's own 400. The shortcut
 * exists because 5.0.7 parses every id as JSON first, fails, builds that exception with its stack
 * trace, and parses it again in quotes, then runs a JSON-schema validation: the largest single
 * cost of a plan read's validation.
 */
abstract class PlainParameter {

  /**
   * The value as the library would validate it ({@code RequestValidatorImpl#validateParameter}),
   * or null when it must be left to the library.
   */
  abstract RequestParameter validated(RequestParameter raw);

  /** The shortcut of a parameter, or null when its schema or style is not a plain one. */
  static PlainParameter of(Parameter parameter) {
    if (parameter.getStyle() != Style.SIMPLE && parameter.getStyle() != Style.FORM) {
      return null;
    }
    JsonSchema schema = parameter.getSchema();
    Set<String> keywords = schema.fieldNames().stream().filter(JsonSchema.EXCLUDE_ANNOTATIONS).collect(Collectors.toSet());
    if (keywords.equals(Set.of("type", "format")) && "string".equals(schema.get("type")) && "uuid".equals(schema.get("format"))) {
      return new Uuid();
    }
    if (keywords.equals(Set.of("type", "minimum", "maximum")) || keywords.equals(Set.of("type", "minimum", "maximum", "default"))) {
      if ("integer".equals(schema.get("type")) && schema.get("minimum") instanceof Number min
          && schema.get("maximum") instanceof Number max && isWhole(min) && isWhole(max)) {
        return new BoundedInteger(min.longValue(), max.longValue());
      }
    }
    return null;
  }

  private static boolean isWhole(Number bound) {
    return bound.doubleValue() == bound.longValue();
  }

  private static String text(RequestParameter raw) {
    return raw != null && raw.get() instanceof String text ? text : null;
  }

  /** 8-4-4-4-12 hex digits: the library returns such a string as it is and its uuid format accepts it. */
  private static final class Uuid extends PlainParameter {

    @Override
    RequestParameter validated(RequestParameter raw) {
      String text = text(raw);
      if (text == null || text.length() != 36) {
        return null;
      }
      for (int i = 0; i < 36; i++) {
        char c = text.charAt(i);
        boolean ok = i == 8 || i == 13 || i == 18 || i == 23
            ? c == '-'
            : (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
        if (!ok) {
          return null;
        }
      }
      return new RequestParameterImpl(text);
    }
  }

  /** Up to nine decimal digits without a leading zero: the library reads them as JSON, an Integer. */
  private static final class BoundedInteger extends PlainParameter {

    private final long min;
    private final long max;

    BoundedInteger(long min, long max) {
      this.min = min;
      this.max = max;
    }

    @Override
    RequestParameter validated(RequestParameter raw) {
      String text = text(raw);
      if (text == null || text.isEmpty() || text.length() > 9 || (text.charAt(0) == '0' && text.length() > 1)) {
        return null;
      }
      int value = 0;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c < '0' || c > '9') {
          return null;
        }
        value = value * 10 + (c - '0');
      }
      return value >= min && value <= max ? new RequestParameterImpl(value) : null;
    }
  }
}
