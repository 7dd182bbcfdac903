package com.runningtrainer.pdf.render;

/**
 * What a rendering produced.
 *
 * @param pages the number of pages
 * @param bytes the size of the file written
 */
public record RenderedPdf(int pages, long bytes) {
}
