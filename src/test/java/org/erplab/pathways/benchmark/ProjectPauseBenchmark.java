package org.erplab.pathways.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.erplab.pathways.participant.domain.Participant;
import org.erplab.pathways.pathway.domain.Pathway;
import org.erplab.pathways.pathway.domain.PathwayService;
import org.erplab.pathways.programme.domain.ProjectOperation;
import org.erplab.pathways.programme.domain.ProjectOperations;
import org.erplab.pathways.support.EmbeddedPostgresInitializer;
import org.erplab.pathways.support.TestProjects;
import org.erplab.pathways.support.TestPeople;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.test.context.support.DependencyInjectionTestExecutionListener;

/**
 * Benchmark of the project-wide pause (issue "Clocks": 10,000 pathways in one call). Not a test: run it with
 * {@code ./mvnw -Pbenchmark -Dbenchmark=ProjectPauseBenchmark test} (README, "Benchmarks").
 *
 * <p>For each size (default 1,000 and 10,000; {@code -Dbenchmark.pause.sizes}) a project of its own gets that many
 * open pathways through the real start ({@link PathwayService#start}: registry, record, {@code pathway} instance), then
 * one pause request and, when it is done, one resumption request; it prints how long the request took to answer, the
 * time per pathway of the pause and of the resumption, and the ratio of the time per pathway at the largest size to
 * the smallest (about 1 means the cost grows linearly: batches keep memory and the per-pathway work flat). The
 * machine is shared and noisy: read ratios, not absolute times. Also written to {@code target/benchmark/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)
@TestExecutionListeners(listeners = DependencyInjectionTestExecutionListener.class,
    mergeMode = TestExecutionListeners.MergeMode.REPLACE_DEFAULTS)
class ProjectPauseBenchmark {

  static final List<Integer> SIZES = Arrays.stream(System.getProperty("benchmark.pause.sizes", "1000,10000").split(","))
      .map(String::trim).map(Integer::parseInt).toList();
  static final int THREADS = Integer.getInteger("benchmark.threads", 4);

  @Autowired PathwayService pathwayService;
  @Autowired ProjectOperations operations;
  @Autowired JdbcClient jdbc;

  private final StringBuilder report = new StringBuilder();

  @Test
  void pauseAndResumeAtScale() throws Exception {
    line("# Project-wide pause benchmark");
    line("");
    line("| pathways | seeded per s | request answered (ms) | pause ms/pathway | resume ms/pathway | heap after (MB) |");
    line("|---:|---:|---:|---:|---:|---:|");
    List<double[]> perPathway = new ArrayList<>();
    for (int size : SIZES) {
      String project = TestProjects.create(jdbc, "B", LocalDate.of(2099, 12, 31));
      long seedStart = System.nanoTime();
      seed(project, size);
      double seedSeconds = (System.nanoTime() - seedStart) / 1e9;

      long requested = System.nanoTime();
      ProjectOperation pause = operations.pause(project, "PROGRAMME_PAUSE", null, "manager");
      double answeredMs = (System.nanoTime() - requested) / 1e6;
      await(project, pause.id());
      double pauseMs = (System.nanoTime() - requested) / 1e6;

      long resumeStart = System.nanoTime();
      ProjectOperation resume = operations.resume(project, "benchmark", "manager");
      ProjectOperation resumed = await(project, resume.id());
      double resumeMs = (System.nanoTime() - resumeStart) / 1e6;
      assertThat(resumed.done()).isEqualTo(size);

      Runtime runtime = Runtime.getRuntime();
      long heapMb = (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024);
      perPathway.add(new double[] {pauseMs / size, resumeMs / size});
      line(String.format("| %,d | %.0f | %.0f | %.2f | %.2f | %d |", size, size / seedSeconds, answeredMs,
          pauseMs / size, resumeMs / size, heapMb));
    }
    if (perPathway.size() > 1) {
      double[] first = perPathway.get(0);
      double[] last = perPathway.get(perPathway.size() - 1);
      line("");
      line(String.format("Ratio of the time per pathway, %,d over %,d pathways: pause %.2f, resume %.2f",
          SIZES.get(SIZES.size() - 1), SIZES.get(0), last[0] / first[0], last[1] / first[1]));
    }
    Path out = Path.of("target", "benchmark", "project-pause-benchmark.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report);
  }

  private void seed(String project, int size) throws Exception {
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        workers.add(pool.submit(() -> {
          while (next.getAndIncrement() < size) {
            TestPeople.Person person = TestPeople.adult();
            pathwayService.start(new Participant(null, project, person.fiscalCode(), person.firstName(),
                person.lastName(), person.birthDate(), person.gender(), "IT", null, null, null, null, null),
                Pathway.Channel.LAB, null);
          }
          return null;
        }));
      }
      for (Future<?> worker : workers) {
        worker.get();
      }
    } finally {
      pool.shutdown();
    }
  }

  /** The operation once its worker finished it (at most an hour: 10,000 pathways take about a minute). */
  private ProjectOperation await(String project, UUID id) {
    if (!TestProjects.await(() -> !operations.find(project, id).isRunning(), java.time.Duration.ofHours(1))) {
      throw new AssertionError("The operation " + id + " still runs after an hour");
    }
    return operations.find(project, id);
  }

  private void line(String text) throws IOException {
    System.out.println(text);
    report.append(text).append('\n');
  }
}
