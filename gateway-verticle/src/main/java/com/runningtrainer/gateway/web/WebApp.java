package com.runningtrainer.gateway.web;

import com.runningtrainer.common.api.Problem;
import com.runningtrainer.common.http.ProblemWriter;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;

/**
 * Serves the web app beside the API: its page at {@code /} (and at the paths of the links that
 * mails carry: {@code /verify-email}, {@code /reset-password}, {@code /confirm-email}, {@code /coaching/invitations}), revalidated on every visit by its ETag, and its
 * scripts and styles at {@code /app/<version>/...}, cached for ever since a new version is a new
 * URL. The server compresses them; every answer carries a strict Content-Security-Policy.
 */
public final class WebApp {

  /** The pages that open the app: its root, what the mails link to, and where Strava sends the browser back. */
  static final List<String> PAGES = List.of("/", "/verify-email", "/reset-password", "/confirm-email",
      "/coaching/invitations", "/strava/connected");
  static final String ASSETS = "/app/";
  private static final String VERSION_MARK = "@VERSION@";
  private static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
      + "connect-src 'self'; font-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'self'; "
      + "frame-ancestors 'none'";
  private static final Map<String, String> MEDIA_TYPES = Map.of(
      "js", "text/javascript; charset=utf-8",
      "css", "text/css; charset=utf-8",
      "svg", "image/svg+xml",
      "html", "text/html; charset=utf-8",
      "json", "application/json");

  private final WebAssets assets;
  private final Buffer index;
  private final String indexTag;

  public WebApp(WebAssets assets) {
    this.assets = assets;
    this.index = Buffer.buffer(assets.index().toString().replace(VERSION_MARK, assets.version()));
    this.indexTag = "\"" + assets.version() + "\"";
  }

  /** Mounts the app's routes on the gateway's root router, before the API's. */
  public void mount(Router root) {
    PAGES.forEach(page -> root.get(page).handler(this::page));
    root.get(ASSETS + ":version/*").handler(this::asset);
  }

  private void page(RoutingContext rc) {
    HttpServerResponse response = secured(rc.response()).putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
        .putHeader(HttpHeaders.ETAG, indexTag);
    if (indexTag.equals(rc.request().getHeader(HttpHeaders.IF_NONE_MATCH))) {
      response.setStatusCode(304).end();
      return;
    }
    response.putHeader(HttpHeaders.CONTENT_TYPE, MEDIA_TYPES.get("html")).end(index);
  }

  private void asset(RoutingContext rc) {
    String path = rc.pathParam("*");
    Buffer file = path == null || path.equals("index.html") ? null : assets.file(path);
    String type = file == null ? null : MEDIA_TYPES.get(path.substring(path.lastIndexOf('.') + 1));
    if (!assets.version().equals(rc.pathParam("version")) || type == null) {
      ProblemWriter.write(secured(rc.response()), Problem.of(404, "no such file of this version of the app"));
      return;
    }
    secured(rc.response()).putHeader(HttpHeaders.CACHE_CONTROL, "public, max-age=31536000, immutable")
        .putHeader(HttpHeaders.CONTENT_TYPE, type).end(file);
  }

  private static HttpServerResponse secured(HttpServerResponse response) {
    return response.putHeader("Content-Security-Policy", CSP)
        .putHeader("X-Content-Type-Options", "nosniff")
        .putHeader("Referrer-Policy", "no-referrer")
        .putHeader("X-Frame-Options", "DENY");
  }
}
