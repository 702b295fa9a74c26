package org.erplab.pathways.support;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * The application's log as it would be written in production (root at INFO, whatever the test profile says), kept in
 * memory while a test runs: every line with its stack trace, to check that nothing a caller sent reaches a log and
 * that a caller's mistake is not logged as an error.
 */
public final class LogCapture implements AutoCloseable {

  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  private final Level previousLevel;

  private LogCapture() {
    previousLevel = root.getLevel();
    root.setLevel(Level.INFO);
    appender.setContext(root.getLoggerContext());
    appender.start();
    root.addAppender(appender);
  }

  /** Starts capturing; {@link #close()} stops and restores the root level. */
  public static LogCapture start() {
    return new LogCapture();
  }

  public void clear() {
    synchronized (appender.list) {
      appender.list.clear();
    }
  }

  /** Every captured line: level, logger, message, and each exception of its stack (class, message, frames). */
  public List<Line> lines() {
    List<ILoggingEvent> events;
    synchronized (appender.list) {
      events = new ArrayList<>(appender.list);
    }
    return events.stream().map(Line::of).toList();
  }

  @Override
  public void close() {
    root.detachAppender(appender);
    appender.stop();
    root.setLevel(previousLevel);
  }

  /** One log line as it would be written, with its stack trace. */
  /** {@code requestId}: the id of the request the line was written for (its MDC), or null. */
  public record Line(Level level, String logger, String text, boolean hasStackTrace, String requestId) {

    static Line of(ILoggingEvent event) {
      StringBuilder text = new StringBuilder(event.getFormattedMessage() == null ? "" : event.getFormattedMessage());
      for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
        text.append("\n").append(t.getClassName()).append(": ").append(t.getMessage());
        for (StackTraceElementProxy frame : t.getStackTraceElementProxyArray()) {
          text.append("\n\tat ").append(frame.getStackTraceElement());
        }
        if (t.getCause() == t) {
          break;
        }
      }
      return new Line(event.getLevel(), event.getLoggerName(), text.toString(), event.getThrowableProxy() != null,
          event.getMDCPropertyMap().get("requestId"));
    }

    @Override
    public String toString() {
      String shown = text.length() > 400 ? text.substring(0, 400) + "..." : text;
      return level + " " + logger + " " + shown;
    }
  }
}
