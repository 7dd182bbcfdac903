package com.runningtrainer.common.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

  private static final Set<String> GATEWAY = Set.of("10.0.0.2");

  @Test
  void isThePeerWhenThePeerIsNoTrustedProxy() {
    assertThat(ClientAddress.resolve("203.0.113.9", "198.51.100.1", GATEWAY)).isEqualTo("203.0.113.9");
  }

  @Test
  void isTheAddressATrustedProxyAppended() {
    assertThat(ClientAddress.resolve("10.0.0.2", "198.51.100.1, 203.0.113.9", GATEWAY)).isEqualTo("203.0.113.9");
  }

  @Test
  void isThePeerWhenATrustedProxySentNoForwardedFor() {
    assertThat(ClientAddress.resolve("10.0.0.2", null, GATEWAY)).isEqualTo("10.0.0.2");
  }

  @Test
  void trustsNobodyByDefault() {
    assertThat(ClientAddress.resolve("10.0.0.2", "198.51.100.1", Set.of())).isEqualTo("10.0.0.2");
  }
}
