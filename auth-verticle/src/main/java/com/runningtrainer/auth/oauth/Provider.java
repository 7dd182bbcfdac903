package com.runningtrainer.auth.oauth;

import io.vertx.core.Future;

/** An OAuth2 provider users can log in with. */
public interface Provider {

  String name();

  /** Where to send the browser to begin this login. */
  Future<String> authorizationUrl(LoginAttempt attempt);

  /**
   * Exchanges the authorization code of this login at the provider and checks what comes back;
   * 401 when the provider refuses the code or its answer does not prove the user, 502 when the
   * provider cannot be reached in time or breaks its protocol, 503 while its breaker is open.
   */
  Future<ExternalIdentity> identify(String code, LoginAttempt attempt);

  void close();
}
