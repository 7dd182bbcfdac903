package com.runningtrainer.pdf.render;

import java.io.IOException;
import java.io.OutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** The plan drawn with PDFBox. A first page with the plan's name, until the layouts land. */
public final class PdfBoxPlanRenderer implements PlanRenderer {

  @Override
  public RenderedPdf render(PrintablePlan plan, PrintOptions options, Branding branding, OutputStream out) throws IOException {
    try (PDDocument document = new PDDocument()) {
      PDPage page = new PDPage(options.paper() == PrintOptions.Paper.LETTER ? PDRectangle.LETTER : PDRectangle.A4);
      document.addPage(page);
      try (PDPageContentStream content = new PDPageContentStream(document, page)) {
        content.beginText();
        content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD), 18);
        content.newLineAtOffset(50, page.getMediaBox().getHeight() - 60);
        content.showText(plan.name().replaceAll("[^\\x20-\\x7E]", "?"));
        content.endText();
      }
      CountingOutputStream counted = new CountingOutputStream(out);
      document.save(counted);
      return new RenderedPdf(document.getNumberOfPages(), counted.count);
    }
  }

  private static final class CountingOutputStream extends java.io.FilterOutputStream {
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
