package com.runningtrainer.pdf.render;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PageMode;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageXYZDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;

/** The document's bookmarks, one per week or month, shown when the PDF opens. */
final class Outline {

  private final PDDocumentOutline root = new PDDocumentOutline();

  Outline(PDDocument document) {
    document.getDocumentCatalog().setDocumentOutline(root);
    document.getDocumentCatalog().setPageMode(PageMode.USE_OUTLINES);
  }

  /** A bookmark to {@code page} scrolled to {@code top}. */
  void add(String title, PDPage page, float top) {
    PDPageXYZDestination destination = new PDPageXYZDestination();
    destination.setPage(page);
    destination.setTop(Math.round(top));
    PDOutlineItem item = new PDOutlineItem();
    item.setTitle(DocumentInfo.plain(title));
    item.setDestination(destination);
    root.addLast(item);
  }
}
