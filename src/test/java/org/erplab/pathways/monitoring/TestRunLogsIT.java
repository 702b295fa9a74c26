package org.erplab.pathways.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.erplab.pathways.support.TestPeople;
import org.erplab.pathways.support.TestRunLog;
import org.junit.jupiter.api.Test;

/**
 * No personal data in any log line of the test run (issue 11): after surefire, every line its JVM logged
 * ({@link TestRunLog}, {@code target/test-logs/surefire-<pid>.log}) is searched for what the test persons are made of:
 * a string shaped like an Italian fiscal code, the names of {@link TestPeople} and of the other fixtures, their phone
 * and e-mail. It cannot pass on nothing: once surefire has run (its reports are there), a missing, empty, unfinished or
 * stale log fails; and each pattern is first shown to find a made-up person's data.
 */
class TestRunLogsIT {

  /** The kinds of personal data looked for, each a pattern (the fixtures' spellings, see TestPeople and the tests). */
  static final Map<String, Pattern> KINDS = Map.of(
      "fiscal code", Pattern.compile("(?<![A-Z0-9])"
          + "[A-Z]{6}[0-9LMNPQRSTUV]{2}[A-EHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]"
          + "(?![A-Z0-9])"),
      "test person's name", TestPeople.NAME,
      "fixture's name", Pattern.compile("\\b(?:Ermenegilda|Cancellati|Altronome)"),
      "phone", Pattern.compile("333 ?1234567"),
      "e-mail", Pattern.compile("[A-Za-z0-9._%+-]+@example\\.org"));

  private static final int SHOWN = 40;

  @Test
  void shouldFindNoPersonalDataInAnyLineTheTestRunLogged() throws IOException {
    Path reports = Path.of(System.getProperty("surefire.reports.dir", "target/surefire-reports"));
    Path dir = Path.of(System.getProperty("surefire.test.logs.dir", "target/test-logs"));
    List<Path> reportFiles = files(reports, "TEST-", ".xml");
    assumeTrue(!reportFiles.isEmpty(), "surefire did not run: no log to check");

    List<Path> logs = files(dir, "surefire-", ".log");
    assertThat(logs).as("the test run's logs in %s (surefire ran: %s)", dir, reports).isNotEmpty();
    Instant lastReport = reportFiles.stream().map(TestRunLogsIT::modified).max(Instant::compareTo).orElseThrow();
    List<String> found = new ArrayList<>();
    long lines = 0;
    Instant lastClosed = Instant.MIN;
    for (Path log : logs) {
      List<String> text = Files.readAllLines(log, StandardCharsets.UTF_8);
      assertThat(text).as("%s", log).isNotEmpty();
      assertThat(text.get(0)).as("the first line of %s", log).startsWith(TestRunLog.OPENED);
      String closed = text.stream().filter(l -> l.startsWith(TestRunLog.CLOSED)).findFirst()
          .orElseThrow(() -> new AssertionError(log + " was not written to the end of its run"));
      lastClosed = max(lastClosed, Instant.parse(closed.substring(TestRunLog.CLOSED.length() + 1).trim()));
      for (int i = 0; i < text.size(); i++) {
        lines++;
        for (String kind : find(text.get(i))) {
          if (found.size() < SHOWN) {
            found.add(log.getFileName() + ":" + (i + 1) + " " + kind + ": " + text.get(i));
          }
        }
      }
    }
    // the run that wrote the reports wrote these logs too (not a log left by an earlier run)
    assertThat(lastClosed).as("the end of the logs, after the last surefire report").isAfterOrEqualTo(
        lastReport.minusSeconds(60));
    assertThat(lines).as("lines logged by the run").isGreaterThan(2 * logs.size());
    assertThat(found).as("log lines with personal data of the test persons (%d lines read)", lines).isEmpty();
  }

  /** Each pattern finds what it is for, and the log's ordinary lines pass (a control of the search itself). */
  @Test
  void shouldFindEachKindOfPersonalDataInALine() {
    TestPeople.Person person = TestPeople.aged(40, "F");
    assertThat(find("INFO [req-1] Registered " + person.fiscalCode() + ".")).containsExactly("fiscal code");
    assertThat(find("WARN user=" + person.firstName())).containsExactly("test person's name");
    assertThat(find("ERROR " + person.lastName() + ": duplicate")).containsExactly("test person's name");
    assertThat(find("phone +39 333 1234567")).containsExactly("phone");
    assertThat(find("to persona@example.org")).containsExactly("e-mail");
    assertThat(find("Ermenegilda7 asked")).containsExactly("fixture's name");
    assertThat(find("2026-12-03T13:00:00.000Z  INFO [3f2c1a9e-0b7d-4c1e-9a55-1d2e3f4a5b6c] [main] "
        + "o.e.p.security.AuthorizationSetup : Removed 2 authorization rows"))
        .isEmpty();
  }

  private static List<String> find(String line) {
    List<String> kinds = new ArrayList<>();
    KINDS.forEach((kind, pattern) -> {
      Matcher matcher = pattern.matcher(line);
      if (matcher.find()) {
        kinds.add(kind);
      }
    });
    return kinds;
  }

  private static List<Path> files(Path dir, String prefix, String suffix) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().startsWith(prefix)
          && p.getFileName().toString().endsWith(suffix)).sorted().toList();
    }
  }

  private static Instant modified(Path file) {
    try {
      return Files.getLastModifiedTime(file).toInstant();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
