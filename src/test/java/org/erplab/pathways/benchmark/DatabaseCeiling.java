package org.erplab.pathways.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.erplab.pathways.support.EmbeddedPostgresInitializer;

/**
 * The database's own commit ceiling, on the same embedded PostgreSQL server as the benchmark's engines, in a database
 * of its own ({@value #DATABASE}): transactions per second of pgbench's TPC-B-like transaction (update an account,
 * read its balance, update a teller and a branch, insert a history row, commit) at a number of concurrent clients.
 * With {@code pgbench} on the machine ({@code -Dbenchmark.pgbench=/usr/bin/pgbench}, the default; the PostgreSQL 15
 * client works with the embedded 14 server) it runs pgbench itself ({@code pgbench -i -s scale}, then
 * {@code pgbench -c N -j N -T seconds} and its {@code tps}); without it, the same transaction in a JDBC loop, one
 * connection per client thread. The scale is the largest number of clients, so that clients do not queue on one
 * branch row (pgbench's advice).
 */
final class DatabaseCeiling {

  static final String DATABASE = "ceiling";
  private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

  private final int scale;
  private final int seconds;
  private final Path pgbench;

  private DatabaseCeiling(int scale, int seconds, Path pgbench) {
    this.scale = scale;
    this.seconds = seconds;
    this.pgbench = pgbench;
  }

  /** Creates the database and its tables (pgbench's, by pgbench if it can). */
  static DatabaseCeiling prepare(int scale, int seconds) {
    Path pgbench = Path.of(System.getProperty("benchmark.pgbench", "/usr/bin/pgbench"));
    DatabaseCeiling ceiling = new DatabaseCeiling(scale, seconds, Files.isExecutable(pgbench) ? pgbench : null);
    BareEngine.recreate(DATABASE);
    if (ceiling.pgbench != null) {
      ceiling.pgbench("-i", "-q", "-s", String.valueOf(scale), DATABASE);
    } else {
      ceiling.createTables();
    }
    // no autovacuum of these tables during the engines' runs that follow (pgbench vacuums what it needs before each
    // run): the server's CPU measured for them is theirs
    try (Connection c = DriverManager.getConnection(ceiling.url(), "postgres", "postgres");
        Statement s = c.createStatement()) {
      for (String table : List.of("pgbench_accounts", "pgbench_branches", "pgbench_tellers", "pgbench_history")) {
        s.execute("alter table " + table + " set (autovacuum_enabled = false)");
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return ceiling;
  }

  /** What measures the ceiling, for the report. */
  String method() {
    return pgbench != null
        ? String.format("`%s -c N -j N -T %d` (TPC-B-like, scale %d), database `%s` of the same server", pgbench,
            seconds, scale, DATABASE)
        : String.format("a JDBC loop of pgbench's TPC-B-like transaction, one connection per client, %d s (scale %d), "
            + "database `%s` of the same server (no pgbench found)", seconds, scale, DATABASE);
  }

  /**
   * Transactions per second at this many concurrent clients; then a checkpoint, so that the pages it dirtied are not
   * written back during what is measured next.
   */
  double transactionsPerSecond(int clients) {
    double tps = measure(clients);
    try (Connection c = EmbeddedPostgresInitializer.postgres().getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("checkpoint");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return tps;
  }

  private double measure(int clients) {
    if (pgbench != null) {
      String out = pgbench("-c", String.valueOf(clients), "-j", String.valueOf(clients), "-T",
          String.valueOf(seconds), DATABASE);
      Matcher tps = TPS.matcher(out);
      if (!tps.find()) {
        throw new IllegalStateException("No tps in pgbench's output:\n" + out);
      }
      return Double.parseDouble(tps.group(1));
    }
    return jdbcLoop(clients);
  }

  /** The server's version and the settings that bound a commit. */
  static String serverSettings() {
    try (Connection c = EmbeddedPostgresInitializer.postgres().getPostgresDatabase().getConnection();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("select current_setting('server_version'), current_setting('fsync'), "
            + "current_setting('synchronous_commit'), current_setting('shared_buffers')")) {
      r.next();
      return String.format("PostgreSQL %s, fsync %s, synchronous_commit %s, shared_buffers %s", r.getString(1),
          r.getString(2), r.getString(3), r.getString(4));
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private String pgbench(String... args) {
    List<String> command = new ArrayList<>(List.of(pgbench.toString(), "-h", "localhost", "-p",
        String.valueOf(EmbeddedPostgresInitializer.postgres().getPort()), "-U", "postgres"));
    command.addAll(List.of(args));
    try {
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
      builder.environment().put("PGPASSWORD", "postgres");
      Process process = builder.start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(seconds + 600L, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException("pgbench failed: " + command + "\n" + out);
      }
      return out;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  // ---- without pgbench

  private String url() {
    return EmbeddedPostgresInitializer.postgres().getJdbcUrl("postgres", DATABASE);
  }

  private void createTables() {
    try (Connection c = DriverManager.getConnection(url(), "postgres", "postgres");
        Statement s = c.createStatement()) {
      s.execute("create table pgbench_branches (bid int primary key, bbalance int, filler char(88)) "
          + "with (fillfactor = 100)");
      s.execute("create table pgbench_tellers (tid int primary key, bid int, tbalance int, filler char(84)) "
          + "with (fillfactor = 100)");
      s.execute("create table pgbench_accounts (aid int primary key, bid int, abalance int, filler char(84)) "
          + "with (fillfactor = 100)");
      s.execute("create table pgbench_history (tid int, bid int, aid int, delta int, mtime timestamp, "
          + "filler char(22))");
      s.execute("insert into pgbench_branches select b, 0 from generate_series(1, " + scale + ") b");
      s.execute("insert into pgbench_tellers select t, (t - 1) / 10 + 1, 0 from generate_series(1, " + scale * 10
          + ") t");
      s.execute("insert into pgbench_accounts select a, (a - 1) / 100000 + 1, 0, '' from generate_series(1, "
          + scale * 100_000 + ") a");
      s.execute("vacuum analyze");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private double jdbcLoop(int clients) {
    long until = System.nanoTime() + seconds * 1_000_000_000L;
    List<Thread> threads = new ArrayList<>();
    long[] done = new long[clients];
    long start = System.nanoTime();
    for (int i = 0; i < clients; i++) {
      int client = i;
      Thread thread = new Thread(() -> done[client] = transactionsUntil(until), "ceiling-" + i);
      threads.add(thread);
      thread.start();
    }
    try {
      for (Thread thread : threads) {
        thread.join();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    long total = 0;
    for (long n : done) {
      total += n;
    }
    return total / elapsed;
  }

  /** pgbench's built-in "tpcb-like" script, in a loop on one connection. */
  private long transactionsUntil(long until) {
    try (Connection c = DriverManager.getConnection(url(), "postgres", "postgres");
        PreparedStatement account = c.prepareStatement(
            "update pgbench_accounts set abalance = abalance + ? where aid = ?");
        PreparedStatement balance = c.prepareStatement("select abalance from pgbench_accounts where aid = ?");
        PreparedStatement teller = c.prepareStatement(
            "update pgbench_tellers set tbalance = tbalance + ? where tid = ?");
        PreparedStatement branch = c.prepareStatement(
            "update pgbench_branches set bbalance = bbalance + ? where bid = ?");
        PreparedStatement history = c.prepareStatement("insert into pgbench_history (tid, bid, aid, delta, mtime) "
            + "values (?, ?, ?, ?, current_timestamp)")) {
      c.setAutoCommit(false);
      ThreadLocalRandom random = ThreadLocalRandom.current();
      long n = 0;
      while (System.nanoTime() < until) {
        int aid = random.nextInt(1, scale * 100_000 + 1);
        int tid = random.nextInt(1, scale * 10 + 1);
        int bid = random.nextInt(1, scale + 1);
        int delta = random.nextInt(-5000, 5001);
        account.setInt(1, delta);
        account.setInt(2, aid);
        account.executeUpdate();
        balance.setInt(1, aid);
        try (ResultSet r = balance.executeQuery()) {
          r.next();
        }
        teller.setInt(1, delta);
        teller.setInt(2, tid);
        teller.executeUpdate();
        branch.setInt(1, delta);
        branch.setInt(2, bid);
        branch.executeUpdate();
        history.setInt(1, tid);
        history.setInt(2, bid);
        history.setInt(3, aid);
        history.setInt(4, delta);
        history.executeUpdate();
        c.commit();
        n++;
      }
      return n;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
