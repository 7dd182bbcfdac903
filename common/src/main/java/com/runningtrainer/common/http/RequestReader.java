package com.runningtrainer.common.http;

import com.runningtrainer.common.api.Failures;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RequestBody;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RequestExtractor;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Parameter;
import io.vertx.openapi.validation.RequestParameter;
import io.vertx.openapi.validation.ValidatableRequest;
import io.vertx.openapi.validation.impl.RequestParameterImpl;
import io.vertx.openapi.validation.impl.ValidatableRequestImpl;
import io.vertx.serviceproxy.ServiceException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a request for the contract's validation: each parameter percent-decoded exactly once,
 * the body as the body handler read it. vertx-openapi 5.0.7's own reader decodes query values
 * that Vert.x has already decoded, so {@code %25} failed as "Can't decode URL value" and
 * {@code %2B} became a space. The contracts have scalar parameters only: a value is read as one
 * string, as the validator expects of a scalar.
 */
final class RequestReader implements RequestExtractor {

  private static final int MAX_QUERY_PARAMETERS = 1024;
  /** The request body's list of the media types it takes as {@link #OCTET_STREAM}. */
  static final String CONTENT_TYPES_EXTENSION = "x-content-types";
  private static final String OCTET_STREAM = "application/octet-stream";

  @Override
  public Future<ValidatableRequest> extractValidatableRequest(RoutingContext rc, Operation operation) {
    try {
      return Future.succeededFuture(read(rc, operation));
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  private static ValidatableRequest read(RoutingContext rc, Operation operation) {
    Map<String, RequestParameter> cookies = new HashMap<>();
    Map<String, RequestParameter> headers = new HashMap<>();
    Map<String, RequestParameter> path = new HashMap<>();
    Map<String, RequestParameter> query = new HashMap<>();
    Map<String, List<String>> queryValues = null;
    for (Parameter parameter : operation.getParameters()) {
      String name = parameter.getName();
      switch (parameter.getIn()) {
        case PATH -> path.put(name, new RequestParameterImpl(rc.pathParam(name)));
        case HEADER -> headers.put(name, new RequestParameterImpl(rc.request().getHeader(name)));
        case COOKIE -> cookies.put(name, new RequestParameterImpl(
            rc.request().getCookie(name) == null ? null : rc.request().getCookie(name).getValue()));
        case QUERY -> {
          if (queryValues == null) {
            queryValues = query(rc.request().uri());
          }
          List<String> values = queryValues.get(name);
          query.put(name, new RequestParameterImpl(values == null || values.isEmpty() ? null : values.get(0)));
        }
      }
    }
    if (operation.getRequestBody() == null) {
      return new ValidatableRequestImpl(cookies, headers, path, query);
    }
    RequestBody body = rc.body();
    return new ValidatableRequestImpl(cookies, headers, path, query,
        new RequestParameterImpl(body == null ? null : body.buffer()),
        declaredType(operation, rc.request().getHeader(HttpHeaders.CONTENT_TYPE)));
  }

  /**
   * The media type to validate the body as. The contract loader accepts few media types (JSON,
   * text, {@code application/octet-stream}, multipart): a binary body of another type (an image)
   * is declared {@code application/octet-stream}, its accepted types listed in the request
   * body's {@code x-content-types}, and a body of one of them is validated as bytes (the
   * handler checks what the bytes are); a body of any other type is 415.
   */
  static String declaredType(Operation operation, String contentType) {
    if (contentType == null) {
      return null;
    }
    Object accepted = operation.getRequestBody().getExtensions().get(CONTENT_TYPES_EXTENSION);
    if (accepted instanceof Iterable<?> types) {
      String essence = contentType.split(";", 2)[0].trim();
      List<String> names = new java.util.ArrayList<>();
      for (Object type : types) {
        if (essence.equalsIgnoreCase(String.valueOf(type))) {
          return OCTET_STREAM;
        }
        names.add(String.valueOf(type));
      }
      throw new ServiceException(415, "the body must be one of " + String.join(", ", names));
    }
    return contentType;
  }

  /** The query's parameters, decoded once; a {@code ;} is an ordinary character, as in a browser's URL. */
  private static Map<String, List<String>> query(String uri) {
    try {
      return new QueryStringDecoder(uri, StandardCharsets.UTF_8, true, MAX_QUERY_PARAMETERS, true).parameters();
    } catch (IllegalArgumentException e) {
      throw Failures.invalid(malformed(uri), "is not percent-encoded: a % must be sent as %25");
    }
  }

  /** The name of the first query parameter whose name or value cannot be percent-decoded. */
  private static String malformed(String uri) {
    String rawQuery = uri.substring(uri.indexOf('?') + 1);
    for (String pair : rawQuery.split("&")) {
      try {
        QueryStringDecoder.decodeComponent(pair, StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        int equals = pair.indexOf('=');
        return equals < 0 ? pair : pair.substring(0, equals);
      }
    }
    return "query";
  }
}
