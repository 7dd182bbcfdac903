package com.runningtrainer.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import com.runningtrainer.pdf.render.Branding;
import com.runningtrainer.pdf.render.PdfBoxPlanRenderer;
import com.runningtrainer.pdf.render.PlanRenderer;
import com.runningtrainer.pdf.render.PrintOptions;
import com.runningtrainer.pdf.render.PrintablePlan;
import com.runningtrainer.pdf.render.RenderedPdf;
import com.runningtrainer.testsupport.FakeAuth.Person;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the renderer is given: the plan as the trainer answered, the options asked for, the caller's branding. */
class WhatIsPrintedTest {

  /** The real renderer, remembering what it was asked to draw, by plan name. */
  private static final class Watching implements PlanRenderer {
    final Map<String, Object[]> seen = new ConcurrentHashMap<>();
    private final PlanRenderer real = new PdfBoxPlanRenderer();

    @Override
    public RenderedPdf render(PrintablePlan plan, PrintOptions options, Branding branding, OutputStream out)
        throws IOException {
      seen.put(plan.name(), new Object[] {plan, options, branding});
      return real.render(plan, options, branding, out);
    }
  }

  private static final Watching RENDERER = new Watching();
  private static PdfPlatform platform;

  @BeforeAll
  static void start() {
    platform = PdfPlatform.start(WhatIsPrintedTest.class, RENDERER);
  }

  @AfterAll
  static void stop() {
    platform.close();
  }

  @Test
  void aCoachPrintingAnAthletesPlanPrintsItWithTheCoachsBranding() {
    Person athlete = platform.person();
    Person coach = platform.person();
    platform.trainer.share(athlete.id(), coach.id());
    platform.pdf.put("/api/v1/pdf/branding", athlete.token(), new JsonObject().put("title", "Athlete's own"));
    platform.pdf.put("/api/v1/pdf/branding", coach.token(), new JsonObject().put("title", "Harbour Runners")
        .put("primary_color", "#102030"));
    String plan = platform.trainer.plan(athlete.id(), "Coached plan " + athlete.id());

    var accepted = platform.pdf.post("/api/v1/pdf/plans/" + plan + "/generate?athlete_id=" + athlete.id(), coach.token(),
        new JsonObject());
    platform.awaitStatus(coach, plan, accepted.bodyAsJsonObject().getString("pdf_id"), "ready"::equals);

    Object[] seen = RENDERER.seen.get("Coached plan " + athlete.id());
    Branding branding = (Branding) seen[2];
    assertThat(branding.title()).isEqualTo("Harbour Runners");
    assertThat(branding.primaryColor()).isEqualTo("#102030");
    assertThat(((PrintablePlan) seen[0]).athleteName()).startsWith("Athlete ");
  }

  @Test
  void theOptionsAskedForAndThePlanAsTheTrainerAnsweredReachTheRenderer() {
    Person athlete = platform.person();
    String plan = platform.trainer.plan(athlete.id(), "Options " + athlete.id());

    var accepted = platform.generate(athlete, plan, new JsonObject().put("template", "log_sheet").put("paper", "letter")
        .put("include", new JsonArray().add("statistics")));
    platform.awaitStatus(athlete, plan, accepted.bodyAsJsonObject().getString("pdf_id"), "ready"::equals);

    Object[] seen = RENDERER.seen.get("Options " + athlete.id());
    PrintablePlan printed = (PrintablePlan) seen[0];
    PrintOptions options = (PrintOptions) seen[1];
    assertThat(options.template()).isEqualTo(PrintOptions.Template.LOG_SHEET);
    assertThat(options.paper()).isEqualTo(PrintOptions.Paper.LETTER);
    assertThat(options.include()).isEqualTo(EnumSet.of(PrintOptions.Part.STATISTICS));
    assertThat(printed.startDate()).isEqualTo(LocalDate.of(2026, 3, 2));
    assertThat(printed.workouts()).hasSize(2);
    assertThat(printed.runs()).singleElement().satisfies(run -> assertThat(run.workoutId()).isEqualTo("w1"));
    assertThat(printed.athleteName()).isNull();
    assertThat(((Branding) seen[2])).isEqualTo(Branding.NONE);
  }
}
