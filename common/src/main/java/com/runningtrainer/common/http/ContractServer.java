package com.runningtrainer.common.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.JWTAuthHandler;
import io.vertx.ext.web.handler.TimeoutHandler;
import io.vertx.ext.web.openapi.router.OpenAPIRoute;
import io.vertx.ext.web.openapi.router.RequestExtractor;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.contract.OpenAPIContract;

/**
 * An HTTP server built from a service's contract: every operation routed to its handler after
 * validation and bearer-token security, with request ids, an access log, problem+json errors,
 * {@code /health}, {@code /metrics}, {@code /openapi.yaml} and {@code /docs}.
 */
public final class ContractServer {

  private static final long BODY_LIMIT_BYTES = 1024 * 1024;
  private static final String BEARER_SCHEME = "bearerAuth";

  private ContractServer() {
  }

  public static Future<HttpServer> start(Vertx vertx, ServiceHttp spec) {
    return Future.all(OpenAPIContract.from(vertx, spec.contractPath()), vertx.fileSystem().readFile(spec.contractPath()))
        .map(loaded -> router(vertx, spec, loaded.resultAt(0), loaded.resultAt(1)))
        .compose(router -> vertx.createHttpServer(new HttpServerOptions().setCompressionSupported(true))
            .requestHandler(router)
            .listen(spec.port()));
  }

  static Router router(Vertx vertx, ServiceHttp spec, OpenAPIContract contract, Buffer contractText) {
    Router root = Router.router(vertx);
    // Vert.x wants its platform handlers (the timeout) before any of ours on a route.
    root.route().handler(TimeoutHandler.create(spec.requestTimeoutMs(), 503))
        .handler(RequestIds::assign)
        .handler(AccessLog::record);
    root.get("/health").handler(new HealthHandler(spec.service(), spec.healthChecks()));
    InfrastructureRoutes.mount(vertx, root, contractText);
    String basePath = contract.getServers().get(0).getBasePath();
    root.route(basePath + "/*").subRouter(contractRouter(vertx, spec, contract));
    ProblemWriter.install(root);
    return root;
  }

  private static Router contractRouter(Vertx vertx, ServiceHttp spec, OpenAPIContract contract) {
    RouterBuilder builder = RouterBuilder.create(vertx, new CachedValidators(contract), RequestExtractor.withBodyHandler());
    builder.rootHandler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT_BYTES));
    if (contract.securityScheme(BEARER_SCHEME) != null) {
      builder.security(BEARER_SCHEME).httpHandler(JWTAuthHandler.create(spec.tokens()));
    }
    for (OpenAPIRoute route : builder.getRoutes()) {
      String operationId = route.getOperation().getOperationId();
      var handler = spec.operations().get(operationId);
      if (handler == null) {
        throw new IllegalStateException(spec.service() + " has no handler for operation " + operationId);
      }
      route.addHandler(OperationDispatcher.of(route.getOperation(), handler));
    }
    return builder.createRouter();
  }
}
