package com.runningtrainer.common.http;

import com.runningtrainer.common.log.RequestScope;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Takes the caller's {@code X-Request-Id} when it is sane, or makes one, and echoes it. The id
 * is also the request's {@link RequestScope}, so that every line logged while serving it carries
 * the id.
 */
public final class RequestIds {

  public static final String HEADER = "X-Request-Id";
  private static final String KEY = "requestId";
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  private RequestIds() {
  }

  public static void assign(RoutingContext rc) {
    String given = rc.request().getHeader(HEADER);
    String id = given != null && SAFE.matcher(given).matches() ? given : newId();
    rc.put(KEY, id);
    RequestScope.enter(id);
    rc.response().putHeader(HEADER, id);
    rc.next();
  }

  /**
   * A random (version 4) UUID. An id names a request in logs and answers and guards nothing, so
   * it is drawn from the thread's own generator rather than {@link UUID#randomUUID}'s shared
   * SecureRandom, which the event loops would otherwise take turns to lock for every request.
   */
  static String newId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (random.nextLong() & ~0xF000L) | 0x4000L;
    long low = (random.nextLong() & ~(0xC0L << 56)) | (0x80L << 56);
    return new UUID(high, low).toString();
  }

  public static String of(RoutingContext rc) {
    String id = rc.get(KEY);
    return id == null ? "" : id;
  }
}
