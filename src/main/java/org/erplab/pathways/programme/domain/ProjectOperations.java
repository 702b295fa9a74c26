package org.erplab.pathways.programme.domain;

import jakarta.annotation.PreDestroy;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.erplab.pathways.common.api.ApiException;
import org.erplab.pathways.common.domain.EngineClock;
import org.erplab.pathways.pathway.domain.PathwayClocks;
import org.erplab.pathways.pathway.domain.PathwayExits;
import org.erplab.pathways.pathway.domain.SuspensionRecords;
import org.erplab.pathways.pathway.domain.SuspensionRecords.ReasonList;
import org.erplab.pathways.programme.domain.ProjectOperation.ItemState;
import org.erplab.pathways.programme.domain.ProjectOperation.Kind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Operations over every open pathway of a project: a project-wide pause (the seeds' lockdown) and its resumption, and
 * the interruption at the programme's end. The request records the operation and one item per pathway, and is
 * answered at once; one worker thread then takes the pending items in batches, in pathway id order, each pathway in a
 * transaction of its own that also marks its item, so no more than a batch is in memory, progress is a count of
 * items, and after a restart the operation carries on where it stopped. Each pathway goes through the same services as
 * a single one ({@link PathwayClocks}, {@link PathwayExits}), so it is suspended, shifted or closed exactly as it
 * would be alone. One application node runs the operations (ADR 0014).
 */
@Service
public class ProjectOperations {

  static final int BATCH = 100;
  /** Who closes pathways when the programme ends (no person asked for it: the model's timer did). */
  public static final String PROGRAMME_END_USER = "system:programme-end";

  private static final Logger LOG = LoggerFactory.getLogger(ProjectOperations.class);
  private static final String OPEN_PATHWAYS =
      "from pathway p where p.project_code = ? and p.status in ('ACTIVE', 'SUSPENDED')";

  private final ProjectOperationRecords records;
  private final SuspensionRecords suspensions;
  private final PathwayClocks clocks;
  private final PathwayExits exits;
  private final TransactionTemplate transactions;
  private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
    Thread thread = new Thread(r, "project-operations");
    thread.setDaemon(true);
    return thread;
  });

  public ProjectOperations(ProjectOperationRecords records, SuspensionRecords suspensions, PathwayClocks clocks,
      PathwayExits exits, PlatformTransactionManager transactionManager) {
    this.records = records;
    this.suspensions = suspensions;
    this.clocks = clocks;
    this.exits = exits;
    this.transactions = new TransactionTemplate(transactionManager);
  }

  /**
   * Suspends every open pathway of the project, each until the project resumes (its own suspension, if any, nests).
   *
   * @throws ApiException 400 for an unknown reason or a past expected resumption; 404 for an unknown project; 409
   *     while the project is paused already or another operation of it runs
   */
  @Transactional
  public ProjectOperation pause(String projectCode, String reason, LocalDate expectedResumption, String user) {
    lockIdle(projectCode);
    if (!suspensions.reasonExists(ReasonList.SUSPENSION, reason)) {
      throw ApiException.badRequest("reason", "unknown suspension reason (GET /api/reasons/SUSPENSION lists them)");
    }
    if (expectedResumption != null && expectedResumption.isBefore(EngineClock.today())) {
      throw ApiException.badRequest("expectedResumption", "must not be in the past");
    }
    records.openPause(projectCode).ifPresent(p -> {
      throw ApiException.conflict("The project is paused already since " + p.requestedAt().toLocalDate()
          + " (" + p.reason() + "): resume it first");
    });
    return start(projectCode, Kind.SUSPEND, null, reason, expectedResumption, null, user, OPEN_PATHWAYS, projectCode);
  }

  /**
   * Ends the project's pause: every pathway it suspended resumes (unless suspended on its own too) and is shifted.
   *
   * @throws ApiException 404 for an unknown project; 409 when the project is not paused or another operation runs
   */
  @Transactional
  public ProjectOperation resume(String projectCode, String note, String user) {
    lockIdle(projectCode);
    ProjectOperation pause = records.openPause(projectCode)
        .orElseThrow(() -> ApiException.conflict("The project is not paused"));
    return start(projectCode, Kind.RESUME, pause.id(), null, null, note, user,
        "from pathway p join pathway_suspension s on s.pathway_id = p.id "
            + "where s.project_operation_id = ? and s.resumed_at is null", pause.id());
  }

  /**
   * The programme ended: every open pathway of the project closes as {@code INTERRUPTED}. Called by the
   * {@code programme} model's end timer; runs even while another operation of the project runs (after it).
   */
  @Transactional
  public ProjectOperation interruptAll(String projectCode, String user) {
    if (!records.lockProject(projectCode)) {
      throw new IllegalArgumentException("Unknown project " + projectCode);
    }
    return start(projectCode, Kind.INTERRUPT, null, null, null, null, user, OPEN_PATHWAYS, projectCode);
  }

  @Transactional(readOnly = true)
  public ProjectOperation find(String projectCode, UUID id) {
    return records.find(id).filter(o -> o.projectCode().equals(projectCode))
        .orElseThrow(() -> ApiException.notFound("No such operation"));
  }

  @Transactional(readOnly = true)
  public List<ProjectOperation> ofProject(String projectCode) {
    return records.ofProject(projectCode);
  }

  /** Carries on the operations a stop left running. */
  @EventListener(ApplicationReadyEvent.class)
  public void carryOn() {
    for (UUID id : records.running()) {
      LOG.info("Project operation {} carries on", id);
      worker.execute(() -> run(id));
    }
  }

  @PreDestroy
  void stop() throws InterruptedException {
    worker.shutdownNow();
    worker.awaitTermination(30, TimeUnit.SECONDS);
  }

  private void lockIdle(String projectCode) {
    if (!records.lockProject(projectCode)) {
      throw ApiException.notFound("No such project");
    }
    if (records.hasRunning(projectCode)) {
      throw ApiException.conflict("Another operation of the project is running: wait until it is done "
          + "(GET /api/projects/" + projectCode + "/operations)");
    }
  }

  private ProjectOperation start(String projectCode, Kind kind, UUID pauseId, String reason, LocalDate expected,
      String note, String user, String itemsQuery, Object itemsParam) {
    UUID id = UUID.randomUUID();
    records.insert(id, projectCode, kind, pauseId, reason, expected, note, user, EngineClock.now(), itemsQuery,
        itemsParam);
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        worker.execute(() -> run(id));
      }
    });
    return records.find(id).orElseThrow();
  }

  /** Works the operation's pending items, a batch at a time, then marks it done. */
  void run(UUID id) {
    ProjectOperation operation = records.find(id).orElse(null);
    if (operation == null || !operation.isRunning()) {
      return;
    }
    String note = records.note(id).orElse(null);
    List<UUID> batch = records.pendingBatch(id, BATCH);
    while (!batch.isEmpty()) {
      for (UUID pathwayId : batch) {
        if (Thread.currentThread().isInterrupted()) {
          return;
        }
        apply(operation, note, pathwayId);
      }
      batch = records.pendingBatch(id, BATCH);
    }
    records.finish(id, EngineClock.now());
    ProjectOperation done = records.find(id).orElseThrow();
    LOG.info("Project operation {} {} of {}: {} done, {} skipped, {} failed", id, done.kind(), done.projectCode(),
        done.done(), done.skipped(), done.failed());
  }

  private void apply(ProjectOperation operation, String note, UUID pathwayId) {
    try {
      transactions.executeWithoutResult(status -> {
        boolean changed = switch (Kind.valueOf(operation.kind())) {
          case SUSPEND -> {
            clocks.suspend(pathwayId, operation.reason(), operation.expectedResumption(), operation.requestedBy(),
                operation.id());
            yield true;
          }
          case RESUME -> {
            clocks.resume(pathwayId, note, operation.requestedBy(), operation.pauseId());
            yield true;
          }
          case INTERRUPT -> exits.interrupt(pathwayId, operation.requestedBy());
        };
        records.markItem(operation.id(), pathwayId, changed ? ItemState.DONE : ItemState.SKIPPED, null);
      });
    } catch (ApiException e) {
      // the pathway changed meanwhile (closed, resumed): nothing to do for it
      ItemState state = e.status() == HttpStatus.CONFLICT ? ItemState.SKIPPED : ItemState.FAILED;
      records.markItem(operation.id(), pathwayId, state, truncate(e.getMessage()));
    } catch (RuntimeException e) {
      LOG.warn("Project operation {}: pathway {} failed: {}", operation.id(), pathwayId, e.getClass().getSimpleName());
      records.markItem(operation.id(), pathwayId, ItemState.FAILED, e.getClass().getSimpleName());
    }
  }

  private static String truncate(String message) {
    return message == null || message.length() <= 300 ? message : message.substring(0, 300);
  }
}
