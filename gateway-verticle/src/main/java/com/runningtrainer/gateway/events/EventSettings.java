package com.runningtrainer.gateway.events;

import com.runningtrainer.common.config.Config;

/**
 * The event stream's settings: {@code GATEWAY_EVENTS_HEARTBEAT_MS} (15 s) between comments that
 * keep a connection open through proxies, {@code GATEWAY_EVENTS_PER_USER} (5) streams per user
 * and gateway instance, {@code GATEWAY_EVENTS_REPLAY_SECONDS} (300) and 100 events per user kept
 * for clients that reconnect.
 */
public record EventSettings(long heartbeatMs, int streamsPerUser, long replaySeconds, int replayPerUser) {

  public static EventSettings from(Config config) {
    return new EventSettings(config.integer("GATEWAY_EVENTS_HEARTBEAT_MS", 15_000),
        config.integer("GATEWAY_EVENTS_PER_USER", 5), config.integer("GATEWAY_EVENTS_REPLAY_SECONDS", 300), 100);
  }
}
