package com.runningtrainer.common.http;

import static net.logstash.logback.argument.StructuredArguments.kv;
import static net.logstash.logback.argument.StructuredArguments.v;

import com.runningtrainer.common.tracing.Traces;
import io.vertx.ext.auth.User;
import io.vertx.ext.web.RoutingContext;
import io.vertx.openapi.contract.Operation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One JSON line per request, written when the response ends, with the id of the request's trace
 * ({@code trace_id}) to find its spans. Never logs headers or bodies.
 */
public final class AccessLog {

  private static final Logger LOG = LoggerFactory.getLogger("access");
  private static final String OPERATION = "accessLog.operation";
  private static final String UPSTREAM = "accessLog.upstream";

  private AccessLog() {
  }

  public static void record(RoutingContext rc) {
    long start = System.nanoTime();
    // Read now: by the time the response has ended, the request's span is no longer the current one.
    String traceId = Traces.currentTraceId();
    // The first three make the message ("GET /api/v1/plans/{id} 200"); every one is also a field.
    rc.addBodyEndHandler(ignored -> LOG.info("{} {} {}",
        v("method", rc.request().method().name()),
        v("path", template(rc)),
        v("status", rc.response().getStatusCode()),
        kv("operation", operation(rc) == null ? null : operation(rc).getOperationId()),
        kv("latency_ms", (System.nanoTime() - start) / 1_000_000.0),
        kv("user", user(rc.user())),
        // request_id comes with every line written while serving the request (RequestScope).
        kv("upstream", rc.get(UPSTREAM)),
        kv("trace_id", traceId)));
    rc.next();
  }

  /** Names the contract operation a request was routed to, for its log line. */
  static void operation(RoutingContext rc, Operation operation) {
    rc.put(OPERATION, operation);
  }

  /** Names where the gateway sent a request ({@code trainer}, or an instance's base URL), for its log line. */
  public static void upstream(RoutingContext rc, String upstream) {
    rc.put(UPSTREAM, upstream);
  }

  private static Operation operation(RoutingContext rc) {
    return rc.get(OPERATION);
  }

  /** The contract's path template ({@code /api/v1/plans/{id}}), not the path with its ids. */
  private static String template(RoutingContext rc) {
    Operation operation = operation(rc);
    return operation != null ? operation.getAbsoluteOpenAPIPath() : rc.normalizedPath();
  }

  private static String user(User user) {
    return user == null ? null : user.principal().getString("sub");
  }
}
