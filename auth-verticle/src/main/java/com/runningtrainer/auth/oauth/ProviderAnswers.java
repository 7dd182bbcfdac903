package com.runningtrainer.auth.oauth;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Tells a provider's 4xx answer (a refused code, an unknown client) from an outage, which is
 * what its circuit breaker counts. A 4xx says the provider is up and read the request: it must
 * never pause everyone's logins. 408 and 429 are the exceptions, since they mean "not now".
 */
final class ProviderAnswers {

  // vertx-auth-oauth2 fails a non-2xx answer with a bare message, no status: the RFC 6749 §5.2
  // "error" of a JSON error body (then ": description"), or else the reason phrase (then
  // ": body"); discovery says "Bad Response [status] ...". So the status is read back from that.
  private static final Set<String> OAUTH_ERRORS = Set.of("invalid_request", "invalid_client", "invalid_grant",
      "unauthorized_client", "unsupported_grant_type", "invalid_scope");
  private static final Set<String> CLIENT_ERROR_PHRASES = IntStream.range(400, 500)
      .filter(ProviderAnswers::isRefusal)
      .mapToObj(status -> HttpResponseStatus.valueOf(status).reasonPhrase())
      .collect(Collectors.toUnmodifiableSet());
  private static final Pattern DISCOVERY_STATUS = Pattern.compile("^Bad Response \\[(\\d{3})]");

  private ProviderAnswers() {
  }

  /** Whether the call failed because the provider answered it with a client error (4xx). */
  static boolean isClientError(Throwable failure) {
    String message = String.valueOf(failure.getMessage());
    Matcher discovery = DISCOVERY_STATUS.matcher(message);
    if (discovery.find()) {
      return isRefusal(Integer.parseInt(discovery.group(1)));
    }
    int colon = message.indexOf(':');
    String head = colon < 0 ? message : message.substring(0, colon);
    return OAUTH_ERRORS.contains(head) || CLIENT_ERROR_PHRASES.contains(head);
  }

  private static boolean isRefusal(int status) {
    return status >= 400 && status < 500 && status != 408 && status != 429;
  }
}
