package com.runningtrainer.common.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.TimeoutHandler;
import io.vertx.openapi.contract.OpenAPIContract;
import java.util.Map;

/**
 * An HTTP server built from a service's contract: every operation routed to its handler after
 * validation and bearer-token security, with request ids, an access log, problem+json errors,
 * {@code /health}, {@code /metrics}, {@code /openapi.yaml} and {@code /docs}; stopped through its
 * {@link ConnectionDrain}.
 */
public final class ContractServer {

  private ContractServer() {
  }

  public static Future<HttpServer> start(Vertx vertx, ServiceHttp spec, ConnectionDrain drain) {
    return Contracts.load(vertx, spec.contractPath())
        .map(loaded -> router(vertx, spec, loaded.contract(), loaded.text()))
        .compose(router -> drain.serve(vertx.createHttpServer(new HttpServerOptions().setCompressionSupported(true))
            .invalidRequestHandler(InvalidRequests::answer), router)
            .listen(spec.port()));
  }

  static Router router(Vertx vertx, ServiceHttp spec, OpenAPIContract contract, Buffer contractText) {
    Router root = Router.router(vertx);
    // Vert.x wants its platform handlers (the timeout) before any of ours on a route.
    root.route().handler(TimeoutHandler.create(spec.requestTimeoutMs(), 503))
        .handler(RequestIds::assign)
        .handler(ClientAddress.resolver(spec.trustedProxies()))
        .handler(AccessLog::record);
    root.get("/health").handler(new HealthHandler(spec.service(), spec.healthChecks()));
    InfrastructureRoutes.mount(vertx, root, Map.of(spec.service(), contractText), MetricsAccess.of(spec.metricsToken()));
    root.route(ContractRouter.basePath(contract) + "/*").subRouter(contractRouter(vertx, spec, contract));
    ProblemWriter.install(root);
    return root;
  }

  private static Router contractRouter(Vertx vertx, ServiceHttp spec, OpenAPIContract contract) {
    return ContractRouter.create(vertx, contract, spec.tokens(), operation -> {
      var handler = spec.operations().get(operation.getOperationId());
      if (handler == null) {
        throw new IllegalStateException(spec.service() + " has no handler for operation " + operation.getOperationId());
      }
      return OperationDispatcher.of(operation, handler);
    });
  }
}
