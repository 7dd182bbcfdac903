package com.runningtrainer.pdf.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The signer against the examples AWS publishes as a test suite for S3's signing code: "Signature
 * Calculations for the Authorization Header: Transferring Payload in a Single Chunk (AWS
 * Signature Version 4)", section "Examples: Signature Calculations", in the Amazon S3 API
 * Reference (https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html).
 * Each example gives the canonical request, whose SHA-256 is the last line of its StringToSign,
 * and the signature; both are checked, so that a failure says which half is wrong.
 */
class AwsSigV4Test {

  private static final String HOST = "examplebucket.s3.amazonaws.com";
  private static final Instant DOC_TIME = Instant.parse("2013-05-24T00:00:00Z");
  private static final AwsSigV4 DOC_SIGNER =
      new AwsSigV4("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "us-east-1", "s3");

  @Test
  void signsTheGetObjectExample() {
    // given the GET Object example: a Range header, no body
    Map<String, String> headers = Map.of("Host", HOST, "Range", "bytes=0-9");

    // when
    Map<String, String> signed = DOC_SIGNER.sign("GET", "/test.txt", Map.of(), headers, AwsSigV4.EMPTY_PAYLOAD, DOC_TIME);

    // then
    assertThat(canonicalRequestHash("GET", "/test.txt", Map.of(), headers, signed))
        .isEqualTo("7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972");
    assertThat(signed.get("authorization")).isEqualTo("AWS4-HMAC-SHA256 "
        + "Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,"
        + "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,"
        + "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41");
    assertThat(signed).containsEntry("x-amz-date", "20130524T000000Z")
        .containsEntry("x-amz-content-sha256", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  }

  @Test
  void signsThePutObjectExample() {
    // given the PUT Object example: a hashed body, a key with '$', a Date and a storage class
    String payloadHash = AwsSigV4.sha256Hex("Welcome to Amazon S3.".getBytes(StandardCharsets.UTF_8));
    Map<String, String> headers = Map.of("Host", HOST, "Date", "Fri, 24 May 2013 00:00:00 GMT",
        "x-amz-storage-class", "REDUCED_REDUNDANCY");
    String uri = AwsSigV4.uriEncodePath("/test$file.text");

    // when
    Map<String, String> signed = DOC_SIGNER.sign("PUT", uri, Map.of(), headers, payloadHash, DOC_TIME);

    // then
    assertThat(payloadHash).isEqualTo("44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072");
    assertThat(uri).isEqualTo("/test%24file.text");
    assertThat(canonicalRequestHash("PUT", uri, Map.of(), headers, signed))
        .isEqualTo("9e0e90d9c76de8fa5b200d8c849cd5b8dc7a3be3951ddb7f6a76b4158342019d");
    assertThat(signed.get("authorization"))
        .contains("SignedHeaders=date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class,")
        .endsWith("Signature=98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd");
  }

  @Test
  void signsTheGetBucketLifecycleExample() {
    // given a query parameter with no value
    Map<String, String> query = Map.of("lifecycle", "");
    Map<String, String> headers = Map.of("Host", HOST);

    // when
    Map<String, String> signed = DOC_SIGNER.sign("GET", "/", query, headers, AwsSigV4.EMPTY_PAYLOAD, DOC_TIME);

    // then
    assertThat(canonicalRequestHash("GET", "/", query, headers, signed))
        .isEqualTo("9766c798316ff2757b517bc739a67f6213b4ab36dd5da2f94eaebf79c77395ca");
    assertThat(signed.get("authorization"))
        .endsWith("Signature=fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543");
  }

  @Test
  void signsTheListObjectsExample() {
    // given query parameters, which the canonical request sorts
    Map<String, String> query = Map.of("prefix", "J", "max-keys", "2");
    Map<String, String> headers = Map.of("Host", HOST);

    // when
    Map<String, String> signed = DOC_SIGNER.sign("GET", "/", query, headers, AwsSigV4.EMPTY_PAYLOAD, DOC_TIME);

    // then
    assertThat(canonicalRequestHash("GET", "/", query, headers, signed))
        .isEqualTo("df57d21db20da04d7fa30298dd4488ba3a2b47ca3a489c74750e0f1e7df1b9b7");
    assertThat(signed.get("authorization"))
        .endsWith("Signature=34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7");
  }

  @Test
  void encodesEachKeySegmentOnceAndKeepsItsSlashes() {
    // given a key with spaces, a plus, brackets and non-ASCII letters
    String key = "/photos/été 2013/a+b (1)~x_y-z.pdf";

    // when
    String encoded = AwsSigV4.uriEncodePath(key);

    // then
    assertThat(encoded).isEqualTo("/photos/%C3%A9t%C3%A9%202013/a%2Bb%20%281%29~x_y-z.pdf");
  }

  private static String canonicalRequestHash(String method, String uri, Map<String, String> query,
      Map<String, String> headers, Map<String, String> signed) {
    Map<String, String> all = new java.util.HashMap<>(headers);
    all.put("x-amz-date", signed.get("x-amz-date"));
    all.put("x-amz-content-sha256", signed.get("x-amz-content-sha256"));
    String canonical = AwsSigV4.canonicalRequest(method, uri, query, all, signed.get("x-amz-content-sha256"));
    return AwsSigV4.sha256Hex(canonical.getBytes(StandardCharsets.UTF_8));
  }
}
