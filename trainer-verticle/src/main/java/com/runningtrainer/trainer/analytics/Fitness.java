package com.runningtrainer.trainer.analytics;

import com.runningtrainer.common.api.DateRange;
import com.runningtrainer.trainer.athlete.AthleteSettings;
import com.runningtrainer.trainer.athlete.Athletes;
import com.runningtrainer.trainer.share.Access;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * How fit, tired and fast an athlete is, for them or a coach they share with: the daily load
 * series ({@link TrainingLoad}) and what the best recent effort predicts ({@link Vdot},
 * {@link Riegel}, {@link TrainingPaces}). Both read the runs the caller sees, with the athlete's
 * settings: their today, first day of the week and threshold pace.
 */
public final class Fitness {

  /** How far back an effort counts for predictions and for estimating a threshold pace. */
  static final int RECENT_DAYS = 90;

  private static final String NO_EFFORT = Effort.NONE + " in the last " + RECENT_DAYS + " days";

  private final FitnessRepository fitness;
  private final Athletes athletes;
  private final Access access;
  private final Clock clock;

  public Fitness(FitnessRepository fitness, Athletes athletes, Access access, Clock clock) {
    this.fitness = fitness;
    this.athletes = athletes;
    this.access = access;
    this.clock = clock;
  }

  /** @param athlete whose load: a sharing athlete's, or the caller's when null */
  public Future<JsonObject> load(UUID caller, UUID athlete, DateRange asked) {
    return access.reader(caller, athlete).compose(owner -> athletes.of(caller, owner).compose(settings -> {
      LoadWindow window = LoadWindow.of(asked, settings.today(clock));
      return threshold(caller, owner, settings).compose(threshold -> fitness.daily(caller, owner, window.to())
          .map(daily -> threshold.toJson()
              .put("athlete_id", owner.toString())
              .put("from", window.from().toString())
              .put("to", window.to().toString())
              .put("week_start", settings.weekStartName())
              .put("history_from", daily.size() == 0 ? null : LocalDate.ofEpochDay(daily.days()[0]).toString())
              .put("days", TrainingLoad.series(daily, threshold.pace(), window.from(), window.to(),
                  settings.weekStart()))));
    }));
  }

  /** @param athlete whose predictions: a sharing athlete's, or the caller's when null */
  public Future<JsonObject> predictions(UUID caller, UUID athlete) {
    return access.reader(caller, athlete).compose(owner -> athletes.of(caller, owner).compose(settings -> {
      LocalDate today = settings.today(clock);
      return bestEffort(caller, owner, today).map(best -> {
        JsonObject answer = new JsonObject().put("athlete_id", owner.toString()).put("as_of", today.toString())
            .put("from", today.minusDays(RECENT_DAYS - 1).toString());
        if (best.isEmpty()) {
          return answer.put("vdot", null).put("reason", NO_EFFORT).put("effort", null)
              .put("races", new JsonArray()).put("paces", new JsonArray());
        }
        Effort effort = best.get();
        return answer.put("vdot", Math.round(effort.vdot() * 100) / 100.0).put("reason", null)
            .put("effort", effort.toJson())
            .put("races", RacePredictions.of(effort))
            .put("paces", TrainingPaces.of(effort));
      });
    }));
  }

  private Future<Optional<Effort>> bestEffort(UUID caller, UUID owner, LocalDate today) {
    return fitness.efforts(caller, owner, today.minusDays(RECENT_DAYS - 1), today).map(Effort::best);
  }

  /**
   * The threshold pace (min/km) the owner's paces are set from, once the caller is known to read
   * the owner's data: their setting, or the T pace of the best effort of the last 90 days (the
   * predictions'); null when neither is known.
   */
  public Future<Double> thresholdPace(UUID caller, UUID owner, AthleteSettings settings) {
    return threshold(caller, owner, settings).map(Threshold::pace);
  }

  /** The settings' threshold pace, or one estimated from the best effort of the last 90 days. */
  private Future<Threshold> threshold(UUID caller, UUID owner, AthleteSettings settings) {
    if (settings.thresholdPace() != null) {
      return Future.succeededFuture(new Threshold(settings.thresholdPace().doubleValue(), null));
    }
    return bestEffort(caller, owner, settings.today(clock)).map(best -> best
        .map(effort -> new Threshold(TrainingPaces.thousandths(TrainingPaces.thresholdPace(effort.vdot())), effort))
        .orElse(new Threshold(null, null)));
  }

  /** The threshold pace a load series uses: set, estimated from an effort, or unknown (null pace). */
  private record Threshold(Double pace, Effort estimatedFrom) {

    JsonObject toJson() {
      boolean estimated = estimatedFrom != null;
      return new JsonObject()
          .put("threshold_pace", pace)
          .put("estimated", estimated)
          .put("estimated_from", estimated ? estimatedFrom.toJson() : null)
          .put("reason", pace == null ? "no threshold pace in the settings, and none to estimate: " + NO_EFFORT : null);
    }
  }
}
