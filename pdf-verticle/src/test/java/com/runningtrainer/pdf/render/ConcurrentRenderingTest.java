package com.runningtrainer.pdf.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.runningtrainer.pdf.render.PrintOptions.Template;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ConcurrentRenderingTest {

  @Test
  void oneRendererServesSeveralThreadsAtOnce() throws Exception {
    String alone = Rendering.of(SamplePlans.marathon(), Template.WEEKLY).text();
    List<Callable<String>> renderings = IntStream.range(0, 4)
        .<Callable<String>>mapToObj(i -> () -> Rendering.of(SamplePlans.marathon(), Template.WEEKLY).text()).toList();

    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      for (Future<String> text : threads.invokeAll(renderings)) {
        assertThat(text.get()).isEqualTo(alone);
      }
    } finally {
      threads.shutdown();
    }
  }
}
