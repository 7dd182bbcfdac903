package com.runningtrainer.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UrlsTest {

  @Test
  void the_password_of_a_url_is_masked() {
    assertThat(Urls.maskPassword("postgresql://rt:s3cret@db:5432/running_trainer"))
        .isEqualTo("postgresql://rt:***@db:5432/running_trainer");
  }

  @Test
  void a_password_without_a_user_is_masked() {
    assertThat(Urls.maskPassword("redis://:s3cret@cache:6379/0")).isEqualTo("redis://:***@cache:6379/0");
  }

  @Test
  void an_unescaped_at_sign_in_a_password_does_not_leak_its_end() {
    assertThat(Urls.maskPassword("postgresql://rt:p@ss@db:5432/rt")).isEqualTo("postgresql://rt:***@db:5432/rt");
  }

  @Test
  void a_url_without_a_password_is_left_as_it_is() {
    assertThat(Urls.maskPassword("postgresql://postgres@127.0.0.1:5433/running_trainer"))
        .isEqualTo("postgresql://postgres@127.0.0.1:5433/running_trainer");
    assertThat(Urls.maskPassword("redis://127.0.0.1:6380/0")).isEqualTo("redis://127.0.0.1:6380/0");
    assertThat(Urls.maskPassword("not a url")).isEqualTo("not a url");
  }
}
