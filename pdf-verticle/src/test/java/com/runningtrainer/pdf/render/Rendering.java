package com.runningtrainer.pdf.render;

import com.runningtrainer.pdf.render.PrintOptions.Paper;
import com.runningtrainer.pdf.render.PrintOptions.Part;
import com.runningtrainer.pdf.render.PrintOptions.Template;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/** A plan rendered in a test, read back with PDFBox. All tests share one renderer, as the service's threads do. */
record Rendering(RenderedPdf result, byte[] bytes) {

  private static final PlanRenderer RENDERER = new PdfBoxPlanRenderer();

  static Rendering of(PrintablePlan plan, Template template) {
    return of(plan, template, Paper.A4, EnumSet.allOf(Part.class), Branding.NONE);
  }

  static Rendering of(PrintablePlan plan, Template template, Paper paper, Set<Part> parts, Branding branding) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      RenderedPdf result = RENDERER.render(plan, new PrintOptions(template, paper, parts, SamplePlans.TODAY), branding, out);
      return new Rendering(result, out.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  PDDocument document() {
    try {
      return Loader.loadPDF(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** All the text, as a reader copying it would get it. */
  String text() {
    try (PDDocument document = document()) {
      return new PDFTextStripper().getText(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every character drawn, with where it was drawn. */
  List<TextPosition> glyphs() {
    List<TextPosition> glyphs = new ArrayList<>();
    try (PDDocument document = document()) {
      PDFTextStripper stripper = new PDFTextStripper() {
        @Override
        protected void writeString(String text, List<TextPosition> positions) {
          glyphs.addAll(positions);
        }
      };
      stripper.getText(document);
      return glyphs;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
