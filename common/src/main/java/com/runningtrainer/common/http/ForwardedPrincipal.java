package com.runningtrainer.common.http;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.User;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.impl.UserContextInternal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

/**
 * The caller the gateway has verified, carried to a service it reaches over HTTP in
 * {@value #HEADER} (the token's claims as base64url JSON): from a trusted proxy
 * ({@code TRUSTED_PROXIES}) the service takes it as the request's user and does not verify the
 * token again (nor ask Redis whether it is revoked: the gateway did). From anyone else the header
 * is ignored, and the bearer token is verified as always.
 */
public final class ForwardedPrincipal {

  public static final String HEADER = "X-Verified-Principal";

  private ForwardedPrincipal() {
  }

  /** The header's value for these claims. */
  public static String encode(JsonObject principal) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(principal.encode().getBytes(StandardCharsets.UTF_8));
  }

  /** The root handler that takes the forwarded caller from a trusted proxy, before any route checks a token. */
  public static Handler<RoutingContext> acceptor(Set<String> trustedProxies) {
    return rc -> {
      String forwarded = rc.request().getHeader(HEADER);
      if (forwarded != null && trustedProxies.contains(ClientAddress.peer(rc))) {
        JsonObject principal = decode(forwarded);
        if (principal != null) {
          // Vert.x 5 sets a request's user only through this internal interface (as its auth handlers do).
          ((UserContextInternal) rc.userContext()).setUser(User.create(principal));
        }
      }
      rc.next();
    };
  }

  private static JsonObject decode(String value) {
    try {
      return new JsonObject(Buffer.buffer(Base64.getUrlDecoder().decode(value)));
    } catch (RuntimeException malformed) {
      return null;
    }
  }
}
