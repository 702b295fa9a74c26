package org.erplab.pathways.demo.process;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.erplab.pathways.common.domain.EngineClock;
import org.erplab.pathways.security.EngineAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * A trainer's clock (property {@code demo.clock.enabled}, profile {@code demo} only): moves the engine's clock, which
 * keeps ticking from the chosen moment, and fires the timers that are due by then, so that a demo shows deadlines
 * passing without waiting for them. The clock is this JVM's: on several nodes each has its own.
 */
@Component
@ConditionalOnProperty(name = "demo.clock.enabled", havingValue = "true")
public class DemoClock {

  private static final Logger LOG = LoggerFactory.getLogger(DemoClock.class);
  /** A clock within this of the system's counts as not moved. */
  private static final long TOLERANCE_MILLIS = 1_000;
  /** Rounds of firing: a fired timer may start a step whose own timer is already due. */
  private static final int MAX_ROUNDS = 10;

  private final ManagementService managementService;
  private final EngineAccess engine;

  public DemoClock(ManagementService managementService, EngineAccess engine) {
    this.managementService = managementService;
    this.engine = engine;
  }

  public record State(OffsetDateTime now, boolean moved) {}

  public State state() {
    return new State(EngineClock.now(),
        Math.abs(ClockUtil.getCurrentTime().getTime() - System.currentTimeMillis()) > TOLERANCE_MILLIS);
  }

  /** Sets the engine's clock to {@code now} (it goes on ticking from there); returns how many timers fired. */
  public int moveTo(OffsetDateTime now, String userId) {
    Instant target = now.toInstant();
    ClockUtil.offset(target.toEpochMilli() - System.currentTimeMillis());
    LOG.info("Demo clock moved to {} by {}", EngineClock.now(), userId);
    return fireDueTimers();
  }

  public void reset(String userId) {
    ClockUtil.reset();
    LOG.info("Demo clock reset by {}", userId);
  }

  /**
   * Executes the timers due by the engine's clock now, as the job executor would (if it runs, it may take some of
   * them first: those are skipped). A timer that fails keeps its retries and the error, as with the job executor.
   */
  int fireDueTimers() {
    return engine.asSystem(() -> {
      int fired = 0;
      for (int round = 0; round < MAX_ROUNDS; round++) {
        List<Job> due = managementService.createJobQuery().timers().executable().active().list();
        int firedThisRound = 0;
        for (Job job : due) {
          try {
            managementService.executeJob(job.getId());
            firedThisRound++;
          } catch (RuntimeException e) {
            // taken by the job executor meanwhile, or failed: the engine records it as for any job
            LOG.warn("Demo clock: timer {} not fired here: {}", job.getId(), e.getClass().getSimpleName());
          }
        }
        fired += firedThisRound;
        if (firedThisRound == 0) {
          break;
        }
      }
      return fired;
    });
  }
}
