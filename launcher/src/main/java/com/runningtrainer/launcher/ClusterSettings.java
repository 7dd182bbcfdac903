package com.runningtrainer.launcher;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import java.util.Arrays;
import java.util.List;

/**
 * How a {@code --cluster} node finds the others and how they reach it, from environment
 * variables. The defaults make a cluster of the JVMs of this host on loopback: members are found
 * over TCP at known addresses, never by multicast or cloud discovery, which a laptop, a CI machine
 * or a container network may not have.
 *
 * @param name {@code CLUSTER_NAME}: only nodes of the same name join each other
 * @param members {@code CLUSTER_MEMBERS}: where to look for other nodes, {@code host[:port]}; a
 *     host without a port is tried on {@link #port} and the nine ports after it
 * @param host {@code CLUSTER_HOST}: the local address (or a Hazelcast interface pattern such as
 *     {@code 10.0.*.*}) the cluster manager binds to
 * @param port {@code CLUSTER_PORT}: its port, or the next free one after it
 * @param publicHost {@code CLUSTER_PUBLIC_HOST}: the address the other nodes reach this one at
 *     when it is not {@code host} (a container behind NAT); null when it is
 * @param eventBusHost {@code EVENTBUS_HOST}: where the event bus listens for the other nodes
 * @param eventBusPort {@code EVENTBUS_PORT}: its port; 0 for any free one, announced in the cluster
 */
record ClusterSettings(String name, List<String> members, String host, int port, String publicHost,
    String eventBusHost, int eventBusPort) {

  static final String DEFAULT_NAME = "running-trainer";
  static final String DEFAULT_HOST = "127.0.0.1";
  static final int DEFAULT_PORT = 5701;
  /** Hazelcast's own default is 3: too few for several nodes on one host. */
  private static final int PORTS_TRIED_PER_MEMBER = 10;
  /** Bounds leaving the cluster within the launcher's stop of Vert.x (Hazelcast waits 600 s). */
  private static final int LEAVE_WAIT_SECONDS = 10;

  ClusterSettings {
    members = List.copyOf(members);
  }

  static ClusterSettings from(com.runningtrainer.common.config.Config config) {
    String host = config.string("CLUSTER_HOST", DEFAULT_HOST);
    List<String> members = Arrays.stream(config.string("CLUSTER_MEMBERS", DEFAULT_HOST).split(","))
        .map(String::trim)
        .filter(member -> !member.isEmpty())
        .toList();
    return new ClusterSettings(
        config.string("CLUSTER_NAME", DEFAULT_NAME),
        members,
        host,
        config.integer("CLUSTER_PORT", DEFAULT_PORT),
        config.find("CLUSTER_PUBLIC_HOST").orElse(null),
        config.string("EVENTBUS_HOST", host),
        config.integer("EVENTBUS_PORT", 0));
  }

  /**
   * Vert.x's own Hazelcast configuration (its {@code __vertx.*} maps included), made to join by
   * TCP only.
   */
  Config hazelcastConfig() {
    // Read by Hazelcast's static loggers too, before any configuration: as a system property.
    System.setProperty("hazelcast.logging.type", "slf4j");
    Config hazelcast = ConfigUtil.loadConfig();
    hazelcast.setClusterName(name);
    hazelcast.setProperty("hazelcast.logging.type", "slf4j");
    hazelcast.setProperty("hazelcast.phone.home.enabled", "false");
    // The launcher leaves the cluster itself, after the services have drained.
    hazelcast.setProperty("hazelcast.shutdownhook.enabled", "false");
    hazelcast.setProperty("hazelcast.graceful.shutdown.max.wait", String.valueOf(LEAVE_WAIT_SECONDS));
    hazelcast.setProperty("hazelcast.tcp.join.port.try.count", String.valueOf(PORTS_TRIED_PER_MEMBER));
    hazelcast.setProperty("hazelcast.socket.bind.any", "false");

    NetworkConfig network = hazelcast.getNetworkConfig();
    network.setPort(port).setPortAutoIncrement(true);
    network.getInterfaces().setEnabled(true).setInterfaces(List.of(host));
    if (publicHost != null) {
      network.setPublicAddress(publicHost);
    }
    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true).setMembers(members);
    return hazelcast;
  }

  /** Where this node's event bus listens, and the address it gives the others. */
  EventBusOptions eventBusOptions() {
    EventBusOptions eventBus = new EventBusOptions().setHost(eventBusHost).setPort(eventBusPort);
    if (publicHost != null) {
      eventBus.setClusterPublicHost(publicHost);
    }
    return eventBus;
  }

  /** For the log: what this node joins and where it looks. */
  String describe() {
    return "cluster '" + name + "' on " + host + ":" + port + " (members " + String.join(",", members) + ")";
  }
}
