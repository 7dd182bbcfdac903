package com.runningtrainer.pdf.render;

import com.runningtrainer.pdf.render.PrintablePlan.PlannedWorkout;
import java.awt.Color;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/** The colour and label of each workout type, and the legend that explains them. */
final class WorkoutPalette {

  private record Kind(String label, Color color) {
  }

  private static final Kind UNKNOWN = new Kind("Workout", new Color(0x90, 0xA4, 0xAE));
  private static final Map<String, Kind> KINDS = new LinkedHashMap<>();

  static {
    KINDS.put("easy_run", new Kind("Easy", new Color(0x43, 0xA0, 0x47)));
    KINDS.put("recovery_run", new Kind("Recovery", new Color(0x9C, 0xCC, 0x65)));
    KINDS.put("long_run", new Kind("Long run", new Color(0x1E, 0x88, 0xE5)));
    KINDS.put("tempo", new Kind("Tempo", new Color(0xFB, 0x8C, 0x00)));
    KINDS.put("intervals", new Kind("Intervals", new Color(0xE5, 0x39, 0x35)));
    KINDS.put("fartlek", new Kind("Fartlek", new Color(0x8E, 0x24, 0xAA)));
    KINDS.put("hill_repeats", new Kind("Hills", new Color(0x79, 0x55, 0x48)));
    KINDS.put("progression", new Kind("Progression", new Color(0x00, 0x89, 0x7B)));
    KINDS.put("race", new Kind("Race", new Color(0xD8, 0x1B, 0x60)));
    KINDS.put("cross_training", new Kind("Cross-training", new Color(0x5C, 0x6B, 0xC0)));
    KINDS.put("rest", new Kind("Rest", new Color(0xBD, 0xBD, 0xBD)));
  }

  private static final float SWATCH = 7;
  private static final float SIZE = 7.5f;
  private static final float ROW = 12;

  private WorkoutPalette() {
  }

  static Color color(String type) {
    return KINDS.getOrDefault(type, UNKNOWN).color();
  }

  static String label(String type) {
    Kind kind = KINDS.get(type);
    if (kind != null) {
      return kind.label();
    }
    if (type == null || type.isBlank()) {
      return UNKNOWN.label();
    }
    String words = type.replace('_', ' ');
    return words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
  }

  /** A row of swatches for the types the plan uses, in a fixed order, wrapped to the width. */
  static void legend(PageFlow flow, RenderContext context) throws IOException {
    List<String> types = typesUsed(context);
    TextFitter fitter = context.fitter(false, SIZE);
    float x = flow.left();
    float top = flow.take(ROW + 4);
    for (String type : types) {
      float itemWidth = SWATCH + 4 + fitter.width(TextFitter.line(label(type))) + 12;
      if (x + itemWidth > flow.right() && x > flow.left()) {
        x = flow.left();
        top = flow.take(ROW);
      }
      flow.canvas().fill(x, top - SWATCH - 1, SWATCH, SWATCH, color(type));
      flow.canvas().text(label(type), context.fonts().regular(), SIZE, Theme.TEXT, x + SWATCH + 4, top - SWATCH);
      x += itemWidth;
    }
  }

  private static List<String> typesUsed(RenderContext context) {
    List<String> used = context.plan().workouts() == null ? List.of()
        : context.plan().workouts().stream().filter(Objects::nonNull).map(PlannedWorkout::type).distinct().toList();
    List<String> known = KINDS.keySet().stream().filter(used::contains).toList();
    List<String> unknown = used.stream().filter(t -> !KINDS.containsKey(t)).toList();
    return Stream.concat(known.stream(), unknown.stream()).toList();
  }
}
