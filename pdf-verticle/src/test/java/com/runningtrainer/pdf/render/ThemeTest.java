package com.runningtrainer.pdf.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import org.junit.jupiter.api.Test;

class ThemeTest {

  @Test
  void brandingColoursAreUsedWhenTheyAreRrggbb() {
    Theme theme = Theme.of(new Branding(null, "#0B6E4F", "#f2a541", null, null));

    assertThat(theme.primary()).isEqualTo(new Color(0x0B6E4F));
    assertThat(theme.accent()).isEqualTo(new Color(0xF2A541));
  }

  @Test
  void anythingElseFallsBackToOurColours() {
    Theme defaults = Theme.of(Branding.NONE);

    Theme theme = Theme.of(new Branding(null, "red", "#12345G", null, null));

    assertThat(theme).isEqualTo(defaults);
  }

  @Test
  void textOnAPaleColourIsDark() {
    assertThat(Theme.textOn(new Color(0xFFFF66))).isEqualTo(Theme.TEXT);
    assertThat(Theme.textOn(new Color(0x1F4E79))).isEqualTo(Color.WHITE);
  }

  @Test
  void aPaleBrandingColourIsDarkenedForText() {
    Theme theme = Theme.of(new Branding(null, "#FFEE00", "#1F4E79", null, null));

    assertThat(theme.primaryInk()).isEqualTo(new Color(0x72, 0x6B, 0x00));
    assertThat(theme.accentInk()).isEqualTo(new Color(0x1F4E79));
  }
}
