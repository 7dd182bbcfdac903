package com.runningtrainer.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The web app's arithmetic of units and dates, tested in Node ({@code src/test/node/units.test.mjs},
 * no package to install) against the very module the browser loads.
 */
class WebAppScriptsTest {

  @Test
  void unitsAndDatesAreComputedAsTheAthletesSettingsSay() throws IOException, InterruptedException {
    Process node = new ProcessBuilder("node", "--test", "--test-reporter=spec", "units.test.mjs")
        .directory(Path.of("src", "test", "node").toFile()).redirectErrorStream(true).start();
    String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(node.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(node.exitValue()).as(output).isZero();
  }
}
