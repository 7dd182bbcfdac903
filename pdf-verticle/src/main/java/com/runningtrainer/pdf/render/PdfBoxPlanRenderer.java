package com.runningtrainer.pdf.render;

import com.runningtrainer.pdf.render.PrintOptions.Part;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * The plan drawn with PDFBox: the cover header, the statistics, the template's pages, the charts,
 * then the footers, bookmarks and metadata. Keeps no state between calls, so one instance serves
 * every thread; the fonts' bytes are read once and shared (see {@link UnicodeFonts}).
 */
public final class PdfBoxPlanRenderer implements PlanRenderer {

  private static final float NOTICE = 60;

  @Override
  public RenderedPdf render(PrintablePlan plan, PrintOptions options, Branding branding, OutputStream out) throws IOException {
    try (PDDocument document = new PDDocument()) {
      RenderContext context = RenderContext.create(document, plan, options, branding);
      drawPages(context);
      PageFrame.footers(context);
      DocumentInfo.write(context);
      CountingOutputStream counted = new CountingOutputStream(out);
      document.save(counted);
      counted.flush();
      return new RenderedPdf(document.getNumberOfPages(), counted.count);
    }
  }

  private static void drawPages(RenderContext context) throws IOException {
    try (PageFlow flow = new PageFlow(context)) {
      flow.newPage();
      PageFrame.cover(flow, context);
      if (context.includes(Part.STATISTICS)) {
        StatisticsPanel.draw(flow, context);
      }
      if (!context.calendar().hasWorkouts()) {
        notice(flow, context, "This plan has no workouts yet.");
        return;
      }
      WorkoutPalette.legend(flow, context);
      layout(context).draw(flow, context);
      if (context.calendar().cut()) {
        notice(flow, context, "Printed up to " + Format.date(context.calendar().lastDay()) + ": a printout covers "
            + PlanCalendar.LONGEST_YEARS + " years at most.");
      }
      if (context.includes(Part.CHARTS)) {
        PlanCharts.draw(flow, context);
      }
    }
  }

  private static PlanLayout layout(RenderContext context) {
    return switch (context.template()) {
      case WEEKLY -> new WeeklyLayout();
      case MONTHLY -> new MonthlyLayout();
      case LOG_SHEET -> new LogSheetLayout();
    };
  }

  private static void notice(PageFlow flow, RenderContext context, String text) throws IOException {
    float top = flow.take(NOTICE);
    flow.canvas().fill(flow.left(), top - NOTICE + 10, flow.width(), NOTICE - 10, Theme.tint(context.theme().primary(), 0.92f));
    flow.canvas().textCentred(text, context.fonts().bold(), 12, Theme.TEXT, flow.left() + flow.width() / 2, top - 32);
  }

  /** Counts what the document writes, for {@link RenderedPdf#bytes()}. */
  private static final class CountingOutputStream extends FilterOutputStream {
    private long count;

    CountingOutputStream(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      count += len;
    }
  }
}
