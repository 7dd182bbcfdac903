package com.runningtrainer.auth.session;

import java.util.UUID;

/**
 * What presenting a refresh token led to.
 *
 * @param sessionId the token's session; null when the token is unknown or expired
 * @param userId the session's user when {@link #rotated}
 * @param rotated true when the token was live and has been exchanged for a new one; false with
 *     a session id when it had been used before, and its session has been ended
 */
public record Rotation(UUID sessionId, UUID userId, boolean rotated) {

  static Rotation unknown() {
    return new Rotation(null, null, false);
  }
}
