package org.erplab.pathways.monitoring.process;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.metrics.MetricsRegistry;
import org.camunda.bpm.engine.management.Metrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The job executor's counters of this node on {@code /actuator/prometheus} (issue 11), monotonic from the node's
 * start: jobs acquired, acquisition attempts, jobs lost to another node while being acquired, jobs the executor's
 * queue rejected, and executions that succeeded or failed.
 *
 * <p>The engine counts these in its {@link MetricsRegistry}, but its database reporter takes and clears the counts
 * every 15 minutes (into {@code ACT_RU_METER_LOG}), so reading the registry gives no counter. The engine's registry is
 * ours instead: every occurrence the engine marks ({@code markOccurrence}, the one path of the job executor, of
 * {@code SuccessfulJobListener} and of {@code FailedJobListener}) is also added to a counter that is never cleared;
 * the engine's own meters and its reporter work as before. Nothing counts while the engine's metrics are off
 * ({@code camunda.bpm.metrics.enabled: false}).
 */
@Component
public class JobExecutorCounters extends AbstractProcessEnginePlugin implements MeterBinder {

  private static final Logger LOG = LoggerFactory.getLogger(JobExecutorCounters.class);

  /** Each counted engine meter, as a Prometheus counter (name, tags, help). */
  record Counted(String engineMeter, String name, String result, String description) {}

  static final List<Counted> COUNTED = List.of(
      new Counted(Metrics.JOB_ACQUISITION_ATTEMPT, "camunda.jobs.acquisition.attempts", null,
          "Acquisition cycles of this node's job executor"),
      new Counted(Metrics.JOB_ACQUIRED_SUCCESS, "camunda.jobs.acquired", null,
          "Jobs this node's job executor acquired (locked) to run"),
      new Counted(Metrics.JOB_ACQUIRED_FAILURE, "camunda.jobs.acquisition.conflicts", null,
          "Jobs this node tried to acquire and another node locked first"),
      new Counted(Metrics.JOB_EXECUTION_REJECTED, "camunda.jobs.rejected", null,
          "Acquired jobs this node's executor queue had no room for (run later)"),
      new Counted(Metrics.JOB_SUCCESSFUL, "camunda.jobs.executions", "success",
          "Job executions on this node, by result"),
      new Counted(Metrics.JOB_FAILED, "camunda.jobs.executions", "failure",
          "Job executions on this node, by result"));

  private final Map<String, LongAdder> counts = COUNTED.stream()
      .collect(Collectors.toUnmodifiableMap(Counted::engineMeter, c -> new LongAdder()));

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getMetricsRegistry() != null) {
      LOG.warn("The engine has a metrics registry already: the job executor's counters stay at 0");
      return;
    }
    configuration.setMetricsRegistry(new CountingRegistry(counts));
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (Counted counted : COUNTED) {
      FunctionCounter.Builder<LongAdder> counter = FunctionCounter
          .builder(counted.name(), counts.get(counted.engineMeter()), LongAdder::sum)
          .description(counted.description());
      if (counted.result() != null) {
        counter.tag("result", counted.result());
      }
      counter.register(registry);
    }
  }

  /** The engine's registry, counting the meters above also into counters that are never cleared. */
  static final class CountingRegistry extends MetricsRegistry {

    private final Map<String, LongAdder> counts;

    CountingRegistry(Map<String, LongAdder> counts) {
      this.counts = counts;
    }

    @Override
    public void markOccurrence(String name, long times) {
      super.markOccurrence(name, times);
      LongAdder count = counts.get(name);
      if (count != null) {
        count.add(times);
      }
    }
  }

  /** This node's count of an engine meter (of {@link #COUNTED}), for tests and diagnostics. */
  public long count(String engineMeter) {
    return counts.get(engineMeter).sum();
  }
}
