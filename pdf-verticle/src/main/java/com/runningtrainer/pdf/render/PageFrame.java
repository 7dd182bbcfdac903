package com.runningtrainer.pdf.render;

import com.runningtrainer.pdf.render.PrintOptions.Part;
import java.awt.Color;
import java.io.IOException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * What frames the plan: the cover header of the first page (branding, the plan's name, dates and
 * goal race), the running header of the others, and on every page the footer with the branding's
 * line, the generated date and "Page 3 of 12".
 */
final class PageFrame {

  private static final String APP = "Running Trainer";
  private static final float LOGO_WIDTH = 120;
  private static final float LOGO_HEIGHT = 48;
  private static final float NAME_SIZE = 20;

  private PageFrame() {
  }

  /** The cover header, at the top of the first page. */
  static void cover(PageFlow flow, RenderContext context) throws IOException {
    float logoWidth = drawLogo(flow, context);
    float textWidth = flow.width() - (logoWidth > 0 ? logoWidth + 16 : 0);
    List<Line> lines = coverLines(context, textWidth);
    float top = flow.take(Math.max(LOGO_HEIGHT, height(lines)) + 10);
    for (Line line : lines) {
      top -= line.size * 1.25f;
      flow.canvas().text(line.text, line.bold ? context.fonts().bold() : context.fonts().regular(), line.size,
          line.color, flow.left(), top + line.size * 0.25f);
    }
    float rule = flow.take(8) - 4;
    flow.canvas().line(flow.left(), rule, flow.right(), rule, 2, context.theme().primary());
  }

  private record Line(String text, boolean bold, float size, Color color) {
  }

  private static List<Line> coverLines(RenderContext context, float width) {
    List<Line> lines = new ArrayList<>();
    String title = TextFitter.line(context.branding().title());
    if (!title.isEmpty()) {
      lines.add(new Line(context.fitter(true, 9).ellipsize(title, width), true, 9, context.theme().primaryInk()));
    }
    context.fitter(true, NAME_SIZE).wrap(TextFitter.line(context.plan().name()), width, 2)
        .forEach(name -> lines.add(new Line(name, true, NAME_SIZE, Theme.TEXT)));
    lines.add(new Line(context.fitter(false, 10).ellipsize(span(context), width), false, 10, Theme.MUTED));
    if (context.plan().goalRaceDate() != null) {
      lines.add(new Line(goal(context), true, 10, context.theme().accentInk()));
    }
    if (context.includes(Part.DESCRIPTIONS)) {
      context.fitter(false, 8.5f).wrap(context.plan().description(), width, 3)
          .forEach(text -> lines.add(new Line(text, false, 8.5f, Theme.MUTED)));
    }
    return lines;
  }

  private static float height(List<Line> lines) {
    return (float) lines.stream().mapToDouble(line -> line.size * 1.25f).sum();
  }

  private static String span(RenderContext context) {
    PlanCalendar calendar = context.calendar();
    int weeks = calendar.weeks().size();
    String athlete = TextFitter.line(context.plan().athleteName());
    return Format.date(calendar.firstDay()) + " – " + Format.date(calendar.lastDay()) + "  ·  " + weeks
        + (weeks == 1 ? " week" : " weeks") + (athlete.isEmpty() ? "" : "  ·  " + athlete);
  }

  private static String goal(RenderContext context) {
    LocalDate race = context.plan().goalRaceDate();
    return "Goal race: " + Format.day(race) + " " + race.getYear() + "  ·  " + countdown(race, context.today());
  }

  /** "45 days to go", "Race day is today", "Raced 3 days ago". */
  static String countdown(LocalDate race, LocalDate today) {
    long days = ChronoUnit.DAYS.between(today, race);
    if (days == 0) {
      return "Race day is today";
    }
    if (days > 0) {
      return days + (days == 1 ? " day" : " days") + " to go";
    }
    return "Raced " + -days + (days == -1 ? " day" : " days") + " ago";
  }

  /** Draws the logo in the top right corner, within a fixed box; returns its width, 0 when none. */
  private static float drawLogo(PageFlow flow, RenderContext context) throws IOException {
    PDImageXObject logo = logo(context);
    if (logo == null || logo.getWidth() <= 0 || logo.getHeight() <= 0) {
      return 0;
    }
    float scale = Math.min(LOGO_WIDTH / logo.getWidth(), LOGO_HEIGHT / logo.getHeight());
    float width = logo.getWidth() * scale;
    float height = logo.getHeight() * scale;
    flow.canvas().image(logo, flow.right() - width, flow.y() - height, width, height);
    return width;
  }

  private static PDImageXObject logo(RenderContext context) {
    byte[] bytes = context.branding().logo();
    if (bytes == null || bytes.length == 0) {
      return null;
    }
    try {
      return PDImageXObject.createFromByteArray(context.document(), bytes, "logo");
    } catch (IOException | IllegalArgumentException e) {
      // The service validated it; a logo PDFBox still cannot read is left out rather than failing the plan.
      return null;
    }
  }

  /** The plan's name and the branding's title above a rule, on every page after the first. */
  static void runningHeader(PageFlow flow, RenderContext context) throws IOException {
    float baseline = flow.pageTop() + 8;
    float half = flow.width() / 2 - 8;
    flow.canvas().text(context.fitter(true, 8).ellipsize(context.plan().name(), half), context.fonts().bold(), 8,
        Theme.TEXT, flow.left(), baseline);
    flow.canvas().textRight(context.fitter(false, 8).ellipsize(brandTitle(context), half), context.fonts().regular(), 8,
        context.theme().primaryInk(), flow.right(), baseline);
    flow.canvas().line(flow.left(), baseline - 5, flow.right(), baseline - 5, 0.5f, Theme.RULE);
  }

  private static String brandTitle(RenderContext context) {
    String title = TextFitter.line(context.branding().title());
    return title.isEmpty() ? APP : title;
  }

  /** The footer of every page, drawn once the number of pages is known. */
  static void footers(RenderContext context) throws IOException {
    int pages = context.document().getNumberOfPages();
    for (int i = 0; i < pages; i++) {
      PDPage page = context.document().getPage(i);
      try (Canvas canvas = new Canvas(new PDPageContentStream(context.document(), page, AppendMode.APPEND, true, true))) {
        footer(canvas, context, "Generated " + Format.date(context.today()) + "  ·  Page " + (i + 1) + " of " + pages);
      }
    }
  }

  private static void footer(Canvas canvas, RenderContext context, String right) throws IOException {
    float left = PageFlow.MARGIN;
    float end = context.paper().getWidth() - PageFlow.MARGIN;
    float baseline = PageFlow.MARGIN;
    TextFitter small = context.fitter(false, 7.5f);
    float rightWidth = small.width(right);
    canvas.line(left, baseline + 10, end, baseline + 10, 0.5f, Theme.RULE);
    String footer = TextFitter.line(context.branding().footer());
    canvas.text(small.ellipsize(footer.isEmpty() ? APP : footer, end - left - rightWidth - 16),
        context.fonts().regular(), 7.5f, Theme.MUTED, left, baseline);
    canvas.textRight(right, context.fonts().regular(), 7.5f, Theme.MUTED, end, baseline);
  }
}
