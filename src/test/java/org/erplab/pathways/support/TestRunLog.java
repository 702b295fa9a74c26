package org.erplab.pathways.support;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.slf4j.LoggerFactory;

/**
 * Keeps every log line of the test JVM in a file, for {@code TestRunLogsIT} to search for personal data after the
 * run: {@code <test.logs.dir>/surefire-<pid>.log} (surefire sets {@code test.logs.dir}; without it nothing happens).
 * Until Spring Boot sets up logging (the first Spring test) a file appender of logback's own configuration writes it;
 * from then on Spring Boot's file appender ({@code logging.file.name}, set here), with the console's levels. The
 * console is left as it is. The file opens and closes with a marker line, so the check can tell a run that wrote its
 * log to the end from a missing, stale or cut one. Registered in {@code META-INF/services}.
 */
public class TestRunLog implements LauncherSessionListener {

  public static final String DIR_PROPERTY = "test.logs.dir";
  public static final String OPENED = "test-run-log opened";
  public static final String CLOSED = "test-run-log closed";

  private Path file;

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    String dir = System.getProperty(DIR_PROPERTY);
    if (dir == null || dir.isBlank() || file != null) {
      return;
    }
    try {
      Path folder = Files.createDirectories(Path.of(dir));
      // the logs of earlier runs go: a file older than this JVM is not of this run
      long started = ManagementFactory.getRuntimeMXBean().getStartTime();
      try (Stream<Path> old = Files.list(folder)) {
        for (Path log : old.filter(p -> p.toString().endsWith(".log")).toList()) {
          if (Files.getLastModifiedTime(log).toMillis() < started) {
            Files.delete(log);
          }
        }
      }
      file = folder.resolve("surefire-" + ProcessHandle.current().pid() + ".log");
      mark(OPENED);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    System.setProperty("logging.file.name", file.toString());
    // one file for the whole run, however long (Spring Boot would roll it over at 10 MB into .gz archives)
    System.setProperty("logging.logback.rollingpolicy.max-file-size", "100GB");
    LoggerContext logback = (LoggerContext) LoggerFactory.getILoggerFactory();
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(logback);
    encoder.setPattern("%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %5p [%X{requestId:--}] [%t] %logger : %m%n");
    encoder.setCharset(StandardCharsets.UTF_8);
    encoder.start();
    FileAppender<ILoggingEvent> appender = new FileAppender<>();
    appender.setName("TEST_RUN_LOG");
    appender.setContext(logback);
    appender.setEncoder(encoder);
    appender.setAppend(true);
    appender.setFile(file.toString());
    appender.start();
    logback.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(appender);
  }

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    if (file != null) {
      try {
        mark(CLOSED);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private void mark(String what) throws IOException {
    Files.writeString(file, what + " " + Instant.now() + System.lineSeparator(), StandardCharsets.UTF_8,
        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }
}
