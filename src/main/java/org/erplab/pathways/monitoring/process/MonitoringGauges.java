package org.erplab.pathways.monitoring.process;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.ManagementService;
import org.erplab.pathways.common.domain.EngineClock;
import org.erplab.pathways.monitoring.infrastructure.MonitoringQueries;
import org.erplab.pathways.security.LoginThrottle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The programme's and the job executor's gauges on {@code /actuator/prometheus} (issue 11): open pathways by stage
 * ({@code pathways_open{stage}}), overdue deadlines ({@code deadlines_overdue}), jobs due and waiting for the job
 * executor ({@code camunda_jobs_backlog}), jobs out of retries ({@code camunda_jobs_failed}), throttled logins now
 * ({@code login_throttles_blocked}). The database is read every {@code monitoring.refresh} by one scheduled task, never
 * by a scrape, so scrapes cost nothing and a slow database does not slow them.
 */
@Component
public class MonitoringGauges {

  private static final Logger LOG = LoggerFactory.getLogger(MonitoringGauges.class);

  private final MonitoringQueries queries;
  private final ManagementService managementService;
  private final MultiGauge openPathways;
  private final AtomicLong overdue = new AtomicLong();
  private final AtomicLong backlog = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();

  public MonitoringGauges(MonitoringQueries queries, ManagementService managementService, MeterRegistry registry,
      LoginThrottle throttle) {
    this.queries = queries;
    this.managementService = managementService;
    this.openPathways = MultiGauge.builder("pathways.open").description("Open pathways by stage")
        .register(registry);
    Gauge.builder("deadlines.overdue", overdue, AtomicLong::get).description("Open deadlines past their due moment")
        .register(registry);
    Gauge.builder("camunda.jobs.backlog", backlog, AtomicLong::get)
        .description("Jobs due, with retries left, waiting for the job executor").register(registry);
    Gauge.builder("camunda.jobs.failed", failed, AtomicLong::get)
        .description("Jobs with no retries left (an incident each)").register(registry);
    Gauge.builder("login.throttles.blocked", throttle, LoginThrottle::blockedNow)
        .description("Throttles that make a user at an address, or an address, wait now").register(registry);
  }

  /** Reads the counts again (the scheduled task; tests call it to see a change at once). */
  @Scheduled(fixedDelayString = "${monitoring.refresh:PT30S}", initialDelayString = "PT5S")
  public void refresh() {
    try {
      Map<String, Long> stages = queries.openPathwaysByStage();
      openPathways.register(stages.entrySet().stream()
          .map(e -> MultiGauge.Row.of(Tags.of("stage", e.getKey()), e.getValue()))
          .toList(), true);
      overdue.set(queries.overdueDeadlines(EngineClock.now()));
      backlog.set(managementService.createJobQuery().executable().count());
      failed.set(managementService.createJobQuery().noRetriesLeft().count());
    } catch (RuntimeException e) {
      // keep the last values: a scrape during an outage shows them, the health endpoint says DOWN
      LOG.warn("Monitoring gauges not refreshed: {}", e.getClass().getSimpleName());
    }
  }
}
