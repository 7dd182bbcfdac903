package com.runningtrainer.pdf.render;

import org.apache.pdfbox.pdmodel.font.PDFont;

/** The faces one document draws with. */
record Fonts(PDFont regular, PDFont bold) {
}
