package com.runningtrainer.pdf.render;

import java.io.IOException;

/** How one template lays the plan's days out, after the cover header. */
interface PlanLayout {

  void draw(PageFlow flow, RenderContext context) throws IOException;
}
