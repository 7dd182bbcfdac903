package com.runningtrainer.auth.throttle;

import com.runningtrainer.common.config.Config;
import com.runningtrainer.common.ratelimit.RateLimit;
import java.time.Duration;

/**
 * How many logins, registrations and password-reset requests one account and one client IP may
 * attempt, by their environment variables: 10 logins per account and 50 per IP in 15 minutes;
 * 5 registrations per email and 20 per IP in an hour; 5 reset requests per email and 20 per IP
 * in an hour.
 */
public record AuthLimits(RateLimit loginPerAccount, RateLimit loginPerIp, RateLimit registerPerAccount, RateLimit registerPerIp,
    RateLimit resetPerAccount, RateLimit resetPerIp) {

  public static AuthLimits from(Config config) {
    Duration login = Duration.ofSeconds(config.integer("LOGIN_LIMIT_WINDOW_SECONDS", 15 * 60));
    Duration register = Duration.ofSeconds(config.integer("REGISTER_LIMIT_WINDOW_SECONDS", 60 * 60));
    Duration reset = Duration.ofSeconds(config.integer("RESET_LIMIT_WINDOW_SECONDS", 60 * 60));
    return new AuthLimits(
        new RateLimit("auth:login:account", config.integer("LOGIN_LIMIT_PER_ACCOUNT", 10), login),
        new RateLimit("auth:login:ip", config.integer("LOGIN_LIMIT_PER_IP", 50), login),
        new RateLimit("auth:register:account", config.integer("REGISTER_LIMIT_PER_ACCOUNT", 5), register),
        new RateLimit("auth:register:ip", config.integer("REGISTER_LIMIT_PER_IP", 20), register),
        new RateLimit("auth:reset:account", config.integer("RESET_LIMIT_PER_ACCOUNT", 5), reset),
        new RateLimit("auth:reset:ip", config.integer("RESET_LIMIT_PER_IP", 20), reset));
  }
}
