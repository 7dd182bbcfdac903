package com.runningtrainer.pdf.job;

import com.runningtrainer.pdf.render.PrintOptions;
import com.runningtrainer.pdf.render.PrintablePlan;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Between the API's words and the renderer's types: the trainer's JSON, templates, papers, parts. */
public final class Printables {

  private Printables() {
  }

  /** The plan the trainer's {@code PlanPrints} answered, as the renderer takes it. */
  public static PrintablePlan plan(JsonObject printable) {
    JsonObject plan = printable.getJsonObject("plan");
    List<PrintablePlan.PlannedWorkout> workouts = new ArrayList<>();
    for (Object item : printable.getJsonArray("workouts", new JsonArray())) {
      JsonObject w = (JsonObject) item;
      workouts.add(new PrintablePlan.PlannedWorkout(w.getString("id"), date(w, "scheduled_date"), w.getString("workout_type"),
          w.getString("name"), w.getString("description"), number(w, "distance_km"), number(w, "duration_minutes")));
    }
    List<PrintablePlan.DoneRun> runs = new ArrayList<>();
    for (Object item : printable.getJsonArray("runs", new JsonArray())) {
      JsonObject r = (JsonObject) item;
      runs.add(new PrintablePlan.DoneRun(date(r, "actual_date"), r.getString("workout_id"),
          orZero(number(r, "distance_km")), orZero(number(r, "duration_minutes"))));
    }
    return new PrintablePlan(plan.getString("name"), plan.getString("description"), date(plan, "start_date"),
        date(plan, "end_date"), date(plan, "goal_race_date"), printable.getString("athlete_name"), workouts, runs);
  }

  public static PrintOptions options(Job job, LocalDate today) {
    Set<PrintOptions.Part> parts = EnumSet.noneOf(PrintOptions.Part.class);
    job.include().forEach(part -> parts.add(PrintOptions.Part.valueOf(part.toUpperCase(Locale.ROOT))));
    return new PrintOptions(PrintOptions.Template.valueOf(job.template().toUpperCase(Locale.ROOT)),
        "letter".equals(job.paper()) ? PrintOptions.Paper.LETTER : PrintOptions.Paper.A4, parts, today);
  }

  private static LocalDate date(JsonObject json, String field) {
    String value = json.getString(field);
    return value == null ? null : LocalDate.parse(value);
  }

  private static Double number(JsonObject json, String field) {
    Number value = json.getNumber(field);
    return value == null ? null : value.doubleValue();
  }

  private static double orZero(Double value) {
    return value == null ? 0 : value;
  }
}
