package com.runningtrainer.common.auth;

import io.vertx.ext.auth.User;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Access tokens already verified, kept until they expire, the least recently used dropped past
 * a bound. A client sends the same token with every request for its fifteen minutes; checking
 * its RSA signature each time was the largest cost of a simple read.
 */
final class VerifiedTokens {

  private final Map<String, User> users;

  VerifiedTokens(int capacity) {
    this.users = new LinkedHashMap<>(capacity, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, User> eldest) {
        return size() > capacity;
      }
    };
  }

  /** The user of a token verified before and not yet expired; null otherwise. */
  synchronized User find(String token, long nowSeconds) {
    User user = users.get(token);
    if (user != null && TokenTimes.expiry(user) <= nowSeconds) {
      users.remove(token);
      return null;
    }
    return user;
  }

  synchronized void remember(String token, User user) {
    users.put(token, user);
  }
}
