package com.runningtrainer.pdf.render;

import java.time.LocalDate;
import java.util.Set;

/**
 * How to print a plan.
 *
 * @param template the layout
 * @param paper the page size
 * @param include the optional parts to print
 * @param today the day the PDF is generated, for "days to go" and the generated date (in the athlete's calendar)
 */
public record PrintOptions(Template template, Paper paper, Set<Part> include, LocalDate today) {

  /** The layouts ({@code weekly}, {@code monthly}, {@code log_sheet} in the API). */
  public enum Template { WEEKLY, MONTHLY, LOG_SHEET }

  /** The page sizes ({@code A4}, {@code letter} in the API). */
  public enum Paper { A4, LETTER }

  /** The optional parts ({@code charts}, {@code statistics}, {@code descriptions} in the API). */
  public enum Part { CHARTS, STATISTICS, DESCRIPTIONS }
}
