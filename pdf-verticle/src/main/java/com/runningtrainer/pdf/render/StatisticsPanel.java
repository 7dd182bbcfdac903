package com.runningtrainer.pdf.render;

import java.io.IOException;
import java.util.List;

/** The plan's numbers as a row of tiles under the cover header. */
final class StatisticsPanel {

  private static final float HEIGHT = 38;

  private record Tile(String value, String label) {
  }

  private StatisticsPanel() {
  }

  static void draw(PageFlow flow, RenderContext context) throws IOException {
    List<Tile> tiles = tiles(PlanStatistics.of(context.calendar(), context.today()));
    float width = flow.width() / tiles.size();
    float top = flow.take(HEIGHT + 10);
    for (int i = 0; i < tiles.size(); i++) {
      float x = flow.left() + i * width;
      flow.canvas().fill(x + (i == 0 ? 0 : 2), top - HEIGHT, width - (i == 0 || i == tiles.size() - 1 ? 2 : 4), HEIGHT,
          Theme.tint(context.theme().primary(), 0.9f));
      flow.canvas().textCentred(tiles.get(i).value(), context.fonts().bold(), 13, context.theme().primaryInk(),
          x + width / 2, top - 19);
      flow.canvas().textCentred(tiles.get(i).label(), context.fonts().regular(), 7.5f, Theme.MUTED, x + width / 2, top - 31);
    }
  }

  private static List<Tile> tiles(PlanStatistics statistics) {
    return List.of(
        new Tile(Format.km(statistics.plannedKm()), "planned"),
        new Tile(Format.km(statistics.doneKm()), "run"),
        new Tile(statistics.anyDue() ? Format.percent(statistics.completionRate()) : "–", "completion"),
        new Tile(statistics.completed() + " of " + statistics.workouts(), "workouts done"),
        new Tile(String.valueOf(statistics.missed()), statistics.missed() == 1 ? "missed workout" : "missed workouts"),
        new Tile(statistics.longestRunKm() > 0 ? Format.km(statistics.longestRunKm()) : "–", "longest run"));
  }
}
