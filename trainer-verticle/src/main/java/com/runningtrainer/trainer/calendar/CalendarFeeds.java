package com.runningtrainer.trainer.calendar;

import com.runningtrainer.common.api.Failures;
import com.runningtrainer.trainer.athlete.Athletes;
import com.runningtrainer.trainer.calendar.CalendarFeedRepository.Feed;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.UUID;

/**
 * Secret calendar feeds of an athlete's own plans: made (or made again, which ends the old URL),
 * listed without their URLs, ended, and fetched by a calendar app with the token alone.
 */
public final class CalendarFeeds {

  /** The calendar's name when the feed is of every plan. */
  static final String ALL_PLANS_NAME = "Running Trainer";

  private final CalendarFeedRepository feeds;
  private final Athletes athletes;
  private final FeedThrottle throttle;
  private final FeedUrls urls;
  private final Clock clock;

  public CalendarFeeds(CalendarFeedRepository feeds, Athletes athletes, FeedThrottle throttle, FeedUrls urls,
      Clock clock) {
    this.feeds = feeds;
    this.athletes = athletes;
    this.throttle = throttle;
    this.urls = urls;
    this.clock = clock;
  }

  /** @param planId the plan of the feed, the caller's own (404 otherwise); every plan when null */
  public Future<JsonObject> make(UUID caller, UUID planId) {
    FeedToken token = FeedToken.random();
    return feeds.save(caller, planId, token)
        .map(feed -> Failures.orNotFound(feed, "plan"))
        .map(feed -> feed.put("url", urls.url(token)).put("webcal_url", urls.webcal(token)));
  }

  public Future<JsonObject> list(UUID caller) {
    return feeds.list(caller).map(items -> new JsonObject().put("items", items));
  }

  public Future<Void> end(UUID caller, UUID planId) {
    return feeds.delete(caller, planId).map(ended -> Failures.doneOrNotFound(ended, "calendar feed"));
  }

  /**
   * The feed's calendar, as of now; 404 for a token no feed has. Throttled per feed and, for
   * unknown tokens, per client address.
   */
  public Future<CalendarFile> fetch(FeedToken token, String address) {
    return throttle.admitAddress(address)
        .compose(admitted -> feeds.find(token))
        .compose(feed -> feed == null ? unknown(address) : throttle.admitFeed(token).compose(counted -> render(feed)));
  }

  private Future<CalendarFile> unknown(String address) {
    return throttle.missed(address).compose(counted -> Future.failedFuture(Failures.notFound("calendar feed")));
  }

  private Future<CalendarFile> render(Feed feed) {
    return athletes.of(feed.ownerId(), feed.ownerId()).compose(settings -> feeds.workouts(feed)
        .map(workouts -> CalendarFile.of(ICalendarWriter.write(name(feed),
            WorkoutEvents.of(workouts, settings.today(clock), settings.distanceUnit())))));
  }

  private static String name(Feed feed) {
    return feed.planName() == null ? ALL_PLANS_NAME : feed.planName();
  }
}
