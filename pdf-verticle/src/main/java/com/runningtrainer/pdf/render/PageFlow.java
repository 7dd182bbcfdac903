package com.runningtrainer.pdf.render;

import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

/**
 * The pages as they fill from top to bottom: a layout asks for the height of its next block and
 * gets where to draw it, on a new page when the block would not fit on this one.
 */
final class PageFlow implements AutoCloseable {

  static final float MARGIN = 36;
  /** Room under the top margin for the running header of every page after the first. */
  private static final float RUNNING_HEADER = 20;
  /** Room over the bottom margin for the footer. */
  private static final float FOOTER = 14;

  private final RenderContext context;
  private PDPage page;
  private Canvas canvas;
  private float y;

  PageFlow(RenderContext context) {
    this.context = context;
  }

  /** Closes the current page and starts another (the first one without a running header). */
  void newPage() throws IOException {
    close();
    boolean first = page == null;
    page = new PDPage(context.paper());
    context.document().addPage(page);
    canvas = new Canvas(new PDPageContentStream(context.document(), page));
    y = pageTop() + (first ? RUNNING_HEADER : 0);
    if (!first) {
      PageFrame.runningHeader(this, context);
    }
  }

  /**
   * Reserves {@code height} for a block and returns the y of its top: on this page when it fits,
   * else on a new one. A block taller than a page starts a page and runs past its foot, so callers
   * keep their blocks within {@link #pageHeight()}.
   */
  float take(float height) throws IOException {
    // The tolerance keeps rounding from sending the last of blocks that share a page exactly to the next.
    if (height > room() + 0.01f && y < pageTop()) {
      newPage();
    }
    float top = y;
    y -= height;
    return top;
  }

  /** Leaves {@code height} blank, if the page has it. */
  void skip(float height) {
    y = Math.max(bottom(), y - height);
  }

  /** The height left on this page. */
  float room() {
    return y - bottom();
  }

  /** The height a block can have on a page after the first. */
  float pageHeight() {
    return pageTop() - bottom();
  }

  float pageTop() {
    return context.paper().getHeight() - MARGIN - RUNNING_HEADER;
  }

  float bottom() {
    return MARGIN + FOOTER;
  }

  float left() {
    return MARGIN;
  }

  float right() {
    return context.paper().getWidth() - MARGIN;
  }

  float width() {
    return right() - left();
  }

  float y() {
    return y;
  }

  PDPage page() {
    return page;
  }

  Canvas canvas() {
    return canvas;
  }

  @Override
  public void close() throws IOException {
    if (canvas != null) {
      canvas.close();
      canvas = null;
    }
  }
}
