package org.erplab.pathways.security.process;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The only way to start a process: our own code asks for a permit naming the process and the project, and starts it
 * inside. Without a permit the engine refuses every start (engine REST, Tasklist, Cockpit, the Java API), admins
 * included; a called process is started by its caller and needs none. The project of the permit, not any variable, is
 * the tenant of the new instance.
 */
public final class ProcessStarts {

  private static final ThreadLocal<Permit> CURRENT = new ThreadLocal<>();

  private ProcessStarts() {}

  /** Runs {@code start} with a permit to start one instance of {@code processKey} in {@code projectCode}. */
  public static <T> T permit(String processKey, String projectCode, Supplier<T> start) {
    Permit previous = CURRENT.get();
    CURRENT.set(new Permit(Objects.requireNonNull(processKey), Objects.requireNonNull(projectCode)));
    try {
      return start.get();
    } finally {
      if (previous == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(previous);
      }
    }
  }

  static Optional<Permit> current() {
    return Optional.ofNullable(CURRENT.get());
  }

  /** The project of the start in progress on this thread, if one was permitted for that process. */
  public static Optional<String> projectOf(String processKey) {
    return current().filter(p -> p.processKey().equals(processKey)).map(Permit::projectCode);
  }

  record Permit(String processKey, String projectCode) {}
}
