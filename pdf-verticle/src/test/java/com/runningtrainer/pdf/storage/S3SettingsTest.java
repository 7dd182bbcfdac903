package com.runningtrainer.pdf.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.runningtrainer.common.config.Config;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the settings address a bucket: path-style on any store but AWS, the bucket as a host on AWS. */
class S3SettingsTest {

  @Test
  void aStoreOutsideAwsIsAddressedPathStyle() {
    // when
    S3Settings settings = S3Settings.from(config(Map.of("S3_ENDPOINT", "http://minio:9000")));

    // then
    assertThat(settings.pathStyle()).isTrue();
    assertThat(settings.authority()).isEqualTo("minio:9000");
    assertThat(settings.path("plans/a b.pdf")).isEqualTo("/pdfs/plans/a%20b.pdf");
    assertThat(settings.path("")).isEqualTo("/pdfs");
  }

  @Test
  void awsIsAddressedByVirtualHostInTheRegion() {
    // when
    S3Settings settings = S3Settings.from(config(Map.of("S3_REGION", "eu-west-3")));

    // then
    assertThat(settings.endpoint().toString()).isEqualTo("https://s3.eu-west-3.amazonaws.com");
    assertThat(settings.pathStyle()).isFalse();
    assertThat(settings.authority()).isEqualTo("pdfs.s3.eu-west-3.amazonaws.com");
    assertThat(settings.port()).isEqualTo(443);
    assertThat(settings.path("plans/1.pdf")).isEqualTo("/plans/1.pdf");
  }

  @Test
  void pathStyleCanBeChosenOnAws() {
    // when
    S3Settings settings = S3Settings.from(config(Map.of("S3_PATH_STYLE", "true")));

    // then
    assertThat(settings.authority()).isEqualTo("s3.us-east-1.amazonaws.com");
    assertThat(settings.path("plans/1.pdf")).isEqualTo("/pdfs/plans/1.pdf");
  }

  @Test
  void theSecretIsNeverPrinted() {
    // when
    String printed = S3Settings.from(config(Map.of())).toString();

    // then
    assertThat(printed).doesNotContain("the-secret").doesNotContain("the-access-key");
  }

  private static Config config(Map<String, String> values) {
    Map<String, String> all = new HashMap<>(Map.of("S3_BUCKET", "pdfs", "S3_ACCESS_KEY", "the-access-key",
        "S3_SECRET_KEY", "the-secret"));
    all.putAll(values);
    return Config.of(all);
  }
}
