package com.runningtrainer.common.auth;

/**
 * One entry of the revocation list, as auth keeps it in PostgreSQL to rebuild Redis from.
 *
 * @param kind {@code jti} (one token), {@code sid} (every token of a session) or {@code user}
 *     (every token of the user issued until {@code revokedBefore})
 * @param subject the token id, session id or user id
 * @param revokedBefore for {@code user}: epoch seconds; tokens issued then or before are revoked
 * @param expiresAt epoch seconds after which no token it covers can be alive
 */
public record Revocation(String kind, String subject, long revokedBefore, long expiresAt) {
}
