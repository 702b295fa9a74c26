package org.erplab.pathways.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The packaged application (the jar failsafe gets as system property {@code app.jar}) running in a JVM of its own, as
 * the README's run command and the deployment run it: one node. Started without waiting, so that several nodes can
 * start at the same moment; {@link #awaitReady} waits for its readiness probe. {@link #kill} is {@code kill -9}.
 */
public final class AppNode implements AutoCloseable {

  private final String name;
  private final int port;
  private final Process process;
  private final Path log;

  private AppNode(String name, int port, Process process, Path log) {
    this.name = name;
    this.port = port;
    this.process = process;
    this.log = log;
  }

  /**
   * Starts the jar in {@code workingDirectory} on {@code port} with these environment variables and arguments (after
   * {@code --server.port}); its output goes to {@code <name>.log} there.
   */
  public static AppNode launch(String name, Path workingDirectory, int port, String heap,
      Map<String, String> environment, List<String> arguments) {
    String jar = System.getProperty("app.jar");
    if (jar == null) {
      throw new IllegalStateException("system property app.jar (set by failsafe and the benchmark profile) is missing");
    }
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx" + heap, "-jar", new File(jar).getAbsolutePath(), "--server.port=" + port));
    command.addAll(arguments);
    Path log = workingDirectory.resolve(name + ".log");
    ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(environment);
    try {
      return new AppNode(name, port, builder.start(), log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits until the readiness probe answers UP and {@code alsoReady} holds; fails with the node's log otherwise. */
  public AppNode awaitReady(Duration timeout, BooleanSupplier alsoReady) {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new AssertionError("Node " + name + " stopped:\n" + tail(200));
      }
      try {
        if (ApiClient.anonymous(port).get("/actuator/health/readiness").status() == 200 && alsoReady.getAsBoolean()) {
          return this;
        }
      } catch (RuntimeException notYet) {
        // not listening yet
      }
      sleep(500);
    }
    throw new AssertionError("Node " + name + " was not ready within " + timeout + ":\n" + tail(200));
  }

  public AppNode awaitReady(Duration timeout) {
    return awaitReady(timeout, () -> true);
  }

  public String name() {
    return name;
  }

  public int port() {
    return port;
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public ApiClient as(String user) {
    return ApiClient.as(port, user);
  }

  public ApiClient anonymous() {
    return ApiClient.anonymous(port);
  }

  public Path logFile() {
    return log;
  }

  /** The whole output of the node so far. */
  public String log() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Its last lines, for a failure message. */
  public String tail(int lines) {
    List<String> all = log().lines().toList();
    return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
  }

  /** Resident memory of the node's JVM in KiB, from {@code /proc} (Linux), or -1 where there is none. */
  public long residentKiB() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | RuntimeException gone) {
      // not Linux, or the process ended
    }
    return -1;
  }

  /** {@code kill -9}: no shutdown hook runs, locks and connections are left as they were. */
  public void kill() {
    process.destroyForcibly();
    waitForExit(Duration.ofSeconds(30));
  }

  /** A normal stop (SIGTERM: Spring closes the context, the job executor and the pool). */
  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroy();
      if (!waitForExit(Duration.ofSeconds(60))) {
        process.destroyForcibly();
        waitForExit(Duration.ofSeconds(30));
      }
    }
  }

  private boolean waitForExit(Duration timeout) {
    try {
      return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** A port nobody listens on now. */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
