package com.runningtrainer.common.http;

import com.runningtrainer.common.log.RequestScope;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;
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
    String id = given != null && SAFE.matcher(given).matches() ? given : UUID.randomUUID().toString();
    rc.put(KEY, id);
    RequestScope.enter(id);
    rc.response().putHeader(HEADER, id);
    rc.next();
  }

  public static String of(RoutingContext rc) {
    String id = rc.get(KEY);
    return id == null ? "" : id;
  }
}
