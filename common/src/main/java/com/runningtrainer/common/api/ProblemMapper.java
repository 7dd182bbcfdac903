package com.runningtrainer.common.api;

import com.runningtrainer.common.db.SqlStates;
import io.vertx.core.VertxException;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.openapi.validation.SchemaValidationException;
import io.vertx.openapi.validation.ValidatorException;
import io.vertx.pgclient.PgException;
import io.vertx.serviceproxy.ServiceException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.SocketException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns any failure into the problem the client sees: deliberate failures keep their status,
 * an unreachable database is a 503, and anything unexpected a 500 that reveals nothing.
 */
public final class ProblemMapper {

  private static final Logger LOG = LoggerFactory.getLogger(ProblemMapper.class);
  private static final Pattern PARAMETER = Pattern.compile("parameter (\\S+) is invalid");

  private ProblemMapper() {
  }

  /**
   * @param statusHint the status to answer when there is no failure to map (a route not found)
   */
  public static Problem toProblem(Throwable failure, int statusHint) {
    if (failure == null) {
      return Problem.of(statusHint, defaultDetail(statusHint));
    }
    if (failure instanceof ServiceException e && e.failureCode() >= 400 && e.failureCode() < 600) {
      JsonObject debugInfo = e.getDebugInfo();
      return Problem.of(e.failureCode(), e.getMessage())
          .withErrors(debugInfo.getJsonArray("errors", new JsonArray()))
          .withRetryAfter(debugInfo.getLong(Failures.RETRY_AFTER_SECONDS, 0L));
    }
    if (failure instanceof HttpException e) {
      return fromHttpException(e);
    }
    if (failure instanceof ValidatorException e) {
      return fromValidation(e);
    }
    if (failure instanceof DecodeException) {
      return Problem.of(400, "The body is not valid JSON");
    }
    if (failure instanceof ReplyException e) {
      return fromReply(e);
    }
    if (failure instanceof PgException e) {
      Problem refused = fromDatabaseState(e);
      if (refused != null) {
        return refused;
      }
    }
    if (isUnavailable(failure)) {
      return unavailable(failure);
    }
    // A handler that refused the request with a client error (CORS, for one) said what it was.
    if (statusHint >= 400 && statusHint < 500) {
      return Problem.of(statusHint, defaultDetail(statusHint));
    }
    LOG.error("unexpected failure", failure);
    return Problem.of(500, "An unexpected error occurred");
  }

  /**
   * What the client's data made the database refuse (a 4xx, see {@link DataProblems}); or a
   * database that is stopping, starting or missing, which is an outage.
   */
  private static Problem fromDatabaseState(PgException e) {
    Problem refused = DataProblems.of(e);
    if (refused != null) {
      return refused;
    }
    return isOutage(e.getSqlState() == null ? "" : e.getSqlState()) ? unavailable(e) : null;
  }

  // Class 08 connection exceptions, 57P0x shutdowns, 53300 too many connections, 3D000 no such database.
  private static boolean isOutage(String state) {
    return state.startsWith("08") || state.startsWith("57P") || state.equals("53300") || state.equals("3D000");
  }

  private static Problem unavailable(Throwable failure) {
    LOG.warn("dependency unavailable: {}", String.valueOf(failure));
    return Problem.of(503, "A service this request needs is unavailable; try again shortly");
  }

  private static Problem fromHttpException(HttpException e) {
    if (e.getCause() instanceof ValidatorException validation) {
      return fromValidation(validation);
    }
    // Vert.x reports every failed authentication as 401, even one that could not be decided
    // because the keys or the revocation list were out of reach: that is an outage.
    if (e.getStatusCode() == 401 && e.getCause() != null && isUnavailable(e.getCause())) {
      return unavailable(e.getCause());
    }
    // So is a revocation list not rebuilt yet after Redis lost it: its 503 says when to retry.
    if (e.getStatusCode() == 401 && e.getCause() instanceof ServiceException notReady && notReady.failureCode() == 503) {
      return toProblem(notReady, 503);
    }
    String detail = e.getPayload() != null ? e.getPayload() : defaultDetail(e.getStatusCode());
    return Problem.of(e.getStatusCode(), detail);
  }

  private static Problem fromValidation(ValidatorException e) {
    if (!(e instanceof SchemaValidationException schema) || schema.getOutputUnit() == null) {
      return Problem.of(400, e.getMessage());
    }
    Matcher parameter = PARAMETER.matcher(e.getMessage());
    JsonArray errors = ValidationErrors.of(schema.getOutputUnit(), parameter.find() ? parameter.group(1) : null);
    JsonObject first = errors.getJsonObject(0);
    String detail = first.getString("field") + ": " + first.getString("message")
        + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "");
    return Problem.of(400, detail.trim()).withErrors(errors);
  }

  private static Problem fromReply(ReplyException e) {
    return switch (e.failureType()) {
      case NO_HANDLERS -> Problem.of(503, "The service is not running");
      case TIMEOUT -> Problem.of(504, "The service did not answer in time");
      default -> e.failureCode() >= 400 && e.failureCode() < 600
          ? Problem.of(e.failureCode(), e.getMessage())
          : Problem.of(502, "The service failed");
    };
  }

  private static boolean isUnavailable(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      // A SocketException is a connection refused, reset or broken under a request (a database
      // cut mid-query), as is a channel closed under it.
      if (t instanceof SocketException || t instanceof ClosedChannelException || t instanceof ClosedConnectionException
          || t instanceof TimeoutException || t instanceof io.netty.channel.ConnectTimeoutException) {
        return true;
      }
      if (t instanceof VertxException && t.getMessage() != null && isConnectionMessage(t.getMessage())) {
        return true;
      }
    }
    return false;
  }

  private static boolean isConnectionMessage(String message) {
    String lower = message.toLowerCase();
    return lower.contains("timeout") || lower.contains("connection") || lower.contains("closed");
  }

  private static String defaultDetail(int status) {
    return switch (status) {
      case 401 -> "A valid bearer token is required";
      case 403 -> "This request is not allowed";
      case 404 -> "No such resource";
      case 405 -> "This method is not allowed here";
      case 413 -> "The request body is too large";
      case 415 -> "The request body must be application/json";
      case 503 -> "The service is unavailable; try again shortly";
      default -> Problem.of(status, "").title();
    };
  }
}
