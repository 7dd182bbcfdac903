package com.runningtrainer.pdf.storage;

import com.runningtrainer.common.config.Config;
import java.net.URI;
import java.util.Locale;

/**
 * Where and how S3Storage reaches its bucket: {@code S3_ENDPOINT} (default AWS's endpoint of the
 * region), {@code S3_BUCKET}, {@code S3_REGION} (default us-east-1), {@code S3_ACCESS_KEY},
 * {@code S3_SECRET_KEY}, {@code S3_PATH_STYLE} (default true but on AWS, whose buckets are
 * addressed as hosts) and {@code S3_TIMEOUT_MS} (default 10 s: one call, or one pause in a
 * stream).
 */
public record S3Settings(URI endpoint, String bucket, String region, String accessKey, String secretKey,
    boolean pathStyle, long timeoutMs) {

  public static final String DEFAULT_REGION = "us-east-1";

  @Override
  public String toString() {
    return "S3Settings[endpoint=" + endpoint + ", bucket=" + bucket + ", region=" + region + ", pathStyle=" + pathStyle + "]";
  }

  /**
   * @throws IllegalArgumentException when the bucket or a key is missing, or the endpoint is not an http(s) URL
   */
  public static S3Settings from(Config config) {
    String region = config.string("S3_REGION", DEFAULT_REGION);
    URI endpoint = endpoint(config.string("S3_ENDPOINT", "https://s3." + region + ".amazonaws.com"));
    boolean onAws = endpoint.getHost().toLowerCase(Locale.ROOT).endsWith(".amazonaws.com");
    return new S3Settings(
        endpoint,
        required(config, "S3_BUCKET"),
        region,
        required(config, "S3_ACCESS_KEY"),
        required(config, "S3_SECRET_KEY"),
        config.bool("S3_PATH_STYLE", !onAws),
        config.integer("S3_TIMEOUT_MS", 10_000));
  }

  boolean ssl() {
    return endpoint.getScheme().equals("https");
  }

  int port() {
    return endpoint.getPort() != -1 ? endpoint.getPort() : ssl() ? 443 : 80;
  }

  /** The host a request for the bucket goes to: the endpoint's, or the bucket's own on virtual-host style. */
  String host() {
    return pathStyle ? endpoint.getHost() : bucket + "." + endpoint.getHost();
  }

  /** The {@code Host} header, as the HTTP client writes it: without the scheme's default port. */
  String authority() {
    return endpoint.getPort() == -1 || port() == (ssl() ? 443 : 80) ? host() : host() + ":" + port();
  }

  /** The encoded path of a key (or of the bucket, for an empty key). */
  String path(String key) {
    String path = pathStyle ? "/" + bucket + (key.isEmpty() ? "" : "/" + key) : "/" + key;
    return AwsSigV4.uriEncodePath(path);
  }

  private static URI endpoint(String value) {
    URI uri = URI.create(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
    if (uri.getHost() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
      throw new IllegalArgumentException("S3_ENDPOINT must be an http(s) URL, not '" + value + "'");
    }
    return uri;
  }

  private static String required(Config config, String name) {
    return config.find(name).orElseThrow(() -> new IllegalArgumentException(name + " must be set to store PDFs in S3"));
  }
}
