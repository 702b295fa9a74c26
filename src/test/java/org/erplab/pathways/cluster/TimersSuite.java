package org.erplab.pathways.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.erplab.pathways.benchmark.PathwayCloner;
import org.erplab.pathways.support.ApiClient;
import org.erplab.pathways.support.AppNode;
import org.erplab.pathways.support.Cluster;
import org.erplab.pathways.support.IntakeAnswers;
import org.erplab.pathways.support.TestPeople;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 11's timers (not part of {@code ./mvnw verify}: {@code ./mvnw -Preliability -Dsuite=TimersSuite verify}):
 * {@code -Dreliability.timers=50000} deadlines falling due at the same moment, drained by one node, then as many
 * again by two nodes on the same PostgreSQL. The deadlines are the CPI's verification ({@code
 * Timer_VerificationOverdue}): pathways brought through the API to the verification (a few templates on node 1),
 * copied in SQL ({@link PathwayCloner}: the same rows, ids of their own), then every timer's due date set to now in
 * one statement, as the calendar would. The drain rate is the timers fired over the time from the first firing to
 * the last (the job log's timestamps: the executors' idle wait before the first is left out). Each firing's effect is
 * recorded under a unique key and counted: one successful run per job in the job log, one missed deadline per
 * deadline in {@code pathway_event}. Goal: two nodes drain at least 1.6 times as fast as one; no timer fires twice.
 */
class TimersSuite {

  private static final int TIMERS = Integer.getInteger("reliability.timers", 50_000);
  private static final int TEMPLATES = 4;
  private static final String LAB = "lab.lorenteggio";

  /** One drain: how many, from the first firing to the last, by node. */
  record Drain(int nodes, long timers, double seconds, Map<String, Long> byNode, String pending) {

    double perSecond() {
      return timers / seconds;
    }
  }

  @Test
  void shouldDrainDueTimersFasterOnTwoNodesAndFireEachOnce() throws Exception {
    Path directory = Faults.directory("timers");
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
        Cluster cluster = new Cluster(postgres, directory)) {
      JdbcClient jdbc = cluster.jdbc();
      AppNode one = Cluster.awaitReady(cluster.launch("node-1"));
      Faults.warmUp(one);

      PathwayCloner cloner = new PathwayCloner(jdbc);
      cloner.before();
      List<PathwayCloner.Template> templates = new ArrayList<>();
      for (int t = 1; t <= TEMPLATES; t++) {
        String pathwayId = atVerification(one);
        templates.add(cloner.capture(t, "verification " + t, pathwayId, 0));
      }
      cloner.seal();
      // the templates' own timers fire too, so that every drain below counts copies only
      Faults.makeDue(jdbc, Faults.verificationTimers(jdbc));
      Faults.drain(jdbc, Faults.verificationTimers(jdbc), Duration.ofMinutes(2));

      StringBuilder report = new StringBuilder("## Timers: " + String.format("%,d", TIMERS)
          + " deadlines due at the same moment\n\n");
      DataSource database = postgres.getPostgresDatabase();
      Drain single = drain(jdbc, database, cloner, templates, 1, TIMERS, 1, report);
      AppNode two = Cluster.awaitReady(cluster.launch("node-2"));
      Faults.warmUp(two);
      Drain both = drain(jdbc, database, cloner, templates, TIMERS + 1, 2 * TIMERS, 2, report);
      cloner.dropStaging();

      long firedTwice = Faults.count(jdbc, """
          select count(*) from (select job_id_ from act_hi_job_log where job_state_ = 2 group by job_id_
            having count(*) > 1) twice""");
      long missedTwice = Faults.count(jdbc, """
          select count(*) from (select deadline_id from pathway_event where event_type = 'DEADLINE_MISSED'
            group by deadline_id having count(*) > 1) twice""");
      long missed = Faults.count(jdbc, "select count(*) from pathway_event where event_type = 'DEADLINE_MISSED'");
      double ratio = both.perSecond() / single.perSecond();
      report.append("\n| nodes | timers | first to last firing | timers/s | fired by |\n|---:|---:|---:|---:|---|\n");
      for (Drain d : List.of(single, both)) {
        report.append(String.format("| %d | %,d | %.1f s | %.1f | %s |%n", d.nodes(), d.timers(), d.seconds(),
            d.perSecond(), d.byNode()));
      }
      report.append(String.format("%nRatio two nodes / one: **%.2f** (goal at least 1.6: %s). Timers fired twice: %d;"
              + " deadlines missed twice: %d; deadlines missed in all: %,d (templates and copies).%n%s%s%n", ratio,
          ratio >= 1.6 ? "PASS" : "FAIL", firedTwice, missedTwice, missed, single.pending(), both.pending()));
      Faults.report("timers", report.toString());

      assertThat(firedTwice).as("timers fired twice").isZero();
      assertThat(missedTwice).as("deadlines missed twice").isZero();
      assertThat(single.timers() + both.timers()).as("every timer fired").isEqualTo(2L * TIMERS);
    }
  }

  /** Copies numbered {@code from..to} of the templates, their timers made due at once, and drained. */
  private static Drain drain(JdbcClient jdbc, DataSource database, PathwayCloner cloner,
      List<PathwayCloner.Template> templates, int from, int to, int nodes, StringBuilder report) throws Exception {
    long started = System.nanoTime();
    try (Connection connection = database.getConnection()) {
      JdbcClient loader = PathwayCloner.loader(connection);
      int per = (to - from + 1) / templates.size();
      for (int t = 0; t < templates.size(); t++) {
        int low = from + t * per;
        int high = t == templates.size() - 1 ? to : low + per - 1;
        for (int batch = low; batch <= high; batch += 5_000) {
          cloner.copy(loader, templates.get(t), batch, Math.min(high, batch + 4_999));
        }
      }
    }
    jdbc.sql("analyze").update();
    List<String> due = Faults.verificationTimers(jdbc);
    report.append(String.format("Seeded %,d pathways at the verification for %d node(s) in %.0f s; %,d timers.%n",
        to - from + 1, nodes, (System.nanoTime() - started) / 1e9, due.size()));
    Timestamp since = jdbc.sql("select current_timestamp").query(Timestamp.class).single();
    jdbc.sql("""
        update act_ru_job set duedate_ = current_timestamp - interval '1 second'
        where job_def_id_ in (select id_ from act_ru_jobdef where act_id_ = 'Timer_VerificationOverdue')""").update();
    String pending = Faults.drain(jdbc, due, Duration.ofMinutes(90));
    Map<String, Object> span = jdbc.sql("""
        select count(*) as fired, extract(epoch from max(timestamp_) - min(timestamp_)) as seconds
        from act_hi_job_log where job_state_ = 2 and timestamp_ >= :since and job_def_id_ in
          (select id_ from act_ru_jobdef where act_id_ = 'Timer_VerificationOverdue')""")
        .param("since", since).query().singleRow();
    Map<String, Long> byNode = new LinkedHashMap<>();
    jdbc.sql("""
        select hostname_, count(*) from act_hi_job_log where job_state_ = 2 and timestamp_ >= :since and job_def_id_ in
          (select id_ from act_ru_jobdef where act_id_ = 'Timer_VerificationOverdue') group by hostname_ order by 1""")
        .param("since", since).query((rs, i) -> byNode.put(rs.getString(1), rs.getLong(2))).list();
    return new Drain(nodes, ((Number) span.get("fired")).longValue(), ((Number) span.get("seconds")).doubleValue(),
        byNode, pending);
  }

  /** A pathway started by the lab on the node and brought to the CPI's verification; its id. */
  private static String atVerification(AppNode node) {
    ApiClient lab = node.as(LAB);
    ApiClient.Response started = lab.post("/api/pathways", Map.of("projectCode", "LORENTEGGIO", "channel", "LAB",
        "person", TestPeople.adult().asRequest()));
    assertThat(started.status()).as(started.toString()).isEqualTo(201);
    String pathwayId = started.json().get("pathwayId").asText();
    ApiClient.Response tasks = lab.get("/api/tasks?pathwayId=" + pathwayId + "&taskKey=Task_IntakeInterview");
    String taskId = tasks.json().get(0).get("id").asText();
    ApiClient.Response done = lab.post("/api/tasks/" + taskId + "/complete",
        Map.of("variables", IntakeAnswers.eligibleWith(Map.of("naspiRecipient", true))));
    assertThat(done.status()).as(done.toString()).isEqualTo(204);
    return pathwayId;
  }
}
