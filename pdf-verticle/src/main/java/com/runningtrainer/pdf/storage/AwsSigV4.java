package com.runningtrainer.pdf.storage;

import com.runningtrainer.common.crypto.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * AWS Signature Version 4 in the {@code Authorization} header, as S3 and the stores that speak
 * its API check it. Only what S3Storage sends is covered: one region, one service, the payload
 * either hashed or {@link #UNSIGNED_PAYLOAD}; no session tokens, no presigned URLs.
 */
final class AwsSigV4 {

  private static final HexFormat HEX = HexFormat.of();

  static final String ALGORITHM = "AWS4-HMAC-SHA256";
  /** What {@code x-amz-content-sha256} says of a body streamed without being hashed first. */
  static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
  static final String EMPTY_PAYLOAD = sha256Hex(new byte[0]);

  private static final DateTimeFormatter AMZ_DATE =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final String accessKey;
  private final String secretKey;
  private final String region;
  private final String service;

  AwsSigV4(String accessKey, String secretKey, String region, String service) {
    this.accessKey = accessKey;
    this.secretKey = secretKey;
    this.region = region;
    this.service = service;
  }

  /**
   * The headers that sign a request: {@code x-amz-date}, {@code x-amz-content-sha256} and
   * {@code authorization}, to be sent with {@code headers} (which must hold {@code host} as it
   * will be sent) and unchanged.
   *
   * @param canonicalUri the path as it is sent, already encoded by {@link #uriEncodePath}
   * @param query the query parameters, not encoded
   * @param payloadHash the hex SHA-256 of the body, or {@link #UNSIGNED_PAYLOAD}
   */
  Map<String, String> sign(String method, String canonicalUri, Map<String, String> query, Map<String, String> headers,
      String payloadHash, Instant now) {
    String amzDate = AMZ_DATE.format(now);
    TreeMap<String, String> signed = new TreeMap<>();
    headers.forEach((name, value) -> signed.put(name.toLowerCase(Locale.ROOT), value));
    signed.put("x-amz-date", amzDate);
    signed.put("x-amz-content-sha256", payloadHash);
    String scope = amzDate.substring(0, 8) + "/" + region + "/" + service + "/aws4_request";
    String canonicalRequest = canonicalRequest(method, canonicalUri, query, signed, payloadHash);
    String stringToSign = ALGORITHM + "\n" + amzDate + "\n" + scope + "\n" + sha256Hex(utf8(canonicalRequest));
    String signature = HEX.formatHex(hmac(signingKey(amzDate.substring(0, 8)), stringToSign));
    String authorization = ALGORITHM + " Credential=" + accessKey + "/" + scope
        + ",SignedHeaders=" + String.join(";", signed.keySet()) + ",Signature=" + signature;
    return Map.of("x-amz-date", amzDate, "x-amz-content-sha256", payloadHash, "authorization", authorization);
  }

  /** The canonical request of SigV4: {@code headers} with lower-case names, every one of them signed. */
  static String canonicalRequest(String method, String canonicalUri, Map<String, String> query,
      Map<String, String> headers, String payloadHash) {
    TreeMap<String, String> sorted = new TreeMap<>();
    headers.forEach((name, value) -> sorted.put(name.toLowerCase(Locale.ROOT), value.trim().replaceAll(" +", " ")));
    String canonicalHeaders = sorted.entrySet().stream()
        .map(header -> header.getKey() + ":" + header.getValue() + "\n")
        .collect(Collectors.joining());
    return method + "\n"
        + canonicalUri + "\n"
        + canonicalQuery(query) + "\n"
        + canonicalHeaders + "\n"
        + String.join(";", sorted.keySet()) + "\n"
        + payloadHash;
  }

  private static String canonicalQuery(Map<String, String> query) {
    TreeMap<String, String> encoded = new TreeMap<>();
    query.forEach((name, value) -> encoded.put(uriEncode(name, true), uriEncode(value, true)));
    return encoded.entrySet().stream().map(pair -> pair.getKey() + "=" + pair.getValue()).collect(Collectors.joining("&"));
  }

  /** A path encoded as S3 expects it, once: every byte but {@code A-Z a-z 0-9 - . _ ~} and {@code /}. */
  static String uriEncodePath(String path) {
    return uriEncode(path, false);
  }

  private static String uriEncode(String text, boolean encodeSlash) {
    StringBuilder encoded = new StringBuilder();
    for (byte b : utf8(text)) {
      char c = (char) (b & 0xff);
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || c == '-' || c == '.' || c == '_' || c == '~' || (c == '/' && !encodeSlash)) {
        encoded.append(c);
      } else {
        encoded.append('%').append(HEX.withUpperCase().toHexDigits(b));
      }
    }
    return encoded.toString();
  }

  private byte[] signingKey(String date) {
    byte[] dateKey = hmac(utf8("AWS4" + secretKey), date);
    byte[] regionKey = hmac(dateKey, region);
    byte[] serviceKey = hmac(regionKey, service);
    return hmac(serviceKey, "aws4_request");
  }

  static String sha256Hex(byte[] bytes) {
    return HEX.formatHex(Sha256.of(bytes));
  }

  private static byte[] hmac(byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(utf8(data));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JVM has no HmacSHA256", e);
    }
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
