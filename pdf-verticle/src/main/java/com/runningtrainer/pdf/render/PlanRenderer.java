package com.runningtrainer.pdf.render;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Draws a plan as a PDF. Blocking and CPU-bound: call it on a worker thread, never on an event
 * loop. Safe to call from several threads at once, each with its own output.
 */
public interface PlanRenderer {

  /**
   * Writes the PDF of {@code plan} to {@code out} (which it does not close).
   *
   * @throws IOException only when {@code out} fails; no text, date or number of the plan makes it fail
   */
  RenderedPdf render(PrintablePlan plan, PrintOptions options, Branding branding, OutputStream out) throws IOException;
}
