package com.runningtrainer.common.http;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.openapi.router.OpenAPIRoute;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import java.util.function.Function;

/**
 * The router of one contract: every operation validated (parameters and body, at most
 * {@link #BODY_LIMIT_BYTES}; see {@link InlineValidation}) and, where the contract says so, its bearer token verified, before
 * the handler the caller gives for it runs. A service answers the operations itself; the gateway
 * forwards them. Mount it only at the contract's base path (see VERTX5-NOTES).
 */
public final class ContractRouter {

  public static final long BODY_LIMIT_BYTES = 1024 * 1024;
  private static final String BEARER_SCHEME = "bearerAuth";

  private ContractRouter() {
  }

  /** The contract's base path, e.g. {@code /api/v1}. */
  public static String basePath(OpenAPIContract contract) {
    return contract.getServers().get(0).getBasePath();
  }

  /**
   * @param handlers the handler of each operation; it must name one for every operation
   */
  public static Router create(Vertx vertx, OpenAPIContract contract, JWTAuth tokens,
      Function<Operation, Handler<RoutingContext>> handlers) {
    OpenAPIContract cached = new CachedValidators(contract);
    RequestReader reader = new RequestReader();
    RouterBuilder builder = RouterBuilder.create(vertx, cached, reader);
    var validation = InlineValidation.of(vertx, cached, reader);
    BodyHandler bodies = BodyHandler.create(false).setBodyLimit(BODY_LIMIT_BYTES);
    // A request the routers of several contracts see (the gateway's) has its body read once.
    builder.rootHandler(rc -> {
      if (rc.body().available()) {
        rc.next();
      } else {
        bodies.handle(rc);
      }
    });
    if (contract.securityScheme(BEARER_SCHEME) != null) {
      builder.security(BEARER_SCHEME).httpHandler(new BearerAuth(tokens));
    }
    for (OpenAPIRoute route : builder.getRoutes()) {
      Operation operation = route.getOperation();
      route.setDoValidation(false).addHandler(validation.apply(operation));
      route.addHandler(rc -> {
        AccessLog.operation(rc, operation);
        rc.next();
      });
      route.addHandler(handlers.apply(operation));
    }
    return builder.createRouter();
  }
}
