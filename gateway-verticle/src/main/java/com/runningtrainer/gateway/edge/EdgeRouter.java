package com.runningtrainer.gateway.edge;

import com.runningtrainer.common.auth.JwksTokenVerifier;
import com.runningtrainer.common.http.AccessLog;
import com.runningtrainer.common.http.ClientAddress;
import com.runningtrainer.common.http.ContractRouter;
import com.runningtrainer.common.http.InfrastructureRoutes;
import com.runningtrainer.common.http.MetricsAccess;
import com.runningtrainer.common.http.ProblemWriter;
import com.runningtrainer.common.http.RequestIds;
import com.runningtrainer.gateway.events.EventStreamHandler;
import com.runningtrainer.gateway.upstream.HttpProxy;
import com.runningtrainer.gateway.upstream.Upstream;
import com.runningtrainer.gateway.web.WebApp;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.CorsHandler;
import io.vertx.ext.web.handler.TimeoutHandler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The gateway's router: every operation of every routed contract at the service's own path,
 * validated and its token verified here, then forwarded to the service's upstream (an operation
 * marked {@code x-forward: http}, with a binary body or answer, proxied to the service's HTTP port). Before that,
 * a request id, the access log, CORS and the rate limits; unknown paths and versions are 404,
 * every error problem+json. Beside them, the web app's page and files.
 *
 * @param trustedProxies the addresses whose {@code X-Forwarded-For} names the client (a load balancer)
 * @param timeoutMs when the gateway gives up on a request, whatever it waits for
 * @param retryAfterSeconds what a client is told to wait while an upstream's breaker is open
 * @param webApp the browser app, served at {@code /} beside the infrastructure routes
 */
public record EdgeRouter(
    Vertx vertx,
    List<Contract> contracts,
    Contract own,
    Handler<RoutingContext> events,
    Map<String, Upstream> upstreams,
    Map<String, HttpProxy> proxies,
    JwksTokenVerifier tokens,
    Handler<RoutingContext> limits,
    Handler<RoutingContext> health,
    List<String> corsOrigins,
    Set<String> trustedProxies,
    MetricsAccess metricsAccess,
    long timeoutMs,
    long retryAfterSeconds,
    WebApp webApp) {

  public Router create() {
    Router root = Router.router(vertx);
    Handler<RoutingContext> timeout = TimeoutHandler.create(timeoutMs, 504);
    // An event stream is open for as long as its token lives; every other request has a deadline.
    root.route().handler(rc -> {
      if (rc.request().path().equals(EventStreamHandler.PATH)) {
        rc.next();
      } else {
        timeout.handle(rc);
      }
    })
        .handler(RequestIds::assign)
        .handler(ClientAddress.resolver(trustedProxies))
        .handler(AccessLog::record);
    if (!corsOrigins.isEmpty()) {
      root.route().handler(cors());
    }
    root.get("/health").handler(health);
    Map<String, Buffer> texts = new LinkedHashMap<>();
    texts.put(own.service(), own.text());
    contracts.forEach(contract -> texts.put(contract.service(), contract.text()));
    InfrastructureRoutes.mount(vertx, root, texts, metricsAccess);
    webApp.mount(root);
    // The body is read before anything waits (the limits ask Redis), and only once for every contract's router.
    root.route("/api/*").handler(BodyHandler.create(false).setBodyLimit(ContractRouter.BODY_LIMIT_BYTES)).handler(limits);
    // Every contract has the same base path; a request no route of one matches goes on to the next.
    root.route(ContractRouter.basePath(own.contract()) + "/*")
        .subRouter(ContractRouter.create(vertx, own.contract(), tokens, operation -> events));
    for (Contract contract : contracts) {
      String service = contract.service();
      Upstream upstream = upstreams.get(service);
      root.route(ContractRouter.basePath(contract.contract()) + "/*").subRouter(ContractRouter.create(vertx,
          contract.contract(), tokens, operation -> Forwarding.to(service, upstream, proxies.get(service), operation, retryAfterSeconds)));
    }
    ProblemWriter.install(root);
    return root;
  }

  private CorsHandler cors() {
    return CorsHandler.create()
        .addOrigins(corsOrigins)
        .allowedMethods(Set.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE))
        .allowedHeaders(Set.of("Authorization", "Content-Type", "X-Request-Id"))
        .exposedHeaders(Set.of("X-Request-Id", "Location", "Retry-After", "RateLimit-Limit", "RateLimit-Remaining",
            "RateLimit-Reset", "RateLimit-Policy"))
        .maxAgeSeconds(600);
  }
}
