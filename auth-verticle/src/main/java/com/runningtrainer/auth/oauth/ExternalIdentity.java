package com.runningtrainer.auth.oauth;

/**
 * Who a provider says the user is.
 *
 * @param subject the provider's stable id of the user (Google's {@code sub}, Strava's athlete id)
 * @param email lower-cased; null when the provider gives none (Strava)
 * @param emailVerified whether the provider vouches that the user owns {@code email}
 */
public record ExternalIdentity(String provider, String subject, String email, boolean emailVerified, String displayName) {
}
