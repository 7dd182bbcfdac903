package com.runningtrainer.pdf;

import com.runningtrainer.trainer.api.PlanPrints;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.serviceproxy.ServiceBinder;
import io.vertx.serviceproxy.ServiceException;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The trainer as the pdf service sees it: {@link PlanPrints} on the real event bus, answering for
 * the plans a test gives it with the trainer's access rules (the owner, a coach the owner shares
 * with; 404 for anyone else). It can go away (no consumer), or answer a number of calls and then
 * say it cannot serve (503), as a trainer that went down after a PDF was asked for.
 */
final class FakeTrainer implements PlanPrints {

  private final Vertx vertx;
  private final Map<String, JsonObject> plans = new ConcurrentHashMap<>();
  private final Map<String, Set<String>> coaches = new ConcurrentHashMap<>();
  private final AtomicInteger answersLeft = new AtomicInteger(Integer.MAX_VALUE);
  private final AtomicInteger calls = new AtomicInteger();
  private MessageConsumer<JsonObject> consumer;

  FakeTrainer(Vertx vertx) {
    this.vertx = vertx;
    start();
  }

  void start() {
    consumer = new ServiceBinder(vertx).setAddress(ADDRESS).register(PlanPrints.class, this);
    consumer.completion().await();
  }

  /** Takes the trainer off the bus: calls fail with no handler. */
  void stop() {
    consumer.unregister().await();
  }

  /** Answers {@code answers} more calls, then 503 to every call. */
  void answerOnly(int answers) {
    answersLeft.set(answers);
  }

  int calls() {
    return calls.get();
  }

  /** A plan of the owner's with two workouts and a run; its id. */
  String plan(String ownerId, String name) {
    String id = UUID.randomUUID().toString();
    plans.put(id, new JsonObject()
        .put("id", id).put("owner_id", ownerId).put("name", name).put("description", "Twelve weeks to a marathon")
        .put("start_date", "2026-03-02").put("end_date", "2026-05-24").put("goal_race_date", "2026-05-24"));
    return id;
  }

  /** The athlete shares their plans with the coach. */
  void share(String athleteId, String coachId) {
    coaches.computeIfAbsent(athleteId, athlete -> ConcurrentHashMap.newKeySet()).add(coachId);
  }

  @Override
  public Future<JsonObject> printablePlan(String callerId, String planId, String athleteId) {
    calls.incrementAndGet();
    if (answersLeft.getAndDecrement() <= 0) {
      return Future.failedFuture(new ServiceException(503, "the trainer is stopping"));
    }
    JsonObject plan = plans.get(planId);
    if (plan == null) {
      return Future.failedFuture(new ServiceException(404, "plan not found"));
    }
    String owner = plan.getString("owner_id");
    boolean coach = coaches.getOrDefault(owner, Set.of()).contains(callerId);
    if (!owner.equals(callerId) && !coach || athleteId != null && !athleteId.equals(owner)) {
      return Future.failedFuture(new ServiceException(404, "plan not found"));
    }
    JsonObject printable = new JsonObject().put("plan", plan.copy())
        .put("workouts", new JsonArray()
            .add(new JsonObject().put("id", "w1").put("scheduled_date", "2026-03-03").put("workout_type", "easy_run")
                .put("name", "Easy").put("distance_km", 8.0).put("duration_minutes", 45))
            .add(new JsonObject().put("id", "w2").put("scheduled_date", "2026-03-05").put("workout_type", "tempo")
                .put("name", "Tempo").put("description", "3 × 2 km").put("distance_km", 10)))
        .put("runs", new JsonArray()
            .add(new JsonObject().put("id", "r1").put("workout_id", "w1").put("actual_date", "2026-03-03")
                .put("distance_km", 8.2).put("duration_minutes", 44.5)));
    if (coach) {
      printable.put("athlete_name", "Athlete " + owner.substring(0, 8));
    }
    return Future.succeededFuture(printable);
  }
}
