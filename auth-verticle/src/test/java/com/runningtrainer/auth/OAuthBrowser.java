package com.runningtrainer.auth;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;

/**
 * A browser walking an OAuth2 login, one redirect at a time: auth's start, the provider's
 * authorization page (where the fake signs the chosen user in), back to auth's callback.
 */
final class OAuthBrowser {

  private final AuthPlatform platform;
  private final WebClient web;

  OAuthBrowser(AuthPlatform platform) {
    this.platform = platform;
    this.web = WebClient.create(platform.vertx, new WebClientOptions().setFollowRedirects(false));
  }

  HttpResponse<Buffer> start(String provider) {
    return open("http://127.0.0.1:" + platform.http.port() + "/api/v1/auth/oauth/" + provider + "/start");
  }

  /** The web app's start of a login, whose callback lands back in the app. */
  HttpResponse<Buffer> startFromTheApp(String provider) {
    return open("http://127.0.0.1:" + platform.http.port() + "/api/v1/auth/oauth/" + provider + "/start?session=cookie");
  }

  /** Where auth's start sends the browser: the provider's authorization URL. */
  String authorizationUrl(String provider) {
    return redirect(start(provider));
  }

  /** Where the provider's authorization page sends the browser back: auth's callback URL with state and code. */
  String consent(String authorizationUrl) {
    return redirect(open(authorizationUrl));
  }

  /** The callback URL of a login, up to the point where the browser would open it. */
  String callbackUrl(String provider) {
    return consent(authorizationUrl(provider));
  }

  /** A whole login: start, consent, callback; the callback's answer. */
  HttpResponse<Buffer> login(String provider) {
    return open(callbackUrl(provider));
  }

  /** A whole login that must succeed; our tokens. */
  JsonObject tokens(String provider) {
    HttpResponse<Buffer> response = login(provider);
    if (response.statusCode() != 200) {
      throw new IllegalStateException("the " + provider + " login failed: " + response.bodyAsString());
    }
    return response.bodyAsJsonObject();
  }

  HttpResponse<Buffer> open(String url) {
    return web.getAbs(url).send().await();
  }

  /** A query parameter of a URL, decoded; null when absent. */
  static String parameter(String url, String name) {
    String query = URI.create(url).getRawQuery();
    if (query == null) {
      return null;
    }
    for (String pair : query.split("&")) {
      int equals = pair.indexOf('=');
      String key = equals < 0 ? pair : pair.substring(0, equals);
      if (key.equals(name)) {
        return equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  /** The URL with one query parameter's value replaced. */
  static String withParameter(String url, String name, String value) {
    String encoded = URLEncoder.encode(value, StandardCharsets.UTF_8);
    return url.replaceFirst("([?&]" + name + "=)[^&]*", "$1" + Matcher.quoteReplacement(encoded));
  }

  private static String redirect(HttpResponse<Buffer> response) {
    if (response.statusCode() != 302 || response.getHeader("Location") == null) {
      throw new IllegalStateException("expected a redirect, got " + response.statusCode() + ": " + response.bodyAsString());
    }
    return response.getHeader("Location");
  }
}
