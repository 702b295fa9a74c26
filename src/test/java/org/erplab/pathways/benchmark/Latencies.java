package org.erplab.pathways.benchmark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.erplab.pathways.support.ApiClient;

/**
 * Latencies of one door for one user, per number of open pathways, and the verdict of the goal: the p95 at the
 * largest size under {@link #GOAL_P95_MS} and at most {@link #GOAL_RATIO} times the p95 at the smallest.
 */
final class Latencies {

  static final double GOAL_P95_MS = 200;
  static final double GOAL_RATIO = 2;

  /** Latencies (nearest-rank percentiles) of one series of requests and what each cost in the database. */
  record Sample(int requests, double p50Ms, double p95Ms, long items, double statementsPerRequest,
      double transactionsPerRequest) {

    static Sample of(List<Long> nanos, long items, DatabaseCounters.Snapshot used) {
      List<Long> sorted = new ArrayList<>(nanos);
      sorted.sort(null);
      int n = sorted.size();
      return new Sample(n, percentile(sorted, 50), percentile(sorted, 95), items, (double) used.statements() / n,
          (double) used.transactions() / n);
    }

    /**
     * Sends {@code request} {@code warmUp + requests} times and keeps the time of the last {@code requests} (at the
     * client) and the statements and transactions they ran; an answer that is not {@code expected} stops the run.
     */
    static Sample measure(int warmUp, int requests, long items, Supplier<ApiClient.Response> request,
        Predicate<ApiClient.Response> expected) {
      List<Long> nanos = new ArrayList<>();
      DatabaseCounters.Snapshot before = null;
      for (int i = 0; i < warmUp + requests; i++) {
        if (i == warmUp) {
          before = DatabaseCounters.snapshot();
        }
        long start = System.nanoTime();
        ApiClient.Response response = request.get();
        long took = System.nanoTime() - start;
        if (!expected.test(response)) {
          throw new IllegalStateException("Unexpected answer: " + response.status() + " " + response.json());
        }
        if (i >= warmUp) {
          nanos.add(took);
        }
      }
      DatabaseCounters.Snapshot after = DatabaseCounters.snapshot();
      return of(nanos, items, new DatabaseCounters.Snapshot(after.statements() - before.statements(),
          after.transactions() - before.transactions()));
    }

    private static double percentile(List<Long> sorted, int p) {
      int rank = (int) Math.ceil(p / 100.0 * sorted.size());
      return sorted.get(Math.max(0, rank - 1)) / 1e6;
    }
  }

  record Row(String door, String user, Map<Integer, Sample> bySize) {

    Sample first() {
      return bySize.values().iterator().next();
    }

    Sample last() {
      Sample last = null;
      for (Sample sample : bySize.values()) {
        last = sample;
      }
      return last;
    }

    double ratio() {
      return last().p95Ms() / first().p95Ms();
    }

    boolean passes() {
      return last().p95Ms() < GOAL_P95_MS && ratio() < GOAL_RATIO;
    }
  }

  private final Map<String, Row> rows = new LinkedHashMap<>();
  private final List<Integer> sizes = new ArrayList<>();

  void add(String door, String user, int size, Sample sample) {
    if (!sizes.contains(size)) {
      sizes.add(size);
    }
    rows.computeIfAbsent(door + "|" + user, k -> new Row(door, user, new LinkedHashMap<>())).bySize().put(size, sample);
  }

  /** The table: door × user × size → p50, p95 (ms), items on the page (or the count), the ratio and the verdict. */
  String table() {
    StringBuilder out = new StringBuilder();
    out.append("| door | user |");
    for (int size : sizes) {
      out.append(String.format(" p50 @%,d | p95 @%,d | items @%,d | stmts/tx per req @%,d |", size, size, size, size));
    }
    out.append(" p95 ratio | verdict |\n|---|---|");
    out.append("---:|".repeat(sizes.size() * 4)).append("---:|---|\n");
    for (Row row : rows.values()) {
      out.append("| ").append(row.door()).append(" | ").append(row.user()).append(" |");
      for (int size : sizes) {
        Sample s = row.bySize().get(size);
        if (s == null) {
          out.append(" - | - | - | - |");
        } else {
          out.append(String.format(" %.1f | %.1f | %,d | %.1f / %.1f |", s.p50Ms(), s.p95Ms(), s.items(),
              s.statementsPerRequest(), s.transactionsPerRequest()));
        }
      }
      boolean complete = row.bySize().size() == sizes.size() && sizes.size() > 1;
      out.append(complete ? String.format(" %.2f | %s |", row.ratio(), row.passes() ? "PASS" : "FAIL") : " - | - |");
      out.append('\n');
    }
    return out.toString();
  }
}
