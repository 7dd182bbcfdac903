package com.runningtrainer.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LaunchOptionsTest {

  private static final List<String> KNOWN = List.of("trainer", "auth");

  private static LaunchOptions parse(String... args) {
    return LaunchOptions.parse(List.of(args), KNOWN);
  }

  @Test
  void without_arguments_every_known_service_runs_unclustered() {
    LaunchOptions options = parse();

    assertThat(options.services()).containsExactly("trainer", "auth");
    assertThat(options.cluster()).isFalse();
    assertThat(options.help()).isFalse();
  }

  @Test
  void rotate_keys_asks_for_a_key_rotation_and_nothing_else() {
    assertThat(parse("--rotate-keys").rotateKeys()).isTrue();
    assertThat(parse().rotateKeys()).isFalse();
  }

  @Test
  void services_picks_the_named_services_in_the_order_given() {
    assertThat(parse("--services=auth,trainer").services()).containsExactly("auth", "trainer");
    assertThat(parse("--services=trainer").services()).containsExactly("trainer");
  }

  @Test
  void services_ignores_blanks_case_and_repeats() {
    assertThat(parse("--services= Trainer, ,trainer,AUTH ").services()).containsExactly("trainer", "auth");
  }

  @Test
  void an_unknown_service_is_refused_naming_it_and_the_known_ones() {
    assertThatThrownBy(() -> parse("--services=trainer,pdf"))
        .isInstanceOf(LaunchOptions.UsageException.class)
        .hasMessage("unknown service 'pdf'; known services: trainer, auth");
  }

  @Test
  void several_unknown_services_are_all_named() {
    assertThatThrownBy(() -> parse("--services=pdf,strava"))
        .isInstanceOf(LaunchOptions.UsageException.class)
        .hasMessageStartingWith("unknown services pdf, strava;");
  }

  @Test
  void services_without_a_name_is_refused() {
    assertThatThrownBy(() -> parse("--services="))
        .isInstanceOf(LaunchOptions.UsageException.class)
        .hasMessageContaining("names no service");
    assertThatThrownBy(() -> parse("--services"))
        .isInstanceOf(LaunchOptions.UsageException.class)
        .hasMessageContaining("--services=trainer,auth");
  }

  @Test
  void cluster_is_read_with_the_services() {
    LaunchOptions options = parse("--cluster", "--services=auth");

    assertThat(options.cluster()).isTrue();
    assertThat(options.services()).containsExactly("auth");
  }

  @Test
  void help_is_read_in_long_and_short_form() {
    assertThat(parse("--help").help()).isTrue();
    assertThat(parse("-h").help()).isTrue();
  }

  @Test
  void an_unknown_argument_is_refused_naming_it() {
    assertThatThrownBy(() -> parse("--service=trainer"))
        .isInstanceOf(LaunchOptions.UsageException.class)
        .hasMessage("unknown argument '--service=trainer'");
  }

  @Test
  void the_last_services_option_wins() {
    assertThat(parse("--services=trainer", "--services=auth").services()).containsExactly("auth");
  }
}
