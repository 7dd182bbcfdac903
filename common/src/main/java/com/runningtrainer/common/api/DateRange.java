package com.runningtrainer.common.api;

import io.vertx.core.json.JsonObject;
import java.time.LocalDate;

/** An optional {@code from}/{@code to} range of dates, both included. */
public record DateRange(LocalDate from, LocalDate to) {

  public static DateRange from(JsonObject query) {
    DateRange range = new DateRange(Inputs.date(query, "from"), Inputs.date(query, "to"));
    if (range.from != null && range.to != null && range.to.isBefore(range.from)) {
      throw Failures.unprocessable("to", "must not be before from");
    }
    return range;
  }
}
