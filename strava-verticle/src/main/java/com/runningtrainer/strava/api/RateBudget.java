package com.runningtrainer.strava.api;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.redis.client.RedisAPI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Strava's rate limits, which are the application's: one budget shared by every athlete and
 * node, kept in Redis. Strava counts every request in a 15-minute window (starting at each
 * quarter hour) and a day (from midnight UTC), and read requests once more against read limits;
 * every answer tells the limits and the usage ({@code X-RateLimit-Limit/-Usage},
 * {@code X-ReadRateLimit-Limit/-Usage}, each "15-minute,daily"). A call is admitted only while its
 * count stays within its share of each limit, counted in the same atomic step (a Lua script), so
 * that two nodes never both take the last request; it is refused before the limit, with the end
 * of the window to wait for. Interactive calls may use the whole limit; backfill stops at a lower
 * share ({@code STRAVA_BACKFILL_SHARE}), so that a runner's own request still passes while a
 * backfill waits. Until Strava's first answer tells them, Strava's default limits are assumed.
 */
public final class RateBudget {

  /** Whose call it is. */
  public enum Priority { INTERACTIVE, BACKFILL }

  static final String DEFAULT_OVERALL = "200,2000";
  static final String DEFAULT_READ = "100,1000";
  private static final long QUARTER = 900;
  private static final long DAY = 86_400;
  private static final long SPENT = 1_000_000_000L;

  private static final String RESERVE = """
      local function pair(key, default)
        local value = redis.call('GET', key) or default
        local quarter, day = string.match(value, '(%d+),(%d+)')
        return tonumber(quarter), tonumber(day)
      end
      local function check(limitKey, quarterKey, dayKey, default, share)
        local quarterLimit, dayLimit = pair(limitKey, default)
        if tonumber(redis.call('GET', dayKey) or '0') + 1 > math.floor(dayLimit * share) then return 2 end
        if tonumber(redis.call('GET', quarterKey) or '0') + 1 > math.floor(quarterLimit * share) then return 1 end
        return 0
      end
      local share = tonumber(ARGV[1])
      local spent = check(KEYS[1], KEYS[2], KEYS[3], ARGV[2], share)
      if spent == 0 and ARGV[4] == '1' then spent = check(KEYS[4], KEYS[5], KEYS[6], ARGV[3], share) end
      if spent ~= 0 then return spent end
      local last = 3
      if ARGV[4] == '1' then last = 6 end
      for i = 2, last do
        if i ~= 4 then
          redis.call('INCR', KEYS[i])
          if i == 2 or i == 5 then redis.call('EXPIRE', KEYS[i], ARGV[5]) else redis.call('EXPIRE', KEYS[i], ARGV[6]) end
        end
      end
      return 0
      """;

  // Strava's usage counts what other processes (or other applications' keys) spent too: the
  // counters only ever rise to it, never fall below what this budget counted itself.
  private static final String RECORD = """
      local function raise(key, value, ttl)
        if tonumber(redis.call('GET', key) or '0') < value then redis.call('SET', key, value, 'EX', ttl) end
      end
      local function record(limitKey, quarterKey, dayKey, limit, usage)
        if string.match(limit, '^%d+,%d+$') then redis.call('SET', limitKey, limit) end
        local quarter, day = string.match(usage, '^(%d+),(%d+)$')
        if quarter then
          raise(quarterKey, tonumber(quarter), ARGV[5])
          raise(dayKey, tonumber(day), ARGV[6])
        end
      end
      record(KEYS[1], KEYS[2], KEYS[3], ARGV[1], ARGV[2])
      record(KEYS[4], KEYS[5], KEYS[6], ARGV[3], ARGV[4])
      return 0
      """;

  private final RedisAPI redis;
  private final String prefix;
  private final double backfillShare;
  private final Clock clock;

  /**
   * @param backfillShare the share of each limit a backfill may use, between 0 and 1
   * @param clock the time that decides the windows (a test's own, so that it need not wait)
   */
  public RateBudget(RedisAPI redis, String redisPrefix, double backfillShare, Clock clock) {
    this.redis = redis;
    this.prefix = redisPrefix + "strava:rate:";
    this.backfillShare = backfillShare;
    this.clock = clock;
  }

  /** Admits one call and counts it; fails with {@link BudgetSpent} when it must wait. */
  public Future<Void> reserve(Priority priority, boolean read) {
    Instant now = clock.instant();
    double share = priority == Priority.INTERACTIVE ? 1.0 : backfillShare;
    List<String> args = keys(now);
    args.add(0, "6");
    args.add(String.valueOf(share));
    args.add(DEFAULT_OVERALL);
    args.add(DEFAULT_READ);
    args.add(read ? "1" : "0");
    args.addAll(ttls());
    args.add(0, RESERVE);
    return redis.eval(args).compose(answer -> switch (answer.toInteger()) {
      case 0 -> Future.succeededFuture();
      case 2 -> Future.failedFuture(new BudgetSpent(nextMidnight(now)));
      default -> Future.failedFuture(new BudgetSpent(nextQuarter(now)));
    });
  }

  /** Reads Strava's limits and usage from an answer's headers. */
  public Future<Void> record(MultiMap headers) {
    Instant now = clock.instant();
    List<String> args = keys(now);
    args.add(0, "6");
    args.add(0, RECORD);
    args.add(header(headers, "X-RateLimit-Limit"));
    args.add(header(headers, "X-RateLimit-Usage"));
    args.add(header(headers, "X-ReadRateLimit-Limit"));
    args.add(header(headers, "X-ReadRateLimit-Usage"));
    args.addAll(ttls());
    return redis.eval(args).mapEmpty();
  }

  /**
   * Strava answered 429 all the same (another application's use of the same key, a clock
   * apart): the window is spent. What to wait for: the day when the answer says the day is
   * spent, else the quarter hour.
   */
  public Future<BudgetSpent> refused(MultiMap headers, boolean read) {
    Instant now = clock.instant();
    boolean daySpent = daySpent(headers, "X-RateLimit") || (read && daySpent(headers, "X-ReadRateLimit"));
    String spent = daySpent ? SPENT + "," + SPENT : SPENT + ",0";
    List<String> args = keys(now);
    args.add(0, "6");
    args.add(0, RECORD);
    args.add("");
    args.add(spent);
    args.add("");
    args.add(read ? spent : "");
    args.addAll(ttls());
    return redis.eval(args).map(done -> new BudgetSpent(daySpent ? nextMidnight(now) : nextQuarter(now)));
  }

  private List<String> keys(Instant now) {
    long quarter = now.getEpochSecond() / QUARTER;
    long day = now.getEpochSecond() / DAY;
    List<String> keys = new ArrayList<>();
    keys.add(prefix + "limit:overall");
    keys.add(prefix + "used:overall:q" + quarter);
    keys.add(prefix + "used:overall:d" + day);
    keys.add(prefix + "limit:read");
    keys.add(prefix + "used:read:q" + quarter);
    keys.add(prefix + "used:read:d" + day);
    return keys;
  }

  // The counters outlive their window a little: a clock a few seconds apart still finds them.
  private static List<String> ttls() {
    return new ArrayList<>(List.of(String.valueOf(QUARTER + 60), String.valueOf(DAY + 60)));
  }

  private static boolean daySpent(MultiMap headers, String family) {
    String limit = header(headers, family + "-Limit");
    String usage = header(headers, family + "-Usage");
    String[] limits = limit.split(",");
    String[] usages = usage.split(",");
    try {
      return limits.length == 2 && usages.length == 2
          && Long.parseLong(usages[1].strip()) >= Long.parseLong(limits[1].strip());
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static String header(MultiMap headers, String name) {
    String value = headers.get(name);
    return value == null ? "" : value.replace(" ", "");
  }

  static Instant nextQuarter(Instant now) {
    return Instant.ofEpochSecond((now.getEpochSecond() / QUARTER + 1) * QUARTER);
  }

  static Instant nextMidnight(Instant now) {
    return Instant.ofEpochSecond((now.getEpochSecond() / DAY + 1) * DAY);
  }
}
