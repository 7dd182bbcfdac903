package com.runningtrainer.common.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.auth.User;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.ext.web.handler.JWTAuthHandler;
import io.vertx.ext.web.impl.UserContextInternal;
import java.util.List;

/**
 * The contracts' {@code bearerAuth}: the {@code Authorization: Bearer} token of every request
 * given to {@link JWTAuth#authenticate} (for the services, signature, claims and revocation), and
 * the same answers as vertx-web's {@link JWTAuthHandler#create(JWTAuth)}: 401 without a bearer
 * token or with one that does not authenticate, 400 for a header or token that is malformed. It
 * exists because that handler, per request, pauses and resumes the request around a
 * token check that our verifier mostly answers at once from memory, and checks each character of
 * the token with {@link Character#isLetterOrDigit} (bench/README.md, "A leaner request path").
 * The contracts name no scopes, so none are checked; asking for one fails at start-up.
 */
final class BearerAuth implements JWTAuthHandler {

  private static final HttpException UNAUTHORIZED = new HttpException(401);
  private static final HttpException BAD_REQUEST = new HttpException(400);
  private static final String BEARER = "Bearer";
  private static final boolean[] TOKEN_CHARS = new boolean[128];

  static {
    for (char c = 0; c < 128; c++) {
      TOKEN_CHARS[c] = Character.isLetterOrDigit(c) || c == '-' || c == '_';
    }
  }

  private final JWTAuth tokens;

  BearerAuth(JWTAuth tokens) {
    this.tokens = tokens;
  }

  @Override
  public void handle(RoutingContext rc) {
    if (rc.user() != null || isPreflight(rc.request())) {
      rc.next();
      return;
    }
    String authorization = rc.request().headers().get(HttpHeaders.AUTHORIZATION);
    if (authorization == null) {
      rc.fail(401, UNAUTHORIZED);
      return;
    }
    int space = authorization.indexOf(' ');
    if (space <= 0) {
      rc.fail(400, BAD_REQUEST);
      return;
    }
    if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length()) || space != BEARER.length()) {
      rc.fail(401, UNAUTHORIZED);
      return;
    }
    String token = authorization.substring(space + 1);
    // The token is looked at character by character only when it does not authenticate: one that
    // does (nearly always, one the verifier remembers) is well formed, and the look cost 4 % of a
    // plan read's CPU. A malformed one is then answered 400 whatever else failed.
    tokens.authenticate(new TokenCredentials(token)).onComplete(done -> {
      if (done.succeeded()) {
        ((UserContextInternal) rc.userContext()).setUser(done.result());
        rc.next();
        return;
      }
      HttpException malformed = malformed(token);
      if (malformed != null) {
        rc.fail(400, malformed);
      } else {
        // The cause stays with it: a check that could not be decided (keys or revocations out of
        // reach) is answered 503 by ProblemMapper, not 401.
        rc.fail(401, new HttpException(401, done.cause()));
      }
    });
  }

  /** A JWS in compact form: at most three dot-separated parts of base64url characters. */
  static HttpException malformed(String token) {
    int dots = 0;
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c == '.') {
        if (++dots == 3) {
          return new HttpException(400, "Too many segments in token");
        }
      } else if (c < 128 ? !TOKEN_CHARS[c] : !Character.isLetterOrDigit(c)) {
        return new HttpException(400, "Invalid character in token: " + (int) c);
      }
    }
    return null;
  }

  // A CORS preflight never carries the token it announces (vertx-web's test, to the letter).
  private static boolean isPreflight(HttpServerRequest request) {
    if (request.method() != HttpMethod.OPTIONS) {
      return false;
    }
    String announced = request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS);
    if (announced == null) {
      return false;
    }
    for (String header : announced.split(",")) {
      if (header.equalsIgnoreCase("Authorization")) {
        return true;
      }
    }
    return false;
  }

  @Override
  public JWTAuthHandler scopeDelimiter(String delimiter) {
    throw new UnsupportedOperationException("the contracts name no scopes");
  }

  @Override
  public JWTAuthHandler withScope(String scope) {
    throw new UnsupportedOperationException("the contracts name no scopes");
  }

  @Override
  public JWTAuthHandler withScopes(List<String> scopes) {
    throw new UnsupportedOperationException("the contracts name no scopes");
  }
}
