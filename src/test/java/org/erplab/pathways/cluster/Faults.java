package org.erplab.pathways.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.erplab.pathways.support.AppNode;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the fault and soak suites check in the database after a run, and how they print it. */
final class Faults {

  private Faults() {}

  /** The verification timers of these pathways still waiting (not yet fired). */
  static List<String> verificationTimers(JdbcClient jdbc) {
    return jdbc.sql("""
        select j.id_ from act_ru_job j join act_ru_jobdef d on d.id_ = j.job_def_id_
        where d.act_id_ = 'Timer_VerificationOverdue'""").query(String.class).list();
  }

  /** Makes these timers due now, as if their deadline had come, on the database every node polls. */
  static void makeDue(JdbcClient jdbc, List<String> jobIds) {
    if (!jobIds.isEmpty()) {
      jdbc.sql("update act_ru_job set duedate_ = current_timestamp - interval '1 second' where id_ in (:ids)")
          .param("ids", jobIds).update();
    }
  }

  /**
   * Waits until these jobs have run (their rows are gone); after {@code timeout}, says what holds the rest (retries,
   * lock, failure) instead of failing, so that the report is still printed and its checks fail.
   */
  static String drain(JdbcClient jdbc, List<String> jobIds, java.time.Duration timeout) {
    long deadline = System.currentTimeMillis() + timeout.toMillis();
    while (System.currentTimeMillis() < deadline) {
      if (jobIds.isEmpty() || jdbc.sql("select count(*) from act_ru_job where id_ in (:ids)").param("ids", jobIds)
          .query(Long.class).single() == 0) {
        return "";
      }
      Load.pause(500);
    }
    return "Still waiting after " + timeout + ": " + jdbc.sql("""
        select retries_ as retries, lock_exp_time_ > current_timestamp as locked, exception_msg_ is not null as failed,
               count(*) as jobs
        from act_ru_job where id_ in (:ids) group by 1, 2, 3""").param("ids", jobIds).query().listOfRows();
  }

  static long count(JdbcClient jdbc, String sql) {
    return jdbc.sql(sql).query(Long.class).single();
  }

  /**
   * Checks the load's acknowledged work against the database: lost (acknowledged, not there) and duplicated (there
   * twice), for pathways, interviews, timers and their effects. Every value must be 0.
   */
  static Map<String, Long> lostAndDuplicated(JdbcClient jdbc, Load load, List<String> timersMadeDue) {
    Map<String, Long> result = new LinkedHashMap<>();
    List<String> pathways = List.copyOf(load.startedPathways);
    List<String> people = List.copyOf(load.startedPeople);
    List<String> interviewed = List.copyOf(load.interviewed);
    result.put("pathways acknowledged, not stored", pathways.isEmpty() ? 0 : pathways.size() - jdbc.sql(
        "select count(*) from pathway where cast(id as varchar) in (:ids)").param("ids", pathways)
        .query(Long.class).single());
    result.put("people acknowledged without a pathway", people.isEmpty() ? 0 : jdbc.sql("""
        select count(*) from (select distinct fiscal_code from participant where fiscal_code in (:codes)) p
        where not exists (select 1 from pathway w join participant q on q.id = w.participant_id
                          where q.fiscal_code = p.fiscal_code)""").param("codes", people).query(Long.class).single());
    result.put("people with two pathways", people.isEmpty() ? 0 : jdbc.sql("""
        select count(*) from (select q.fiscal_code from pathway w join participant q on q.id = w.participant_id
          where q.fiscal_code in (:codes) group by q.fiscal_code having count(*) > 1) twice""")
        .param("codes", people).query(Long.class).single());
    result.put("interviews acknowledged, not completed", interviewed.isEmpty() ? 0 : interviewed.size() - jdbc.sql("""
        select count(distinct business_key_) from act_hi_procinst where proc_def_key_ = 'eligibility'
        and business_key_ in (:ids)""").param("ids", interviewed).query(Long.class).single());
    result.put("pathways verified twice", count(jdbc, """
        select count(*) from (select business_key_ from act_hi_procinst where proc_def_key_ = 'eligibility'
          group by business_key_ having count(*) > 1) twice"""));
    result.put("timers made due, not fired", timersMadeDue.isEmpty() ? 0 : jdbc.sql(
        "select count(*) from act_ru_job where id_ in (:ids)").param("ids", timersMadeDue).query(Long.class).single());
    result.put("timers fired twice", count(jdbc, """
        select count(*) from (select job_id_ from act_hi_job_log where job_state_ = 2 and job_def_id_ in
          (select id_ from act_ru_jobdef where act_id_ = 'Timer_VerificationOverdue')
          group by job_id_ having count(*) > 1) twice"""));
    result.put("deadlines missed twice", count(jdbc, """
        select count(*) from (select deadline_id from pathway_event where event_type = 'DEADLINE_MISSED'
          group by deadline_id having count(*) > 1) twice"""));
    return result;
  }

  /** Requests per step and outcome, as a Markdown table. */
  static String requestTable(List<Load.Request> requests) {
    Map<String, long[]> rows = new LinkedHashMap<>();
    for (Load.Request r : requests) {
      long[] row = rows.computeIfAbsent(r.step(), s -> new long[4]);
      row[0]++;
      row[1 + r.outcome().ordinal()]++;
    }
    long[] total = new long[4];
    StringBuilder table = new StringBuilder(
        "| step | sent | succeeded | failed cleanly | unclean (500, not JSON, hang) |\n|---|---:|---:|---:|---:|\n");
    rows.forEach((step, row) -> {
      table.append(String.format("| %s | %,d | %,d | %,d | %,d |%n", step, row[0], row[1], row[2], row[3]));
      for (int i = 0; i < 4; i++) {
        total[i] += row[i];
      }
    });
    table.append(String.format("| **all** | %,d | %,d | %,d | %,d |%n", total[0], total[1], total[2], total[3]));
    return table.toString();
  }

  static String checkTable(Map<String, Long> checks) {
    StringBuilder table = new StringBuilder("| check (must be 0) | count |\n|---|---:|\n");
    checks.forEach((name, value) -> table.append(String.format("| %s | %,d |%n", name, value)));
    return table.toString();
  }

  /** A fresh directory for a run's nodes (their logs stay there), beside the reports. */
  static Path directory(String run) throws IOException {
    Path directory = Path.of(System.getProperty("reliability.report.dir", "target/reliability"), run);
    if (Files.exists(directory)) {
      try (var files = Files.walk(directory)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
    return Files.createDirectories(directory);
  }

  /** A node's first requests (a cold JVM compiles and fills its caches), before any is measured. */
  static void warmUp(AppNode node) {
    for (int i = 0; i < 5; i++) {
      node.as("lab.lorenteggio").within(java.time.Duration.ofSeconds(60)).get("/api/tasks");
      node.as("auditor").within(java.time.Duration.ofSeconds(60)).get("/api/projects");
    }
  }

  /** Prints the report and writes it under {@code target/reliability/}. */
  static void report(String name, String text) {
    System.out.println(text);
    Path file = Path.of(System.getProperty("reliability.report.dir", "target/reliability"), name + ".md");
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> lines(String... lines) {
    return new ArrayList<>(List.of(lines));
  }
}
