package com.runningtrainer.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.runningtrainer.common.config.Config;
import io.vertx.core.eventbus.EventBusOptions;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterSettingsTest {

  private static final Config NOTHING_SET = Config.of(Map.of());

  @Test
  void by_default_the_nodes_of_this_host_join_over_tcp_on_loopback() {
    com.hazelcast.config.Config hazelcast = ClusterSettings.from(NOTHING_SET).hazelcastConfig();
    NetworkConfig network = hazelcast.getNetworkConfig();
    JoinConfig join = network.getJoin();

    assertThat(hazelcast.getClusterName()).isEqualTo("running-trainer");
    assertThat(network.getPort()).isEqualTo(5701);
    assertThat(network.isPortAutoIncrement()).isTrue();
    assertThat(network.getInterfaces().getInterfaces()).containsExactly("127.0.0.1");
    assertThat(join.getMulticastConfig().isEnabled()).isFalse();
    assertThat(join.getAutoDetectionConfig().isEnabled()).isFalse();
    assertThat(join.getTcpIpConfig().isEnabled()).isTrue();
    assertThat(join.getTcpIpConfig().getMembers()).containsExactly("127.0.0.1");
    assertThat(hazelcast.getProperty("hazelcast.tcp.join.port.try.count")).isEqualTo("10");
    assertThat(hazelcast.getProperty("hazelcast.shutdownhook.enabled")).isEqualTo("false");
  }

  @Test
  void vertx_own_maps_are_kept() {
    com.hazelcast.config.Config hazelcast = ClusterSettings.from(NOTHING_SET).hazelcastConfig();

    assertThat(hazelcast.getMultiMapConfigs()).containsKey("__vertx.subs");
    assertThat(hazelcast.getMapConfigs()).containsKeys("__vertx.haInfo", "__vertx.nodeInfo");
  }

  @Test
  void members_name_and_addresses_come_from_the_environment() {
    ClusterSettings settings = ClusterSettings.from(Config.of(Map.of(
        "CLUSTER_NAME", "staging",
        "CLUSTER_MEMBERS", " 10.0.0.5:5701, ,10.0.0.6 ",
        "CLUSTER_HOST", "10.0.0.7",
        "CLUSTER_PORT", "6000",
        "CLUSTER_PUBLIC_HOST", "trainer-1.example.net",
        "EVENTBUS_PORT", "6100")));
    com.hazelcast.config.Config hazelcast = settings.hazelcastConfig();
    EventBusOptions eventBus = settings.eventBusOptions();

    assertThat(hazelcast.getClusterName()).isEqualTo("staging");
    assertThat(hazelcast.getNetworkConfig().getJoin().getTcpIpConfig().getMembers()).containsExactly("10.0.0.5:5701", "10.0.0.6");
    assertThat(hazelcast.getNetworkConfig().getInterfaces().getInterfaces()).containsExactly("10.0.0.7");
    assertThat(hazelcast.getNetworkConfig().getPort()).isEqualTo(6000);
    assertThat(hazelcast.getNetworkConfig().getPublicAddress()).isEqualTo("trainer-1.example.net");
    assertThat(eventBus.getHost()).isEqualTo("10.0.0.7");
    assertThat(eventBus.getPort()).isEqualTo(6100);
    assertThat(eventBus.getClusterPublicHost()).isEqualTo("trainer-1.example.net");
  }

  @Test
  void the_event_bus_listens_where_the_cluster_manager_does_on_any_free_port_by_default() {
    EventBusOptions eventBus = ClusterSettings.from(NOTHING_SET).eventBusOptions();

    assertThat(eventBus.getHost()).isEqualTo("127.0.0.1");
    assertThat(eventBus.getPort()).isZero();
    assertThat(eventBus.getClusterPublicHost()).isNull();
  }
}
