package org.erplab.pathways.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.delegate.DefaultDelegateInterceptor;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.interceptor.DelegateInterceptor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Where a process engine's time goes, measured from inside it (a process engine plugin of the benchmarks only:
 * {@link Config} registers it in the application's context, {@link BareEngine} adds it to bare Camunda's):
 * <ul>
 *   <li>commands: the wall time of every outermost engine command, from the first of the engine's command
 *       interceptors ({@code customPreCommandInterceptorsTxRequired} and {@code ...TxRequiresNew}): the transaction the
 *       engine opens, the command, its flush and its commit, and everything the engine calls meanwhile (a transaction
 *       our code opened before the command, as {@code Worklist.complete} does, commits after it). A command run inside
 *       another (a listener calling a service) is not counted twice;
 *   <li>call-outs: the wall time of the code the engine calls out to, while it runs a command: every invocation that
 *       passes the engine's {@link DelegateInterceptor} (delegates, task listeners, expressions of the models, such as
 *       {@code ${pathwayLifecycle.stage(...)}}) and every call of the history event handler (the engine's own, which
 *       only queues the history rows, wrapped in the application by the audit record's). The built-in execution
 *       listeners that plugins add to the models are not invoked through the interceptor: their time counts as the
 *       engine's. Nested call-outs count once.
 * </ul>
 * The counters are global (both engines of a run add to them: read them around one side's work); {@link #place()}
 * tells {@link DatabaseCounters} whether a statement runs outside any command, in a command, or in a call-out.
 */
final class EngineTimings {

  static final int OUTSIDE = 0;
  static final int IN_COMMAND = 1;
  static final int IN_CALL_OUT = 2;

  private static final AtomicLong COMMANDS = new AtomicLong();
  private static final AtomicLong COMMAND_NANOS = new AtomicLong();
  private static final AtomicLong CALL_OUTS = new AtomicLong();
  private static final AtomicLong CALL_OUT_NANOS = new AtomicLong();

  /** Per thread: depth of engine commands, depth of call-outs. */
  private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[2]);

  private EngineTimings() {}

  /** Where the current thread is: {@link #OUTSIDE}, {@link #IN_COMMAND} or {@link #IN_CALL_OUT}. */
  static int place() {
    int[] depth = DEPTH.get();
    return depth[1] > 0 ? IN_CALL_OUT : depth[0] > 0 ? IN_COMMAND : OUTSIDE;
  }

  static Snapshot snapshot() {
    return new Snapshot(COMMANDS.get(), COMMAND_NANOS.get(), CALL_OUTS.get(), CALL_OUT_NANOS.get());
  }

  record Snapshot(long commands, long commandNanos, long callOuts, long callOutNanos) {

    Snapshot since(Snapshot before) {
      return new Snapshot(commands - before.commands, commandNanos - before.commandNanos,
          callOuts - before.callOuts, callOutNanos - before.callOutNanos);
    }
  }

  /** The plugin, for an engine built by hand ({@link BareEngine}). */
  static AbstractProcessEnginePlugin plugin() {
    return new Plugin();
  }

  /** Registers the plugin in the application's context (the Spring Boot starter adds every plugin bean). */
  @TestConfiguration(proxyBeanMethods = false)
  static class Config {

    @Bean
    static AbstractProcessEnginePlugin engineTimingsPlugin() {
      return plugin();
    }
  }

  private static final class Plugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
      List<CommandInterceptor> required = new ArrayList<>();
      required.add(new Timing());
      if (configuration.getCustomPreCommandInterceptorsTxRequired() != null) {
        required.addAll(configuration.getCustomPreCommandInterceptorsTxRequired());
      }
      configuration.setCustomPreCommandInterceptorsTxRequired(required);
      List<CommandInterceptor> requiresNew = new ArrayList<>();
      requiresNew.add(new Timing());
      if (configuration.getCustomPreCommandInterceptorsTxRequiresNew() != null) {
        requiresNew.addAll(configuration.getCustomPreCommandInterceptorsTxRequiresNew());
      }
      configuration.setCustomPreCommandInterceptorsTxRequiresNew(requiresNew);
      DelegateInterceptor delegates = configuration.getDelegateInterceptor() != null
          ? configuration.getDelegateInterceptor() : new DefaultDelegateInterceptor();
      configuration.setDelegateInterceptor(invocation -> callOut(() -> delegates.handleInvocation(invocation)));
    }

    /** After every plugin's postInit (the audit record wraps the history handler there): wrap what is left. */
    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
      ProcessEngineConfigurationImpl configuration = ((ProcessEngineImpl) engine).getProcessEngineConfiguration();
      HistoryEventHandler handler = configuration.getHistoryEventHandler();
      configuration.setHistoryEventHandler(new HistoryEventHandler() {
        @Override
        public void handleEvent(HistoryEvent event) {
          callOutUnchecked(() -> handler.handleEvent(event));
        }

        @Override
        public void handleEvents(List<HistoryEvent> events) {
          callOutUnchecked(() -> handler.handleEvents(events));
        }
      });
    }
  }

  /** Times outermost commands. */
  private static final class Timing extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
      int[] depth = DEPTH.get();
      if (depth[0]++ > 0) {
        try {
          return next.execute(command);
        } finally {
          depth[0]--;
        }
      }
      long start = System.nanoTime();
      try {
        return next.execute(command);
      } finally {
        COMMAND_NANOS.addAndGet(System.nanoTime() - start);
        COMMANDS.incrementAndGet();
        depth[0]--;
      }
    }
  }

  interface Work {
    void run() throws Exception;
  }

  private static void callOut(Work work) throws Exception {
    int[] depth = DEPTH.get();
    if (depth[1]++ > 0) {
      try {
        work.run();
        return;
      } finally {
        depth[1]--;
      }
    }
    long start = System.nanoTime();
    try {
      work.run();
    } finally {
      CALL_OUT_NANOS.addAndGet(System.nanoTime() - start);
      CALL_OUTS.incrementAndGet();
      depth[1]--;
    }
  }

  private static void callOutUnchecked(Runnable work) {
    try {
      callOut(work::run);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
