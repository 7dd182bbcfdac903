package com.runningtrainer.pdf.bench;

import com.runningtrainer.pdf.render.Branding;
import com.runningtrainer.pdf.render.PdfBoxPlanRenderer;
import com.runningtrainer.pdf.render.PlanRenderer;
import com.runningtrainer.pdf.render.PrintOptions;
import com.runningtrainer.pdf.render.PrintablePlan;
import com.runningtrainer.pdf.render.RenderedPdf;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * The PDF benchmark's Java side: times {@link PlanRenderer#render} of {@link PdfBoxPlanRenderer},
 * through the interface only, the way {@code bench/pdf/pybench.py} times WeasyPrint and ReportLab,
 * and prints its result as one line {@code RESULT {JSON}} ({@code bench/pdf/report.py} reads
 * them). Not a test: a main class kept in the test sources so that it never ships in the service's
 * jar. Run by {@code bench/pdf/run.sh}; see bench/README.md, "PDF rendering".
 *
 * <pre>
 * RenderBench latency    PLAN.json TEMPLATE [--warmup W] [--prewarm PLAN.json] [--iterations N] [--budget S]
 *                        [--save FILE.pdf]
 * RenderBench throughput PLAN.json TEMPLATE --jobs K [--warmup W] [--seconds S]
 * RenderBench memory     PLAN.json TEMPLATE --jobs J [--pool P] [--warmup W] [--seconds S]
 * </pre>
 *
 * <p>TEMPLATE is weekly, monthly, or mix (weekly and monthly in turn). Every render is A4 with every
 * optional part (charts, statistics, descriptions) and the plan's branding, into a new in-memory
 * buffer.
 *
 * <ul>
 *   <li>latency: W warm-up renders (discarded; with --prewarm, first one render of each template of
 *       that plan), then up to N timed renders, stopping once S seconds have been spent measuring
 *       (at least one); p50 and p99 by nearest rank.
 *   <li>throughput: W warm-up renders on one thread, then K threads start together and render until
 *       S seconds have passed and each has finished at least 2 PDFs; PDFs/s is the sum over threads
 *       of the PDFs each finished divided by the time to its last finish.
 *   <li>memory: run in a fresh JVM. W warm-up renders on one thread, then J jobs render, at most P
 *       at once (default J: all at once; the service renders PDF_CONCURRENCY at once, and its other
 *       jobs wait in the database), until each has done at least one PDF and S seconds have passed, while a thread samples
 *       VmRSS and Pss (/proc/self/status, /proc/self/smaps_rollup) every 50 ms; also VmHWM, the
 *       kernel's peak resident size of the whole run, and the most heap in use right after a garbage
 *       collection while the jobs ran (what they keep alive).
 * </ul>
 */
public final class RenderBench {

  private static final PlanRenderer RENDERER = new PdfBoxPlanRenderer();

  private RenderBench() {
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      System.err.println("usage: RenderBench latency|throughput|memory PLAN.json weekly|monthly|mix [options]");
      System.exit(2);
    }
    String kind = args[0];
    Path planFile = Path.of(args[1]);
    String template = args[2];
    Map<String, String> opts = new LinkedHashMap<>();
    for (int i = 3; i + 1 < args.length; i += 2) {
      opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    Job job = Job.load(planFile, template);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("server", "pdfbox");
    out.put("template", template);
    out.put("plan", planFile.getFileName().toString().replaceFirst("\\.json$", ""));
    int warmup = Integer.parseInt(opts.getOrDefault("warmup", "20"));
    switch (kind) {
      case "latency" -> {
        if (job.options.size() != 1) {
          throw new IllegalArgumentException("latency is per template");
        }
        if (opts.containsKey("prewarm")) {
          Job pre = Job.load(Path.of(opts.get("prewarm")), "mix");
          for (int i = 0; i < pre.options.size(); i++) {
            pre.render(i);
          }
        }
        latency(job, warmup, Integer.parseInt(opts.getOrDefault("iterations", "200")),
            Double.parseDouble(opts.getOrDefault("budget", "15")), out);
        if (opts.containsKey("save")) { // one more render, kept to look at (not timed)
          try (OutputStream file = Files.newOutputStream(Path.of(opts.get("save")))) {
            RENDERER.render(job.plan, job.options.get(0), job.branding, file);
          }
        }
      }
      case "throughput" -> {
        int jobs = Integer.parseInt(opts.getOrDefault("jobs", "1"));
        workers(job, "throughput", warmup, jobs, Double.parseDouble(opts.getOrDefault("seconds", "10")), out, jobs);
      }
      case "memory" -> workers(job, "memory", warmup, Integer.parseInt(opts.getOrDefault("jobs", "16")),
          Double.parseDouble(opts.getOrDefault("seconds", "5")), out,
          Integer.parseInt(opts.getOrDefault("pool", opts.getOrDefault("jobs", "16"))));
      default -> throw new IllegalArgumentException("unknown measurement " + kind);
    }
    System.out.println("RESULT " + toJson(out));
  }

  // ------------------------------------------------------------------ measurements

  private static void latency(Job job, int warmup, int iterations, double budgetSeconds, Map<String, Object> out)
      throws IOException {
    for (int i = 0; i < warmup; i++) {
      job.render(0);
    }
    List<Double> times = new ArrayList<>();
    RenderedPdf last = null;
    long started = System.nanoTime();
    while (times.size() < iterations && (times.isEmpty() || (System.nanoTime() - started) / 1e9 < budgetSeconds)) {
      long t0 = System.nanoTime();
      last = job.render(0);
      times.add((System.nanoTime() - t0) / 1e6);
    }
    double[] s = times.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    out.put("kind", "latency");
    out.put("n", s.length);
    out.put("warmup", warmup);
    out.put("p50_ms", round(percentile(s, 50)));
    out.put("p99_ms", round(percentile(s, 99)));
    out.put("mean_ms", round(Arrays.stream(s).average().orElse(0)));
    out.put("min_ms", round(s[0]));
    out.put("max_ms", round(s[s.length - 1]));
    out.put("pages", last.pages());
    out.put("bytes", last.bytes());
    out.put("rss_mb", round(procKb("status", "VmHWM") / 1024.0));
  }

  /**
   * @param pool how many of the jobs may render at once, as the service's {@code pdf-render} pool of
   *     {@code PDF_CONCURRENCY} threads lets them: the others wait for a turn
   */
  private static void workers(Job job, String kind, int warmup, int jobs, double seconds, Map<String, Object> out,
      int pool) throws Exception {
    boolean memory = kind.equals("memory");
    Semaphore turns = new Semaphore(pool);
    for (int i = 0; i < warmup; i++) {
      job.render(i);
    }
    long baselineKb = procKb("status", "VmRSS");
    CyclicBarrier start = new CyclicBarrier(jobs + 1);
    long[] counts = new long[jobs];
    double[] spans = new double[jobs];
    Throwable[] failure = new Throwable[1];
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < jobs; t++) {
      int me = t;
      Thread thread = new Thread(() -> {
        try {
          start.await();
          long t0 = System.nanoTime();
          long deadline = t0 + (long) (seconds * 1e9);
          long count = 0;
          long last = t0;
          while (System.nanoTime() < deadline || count < (memory ? 1 : 2)) {
            turns.acquire();
            try {
              job.render((int) (count + me)); // threads start on different templates in a mix
            } finally {
              turns.release();
            }
            count++;
            last = System.nanoTime();
          }
          counts[me] = count;
          spans[me] = (last - t0) / 1e9;
        } catch (Throwable e) {
          failure[0] = e;
        }
      }, "render-" + t);
      threads.add(thread);
      thread.start();
    }
    long gcsBefore = gcCount();
    AtomicLong peakLiveHeap = new AtomicLong();
    if (memory) {
      watchLiveHeap(peakLiveHeap);
    }
    AtomicLong peakRss = new AtomicLong();
    AtomicLong peakPss = new AtomicLong();
    Thread sampler = new Thread(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        peakRss.accumulateAndGet(procKb("status", "VmRSS"), Math::max);
        peakPss.accumulateAndGet(procKb("smaps_rollup", "Pss"), Math::max);
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "rss-sampler");
    sampler.setDaemon(true);
    if (memory) {
      sampler.start();
    }
    start.await();
    for (Thread thread : threads) {
      thread.join();
    }
    sampler.interrupt();
    sampler.join();
    if (memory) {
      Thread.sleep(200); // GC notifications arrive on a thread of their own
    }
    if (failure[0] != null) {
      throw new IllegalStateException("a render failed", failure[0]);
    }
    double rate = 0;
    long pdfs = 0;
    for (int t = 0; t < jobs; t++) {
      pdfs += counts[t];
      rate += spans[t] > 0 ? counts[t] / spans[t] : 0;
    }
    out.put("kind", kind);
    out.put("jobs", jobs);
    out.put("pool", pool);
    out.put("pdfs", pdfs);
    if (memory) {
      out.put("peak_mb", round(peakRss.get() / 1024.0));
      out.put("peak_pss_mb", round(peakPss.get() / 1024.0));
      out.put("vmhwm_mb", round(procKb("status", "VmHWM") / 1024.0));
      out.put("live_heap_mb", peakLiveHeap.get() == 0 ? null : round(peakLiveHeap.get() / (1024.0 * 1024)));
      out.put("gcs", gcCount() - gcsBefore);
      out.put("baseline_mb", round(baselineKb / 1024.0));
      out.put("processes", 1);
      out.put("max_heap_mb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
    } else {
      out.put("seconds", seconds);
      out.put("pdfs_per_s", Math.round(rate * 1000) / 1000.0);
    }
  }

  // ------------------------------------------------------------------ the plan and what it prints with

  /** A plan read from the benchmark's JSON and the options of each template it renders in turn. */
  private record Job(PrintablePlan plan, Branding branding, List<PrintOptions> options) {

    RenderedPdf render(int i) throws IOException {
      ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
      return RENDERER.render(plan, options.get(Math.floorMod(i, options.size())), branding, out);
    }

    static Job load(Path file, String template) throws IOException {
      JsonObject json = new JsonObject(Files.readString(file, StandardCharsets.UTF_8));
      List<PrintablePlan.PlannedWorkout> workouts = new ArrayList<>();
      for (Object o : json.getJsonArray("workouts", new JsonArray())) {
        JsonObject w = (JsonObject) o;
        workouts.add(new PrintablePlan.PlannedWorkout(w.getString("id"), LocalDate.parse(w.getString("date")),
            w.getString("type"), w.getString("name"), w.getString("description"), w.getDouble("distance_km"),
            w.getDouble("duration_minutes")));
      }
      List<PrintablePlan.DoneRun> runs = new ArrayList<>();
      for (Object o : json.getJsonArray("runs", new JsonArray())) {
        JsonObject r = (JsonObject) o;
        runs.add(new PrintablePlan.DoneRun(LocalDate.parse(r.getString("date")), r.getString("workout_id"),
            r.getDouble("distance_km"), r.getDouble("duration_minutes")));
      }
      String goal = json.getString("goal_race_date");
      PrintablePlan plan = new PrintablePlan(json.getString("name"), json.getString("description"),
          LocalDate.parse(json.getString("start_date")), LocalDate.parse(json.getString("end_date")),
          goal == null ? null : LocalDate.parse(goal), json.getString("athlete_name"), List.copyOf(workouts),
          List.copyOf(runs));
      JsonObject b = json.getJsonObject("branding", new JsonObject());
      Branding branding = new Branding(b.getString("title"), b.getString("primary_color"),
          b.getString("accent_color"), b.getString("footer"), null);
      LocalDate today = LocalDate.parse(json.getString("today"));
      List<PrintOptions> options = new ArrayList<>();
      for (String t : template.equals("mix") ? List.of("weekly", "monthly") : List.of(template)) {
        options.add(new PrintOptions(PrintOptions.Template.valueOf(t.toUpperCase()), PrintOptions.Paper.A4,
            EnumSet.allOf(PrintOptions.Part.class), today));
      }
      return new Job(plan, branding, List.copyOf(options));
    }
  }

  // ------------------------------------------------------------------ helpers

  private static long gcCount() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
  }

  /**
   * Keeps in {@code peak} the most heap in use right after any garbage collection from now on: what
   * the renders being run keep alive, rather than the heap the collector chose to commit (which is
   * most of the resident size, and grows with the allocation rate up to a quarter of the machine's
   * memory by default).
   */
  private static void watchLiveHeap(AtomicLong peak) {
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter emitter) {
        emitter.addNotificationListener((notification, handback) -> {
          if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            GarbageCollectionNotificationInfo info =
                GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
            long used = info.getGcInfo().getMemoryUsageAfterGc().values().stream()
                .mapToLong(MemoryUsage::getUsed).sum();
            peak.accumulateAndGet(used, Math::max);
          }
        }, null, null);
      }
    }
  }

  /** Nearest rank: the smallest value with at least q % of the values at or below it. */
  private static double percentile(double[] sorted, double q) {
    int rank = (int) Math.ceil(q / 100 * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }

  private static double round(double x) {
    return Math.round(x * 100) / 100.0;
  }

  /** A "Field: N kB" line of /proc/self/FILE, 0 when there is none (not Linux). */
  private static long procKb(String file, String field) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self", file))) {
        if (line.startsWith(field + ":")) {
          return Long.parseLong(line.substring(field.length() + 1).trim().split("\\s+")[0]);
        }
      }
    } catch (IOException | RuntimeException e) {
      return 0;
    }
    return 0;
  }

  private static String toJson(Map<String, Object> values) {
    return new JsonObject(new LinkedHashMap<>(values)).encode();
  }
}
