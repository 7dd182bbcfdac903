package com.runningtrainer.testsupport;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

/** A blocking HTTP client for tests, speaking real HTTP to one service. */
public final class TestHttp {

  private final WebClient client;
  private final int port;

  public TestHttp(Vertx vertx, int port) {
    this(vertx, port, null);
  }

  /**
   * A client whose connections come from {@code localAddress}, e.g. {@code 127.0.0.7}: every
   * address of 127.0.0.0/8 is this machine, so a test can be several clients by their IPs.
   */
  public TestHttp(Vertx vertx, int port, String localAddress) {
    this.client = WebClient.create(vertx,
        new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port).setLocalAddress(localAddress));
    this.port = port;
  }

  public int port() {
    return port;
  }

  public HttpResponse<Buffer> get(String path, String token) {
    return request(HttpMethod.GET, path, token).send().await();
  }

  public HttpResponse<Buffer> delete(String path, String token) {
    return request(HttpMethod.DELETE, path, token).send().await();
  }

  public HttpResponse<Buffer> post(String path, String token, JsonObject body) {
    return request(HttpMethod.POST, path, token).sendJsonObject(body).await();
  }

  public HttpResponse<Buffer> put(String path, String token, JsonObject body) {
    return request(HttpMethod.PUT, path, token).sendJsonObject(body).await();
  }

  /** A request with a raw body, for malformed input. */
  public HttpResponse<Buffer> send(HttpMethod method, String path, String token, String contentType, String body) {
    return request(method, path, token).putHeader("Content-Type", contentType).sendBuffer(Buffer.buffer(body)).await();
  }

  public HttpRequest<Buffer> request(HttpMethod method, String path, String token) {
    HttpRequest<Buffer> request = client.request(method, path);
    if (token != null) {
      request.bearerTokenAuthentication(token);
    }
    return request;
  }
}
