package com.runningtrainer.pdf.render;

import com.runningtrainer.pdf.render.PrintOptions.Part;
import com.runningtrainer.pdf.render.PrintOptions.Template;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * One rendering: the document being drawn and everything its parts draw from, with the caller's
 * missing options replaced by defaults.
 */
record RenderContext(
    PDDocument document, Fonts fonts, Theme theme, PrintablePlan plan, PlanCalendar calendar, Template template,
    PDRectangle paper, Set<Part> parts, LocalDate today, Branding branding, Outline outline) {

  static RenderContext create(PDDocument document, PrintablePlan plan, PrintOptions options, Branding branding)
      throws IOException {
    LocalDate today = options.today() == null ? LocalDate.now(ZoneOffset.UTC) : options.today();
    Branding brand = branding == null ? Branding.NONE : branding;
    return new RenderContext(document, UnicodeFonts.shared().load(document), Theme.of(brand), plan,
        PlanCalendar.of(plan, today), options.template() == null ? Template.WEEKLY : options.template(),
        options.paper() == PrintOptions.Paper.LETTER ? PDRectangle.LETTER : PDRectangle.A4,
        options.include() == null || options.include().isEmpty() ? EnumSet.noneOf(Part.class) : EnumSet.copyOf(options.include()),
        today, brand, new Outline(document));
  }

  boolean includes(Part part) {
    return parts.contains(part);
  }

  /** A fitter for the bold or regular face at {@code size}. */
  TextFitter fitter(boolean bold, float size) {
    return new TextFitter(bold ? fonts.bold() : fonts.regular(), size);
  }
}
