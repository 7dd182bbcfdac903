package com.runningtrainer.auth.oauth;

import com.runningtrainer.common.config.Config;

/**
 * Where the OAuth2 providers are and who we are to them, by environment variable. A provider
 * without a client id is disabled.
 *
 * @param redirectBase where browsers reach auth from outside; the callback of provider {@code p}
 *     is {@code <redirectBase>/api/v1/auth/oauth/<p>/callback}, registered at the provider
 * @param timeoutMs the longest any one call to a provider may take
 */
public record OAuthSettings(String redirectBase, long timeoutMs, ProviderSettings google, ProviderSettings strava) {

  public static OAuthSettings from(Config config) {
    return new OAuthSettings(
        withoutTrailingSlash(config.string("OAUTH_REDIRECT_BASE", "http://localhost:8004")),
        config.integer("OAUTH_TIMEOUT_MS", 5_000),
        provider(config, "GOOGLE", "GOOGLE_ISSUER", "https://accounts.google.com"),
        provider(config, "STRAVA", "STRAVA_BASE_URL", "https://www.strava.com"));
  }

  public String callbackUrl(String provider) {
    return redirectBase + "/api/v1/auth/oauth/" + provider + "/callback";
  }

  private static ProviderSettings provider(Config config, String prefix, String urlVariable, String defaultUrl) {
    return new ProviderSettings(
        withoutTrailingSlash(config.string(urlVariable, defaultUrl)),
        config.find(prefix + "_CLIENT_ID").orElse(null),
        config.find(prefix + "_CLIENT_SECRET").orElse(null));
  }

  private static String withoutTrailingSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /** One provider: its base URL (for Google, the issuer), our client id and secret there. */
  public record ProviderSettings(String baseUrl, String clientId, String clientSecret) {

    public boolean enabled() {
      return clientId != null;
    }
  }
}
