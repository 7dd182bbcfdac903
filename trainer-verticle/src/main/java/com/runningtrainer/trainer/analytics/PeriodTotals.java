package com.runningtrainer.trainer.analytics;

import com.runningtrainer.trainer.analytics.Compliance.Done;
import java.time.LocalDate;
import java.util.Map;

/**
 * What was done per week and per calendar month, by each period's first day; periods without a
 * run are absent.
 */
record PeriodTotals(Map<LocalDate, Done> weeks, Map<LocalDate, Done> months) {
}
