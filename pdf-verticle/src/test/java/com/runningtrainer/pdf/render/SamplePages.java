package com.runningtrainer.pdf.render;

import com.runningtrainer.pdf.render.PrintOptions.Paper;
import com.runningtrainer.pdf.render.PrintOptions.Part;
import com.runningtrainer.pdf.render.PrintOptions.Template;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;

/**
 * Writes the marathon plan in every template to a directory (the first argument, else
 * {@code target/samples}), to look at the pages; docs/pdf.md says how the pictures in docs/ are made.
 */
public final class SamplePages {

  private SamplePages() {
  }

  public static void main(String[] args) throws IOException {
    Path directory = Path.of(args.length > 0 ? args[0] : "target/samples");
    Files.createDirectories(directory);
    Branding branding = new Branding("Harbour Runners Club", null, null,
        "Coach: Jonas Berg · harbour-runners.example", SamplePlans.logo());
    for (Template template : Template.values()) {
      PrintOptions options = new PrintOptions(template, Paper.A4, EnumSet.allOf(Part.class), SamplePlans.TODAY);
      Path file = directory.resolve(template.name().toLowerCase().replace('_', '-') + ".pdf");
      try (OutputStream out = Files.newOutputStream(file)) {
        RenderedPdf pdf = new PdfBoxPlanRenderer().render(SamplePlans.marathon(), options, branding, out);
        System.out.println(file + ": " + pdf.pages() + " pages, " + pdf.bytes() + " bytes");
      }
    }
  }
}
