package com.runningtrainer.trainer.analytics;

import com.runningtrainer.common.api.Failures;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;

/**
 * How far back goal progress reaches: {@code weeks} past weeks (0–104, default 12) and
 * {@code months} past months (0–24, default 6), each beside the current one.
 */
public record GoalsQuery(int weeks, int months) {

  public static final int DEFAULT_WEEKS = 12;
  public static final int MAX_WEEKS = 104;
  public static final int DEFAULT_MONTHS = 6;
  public static final int MAX_MONTHS = 24;

  public static GoalsQuery from(JsonObject query) {
    return new GoalsQuery(count(query, "weeks", DEFAULT_WEEKS, MAX_WEEKS), count(query, "months", DEFAULT_MONTHS, MAX_MONTHS));
  }

  // Compared exactly, as a page's limit is: getInteger would cut a huge number to its low 32 bits.
  private static int count(JsonObject query, String name, int absent, int max) {
    Object value = query.getValue(name);
    if (value == null) {
      return absent;
    }
    try {
      BigDecimal number = new BigDecimal(value.toString());
      if (number.stripTrailingZeros().scale() <= 0 && number.signum() >= 0
          && number.compareTo(BigDecimal.valueOf(max)) <= 0) {
        return number.intValueExact();
      }
    } catch (NumberFormatException e) {
      // answered below, as any other value out of range
    }
    throw Failures.invalid(name, "must be a whole number from 0 to " + max);
  }
}
