package com.runningtrainer.trainer.calendar;

import com.runningtrainer.common.config.Config;

/**
 * The absolute URLs of a feed, which a calendar app is given: under {@code PUBLIC_API_URL}, the
 * base of the API as clients reach it (the gateway's, or the load balancer's in front of it), as
 * mail links are under {@code PUBLIC_BASE_URL}. A configured base, not the request's
 * {@code Host}: the event-bus envelope does not carry it, an HTTP upstream does not receive the
 * client's, and a forwarded one is only as true as whoever set it.
 */
public final class FeedUrls {

  public static final String DEFAULT_PUBLIC_API_URL = "http://localhost:8000";
  private static final String FEED_PATH = "/api/v1/calendar/";

  private final String base;

  public FeedUrls(Config config) {
    this.base = config.string("PUBLIC_API_URL", DEFAULT_PUBLIC_API_URL).replaceAll("/+$", "");
  }

  /** The feed's URL as configured, {@code https} or {@code http}. */
  public String url(FeedToken token) {
    return base + FEED_PATH + token.value() + ".ics";
  }

  /** The same with the {@code webcal} scheme, which calendar apps take as "subscribe". */
  public String webcal(FeedToken token) {
    return url(token).replaceFirst("^https?://", "webcal://");
  }
}
