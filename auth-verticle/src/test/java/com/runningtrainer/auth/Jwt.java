package com.runningtrainer.auth;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A compact JWS taken apart without verifying it, to read what a token says. */
record Jwt(JsonObject header, JsonObject payload, String signature) {

  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

  static Jwt decode(String token) {
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3) {
      throw new IllegalArgumentException("not a compact JWS: " + parts.length + " parts");
    }
    return new Jwt(json(parts[0]), json(parts[1]), parts[2]);
  }

  static String encode(JsonObject part) {
    return ENCODER.encodeToString(part.encode().getBytes(StandardCharsets.UTF_8));
  }

  /** The token with its payload replaced, keeping header and signature. */
  static String withPayload(String token, JsonObject payload) {
    String[] parts = token.split("\\.", -1);
    return parts[0] + "." + encode(payload) + "." + parts[2];
  }

  private static JsonObject json(String part) {
    return new JsonObject(Buffer.buffer(DECODER.decode(part)));
  }
}
