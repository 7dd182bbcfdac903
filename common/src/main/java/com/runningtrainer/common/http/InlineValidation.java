package com.runningtrainer.common.http;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.ext.web.openapi.router.RequestExtractor;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Parameter;
import io.vertx.openapi.validation.RequestParameter;
import io.vertx.openapi.validation.ValidatableRequest;
import io.vertx.openapi.validation.ValidatedRequest;
import io.vertx.openapi.validation.ValidatorException;
import io.vertx.openapi.validation.impl.RequestValidatorImpl;
import io.vertx.openapi.validation.impl.ValidatedRequestImpl;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * An operation's request validation, on the event loop. vertx-openapi 5.0.7 validates every
 * request in an ordered blocking task: two thread hand-offs per request, and the requests of one
 * event loop validated one after the other on a worker. The checks are the library's own
 * ({@link RequestValidatorImpl#validateParameter}, {@link RequestValidatorImpl#validateBody}),
 * the same as before (an id or a bounded count the library would accept is taken by
 * {@link PlainParameter} without it); only where they run changes. A body larger than {@link #INLINE_BODY_BYTES}
 * is still validated on a worker, so that no event loop spends long on one request.
 */
final class InlineValidation implements Handler<RoutingContext> {

  static final int INLINE_BODY_BYTES = 64 * 1024;

  private final Operation operation;
  private final RequestValidatorImpl validator;
  private final RequestExtractor extractor;
  private final Map<Parameter, PlainParameter> plain = new IdentityHashMap<>();

  private InlineValidation(Operation operation, RequestValidatorImpl validator, RequestExtractor extractor) {
    this.operation = operation;
    this.validator = validator;
    this.extractor = extractor;
    for (Parameter parameter : operation.getParameters()) {
      PlainParameter shortcut = PlainParameter.of(parameter);
      if (shortcut != null) {
        plain.put(parameter, shortcut);
      }
    }
  }

  /** The validation of each operation of {@code contract}, sharing one validator. */
  static Function<Operation, InlineValidation> of(Vertx vertx, OpenAPIContract contract,
      RequestExtractor extractor) {
    RequestValidatorImpl validator = new RequestValidatorImpl(vertx, contract);
    return operation -> new InlineValidation(operation, validator, extractor);
  }

  @Override
  public void handle(RoutingContext rc) {
    extractor.extractValidatableRequest(rc, operation)
        .compose(request -> rc.body().length() <= INLINE_BODY_BYTES
            ? Future.succeededFuture(validated(request))
            : rc.vertx().executeBlocking(() -> validated(request), false))
        .onSuccess(validated -> {
          rc.put(RouterBuilder.KEY_META_DATA_VALIDATED_REQUEST, validated);
          rc.next();
        })
        // As the library answers: a request that breaks the contract is a 400 naming what is wrong.
        .onFailure(failure -> rc.fail(failure instanceof ValidatorException
            ? new HttpException(400, failure.getMessage(), failure)
            : failure));
  }

  private ValidatedRequest validated(ValidatableRequest request) {
    Map<String, RequestParameter> cookies = new HashMap<>();
    Map<String, RequestParameter> headers = new HashMap<>();
    Map<String, RequestParameter> path = new HashMap<>();
    Map<String, RequestParameter> query = new HashMap<>();
    for (Parameter parameter : operation.getParameters()) {
      String name = parameter.getName();
      switch (parameter.getIn()) {
        case COOKIE -> cookies.put(name, validated(parameter, request.getCookies().get(name)));
        case HEADER -> headers.put(name, validated(parameter, request.getHeaders().get(name)));
        case PATH -> path.put(name, validated(parameter, request.getPathParameters().get(name)));
        case QUERY -> query.put(name, validated(parameter, request.getQuery().get(name)));
        default -> throw new IllegalStateException("a parameter in " + parameter.getIn());
      }
    }
    return new ValidatedRequestImpl(cookies, headers, path, query, validator.validateBody(operation.getRequestBody(), request));
  }

  private RequestParameter validated(Parameter parameter, RequestParameter raw) {
    PlainParameter shortcut = plain.get(parameter);
    RequestParameter value = shortcut == null ? null : shortcut.validated(raw);
    return value != null ? value : validator.validateParameter(parameter, raw);
  }
}
