package org.erplab.pathways.audit.infrastructure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.erplab.pathways.audit.domain.AuditChain;
import org.erplab.pathways.common.domain.AuditFact;
import org.erplab.pathways.common.domain.BusinessKeys;
import org.erplab.pathways.common.domain.EngineClock;
import org.erplab.pathways.security.Partitions;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the audit record (table {@code audit_event}, ADR 0035). Events are collected during a transaction and
 * written just before it commits, all at once: the transaction's pathways are resolved from the engine's process
 * instances in one query, each chain is locked (its pathway's row, its project's row, or the system's lock row, in
 * that order and sorted, so two writers never wait on each other crosswise), its last hash read, and the events
 * inserted in one batch. A rolled-back transaction leaves no event. Outside a transaction an event is written in one
 * of its own.
 *
 * <p>On PostgreSQL the chain's row is locked {@code for no key update}: a transaction that inserts a row referring to
 * the same pathway or project (a foreign key) holds a key-share lock on it, and {@code for update} would wait for that
 * lock while the other transaction waits for this one's: concurrent registrations in one project deadlocked. H2 takes
 * no lock for a foreign key and knows only {@code for update}.
 */
@Repository
public class AuditLog {

  /** The actor of what no user did: timers, jobs, start-up. */
  public static final String SYSTEM = "system";
  static final String SYSTEM_CHAIN = "SYSTEM";
  static final String PROJECT_CHAIN = "PROJECT:";
  private static final int MAX_DETAILS = 8000;
  private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

  private final JdbcClient jdbc;
  private final JdbcTemplate template;
  private final TransactionTemplate transaction;
  private volatile String rowLock;

  public AuditLog(JdbcClient jdbc, JdbcTemplate template, TransactionTemplate transaction) {
    this.jdbc = jdbc;
    this.template = template;
    this.transaction = transaction;
  }

  /** The clause that locks a chain's row against other writers but not against inserts that refer to it. */
  private String rowLock() {
    if (rowLock == null) {
      String product = template.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
      rowLock = "PostgreSQL".equalsIgnoreCase(product) ? "for no key update" : "for update";
    }
    return rowLock;
  }

  /**
   * An event to write. {@code pathwayId} null with a {@code processInstanceId}: the pathway is the instance's business
   * key, when that is a pathway's id. {@code details} is written as JSON, null values left out.
   */
  public record Pending(OffsetDateTime occurredAt, UUID pathwayId, String processInstanceId, String tenantId,
      String projectCode, String actor, String type, String elementId, Map<String, ?> details) {}

  /** A service's event (see {@link AuditFact}), now on the engine clock. */
  @EventListener
  public void on(AuditFact fact) {
    record(new Pending(EngineClock.now(), fact.pathwayId(), null, null, fact.projectCode(),
        fact.actor() == null ? SYSTEM : fact.actor(), fact.type(), fact.elementId(), fact.details()));
  }

  /** Writes the event with the current transaction, or at once when there is none. */
  public void record(Pending event) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      transaction.executeWithoutResult(status -> write(List.of(event)));
      return;
    }
    Buffer buffer = (Buffer) TransactionSynchronizationManager.getResource(this);
    if (buffer == null) {
      buffer = new Buffer();
      TransactionSynchronizationManager.bindResource(this, buffer);
      TransactionSynchronizationManager.registerSynchronization(buffer);
    }
    if (buffer.written) {
      // something recorded while the transaction commits, after the buffer was written: still in it
      write(List.of(event));
    } else {
      buffer.events.add(event);
    }
  }

  /** The events of a pathway's chain, in order. */
  public List<AuditChain.Event> chainOf(UUID pathwayId) {
    return chain(pathwayId.toString());
  }

  /** An event as auditors read it: its place in the pathway's chain, when, what, who, where, and its hash. */
  public record Recorded(long seq, OffsetDateTime at, String type, String actor, String elementId,
      String processInstanceId, String details, String hash) {}

  /**
   * A page of a pathway's events in chain order: one range scan of the index on {@code (pathway_id, chain_seq)}, from
   * sequence number {@code firstResult + 1} (a chain's numbers have no gaps).
   */
  public List<Recorded> page(UUID pathwayId, int firstResult, int maxResults) {
    return jdbc.sql("""
            select chain_seq, occurred_at, event_type, actor, element_id, process_instance_id, details, hash
            from audit_event where pathway_id = ? and chain_seq > ? order by chain_seq
            fetch first ? rows only""")
        .param(pathwayId)
        .param((long) firstResult)
        .param(maxResults)
        .query((rs, i) -> new Recorded(rs.getLong(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3),
            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)))
        .list();
  }

  /** The events of a chain, in order. */
  public List<AuditChain.Event> chain(String chainKey) {
    return jdbc.sql("""
            select id, chain_key, chain_seq, occurred_at, pathway_id, project_code, actor, event_type, element_id,
                   process_instance_id, details, previous_hash, hash
            from audit_event where chain_key = ? order by chain_seq""")
        .param(chainKey)
        .query((rs, i) -> new AuditChain.Event(rs.getLong(1), rs.getString(2), rs.getLong(3),
            rs.getObject(4, OffsetDateTime.class), rs.getObject(5, UUID.class), rs.getString(6), rs.getString(7),
            rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12),
            rs.getString(13)))
        .list();
  }

  private final class Buffer implements TransactionSynchronization {

    private final List<Pending> events = new ArrayList<>();
    private boolean written;

    @Override
    public void beforeCommit(boolean readOnly) {
      written = true;
      if (!events.isEmpty()) {
        write(events);
      }
    }

    @Override
    public void afterCompletion(int status) {
      TransactionSynchronizationManager.unbindResourceIfPossible(AuditLog.this);
    }
  }

  /** Writes events in the current transaction, in their order. */
  void write(List<Pending> events) {
    Map<String, UUID> pathwayOfInstance = new HashMap<>();
    Map<String, String> projectOfInstance = new HashMap<>();
    Set<String> instances = new TreeSet<>();
    for (Pending e : events) {
      if (e.pathwayId() == null && e.processInstanceId() != null) {
        instances.add(e.processInstanceId());
      }
    }
    if (!instances.isEmpty()) {
      jdbc.sql("select ID_, BUSINESS_KEY_, TENANT_ID_ from ACT_HI_PROCINST where ID_ in (:ids)")
          .param("ids", instances)
          .query(rs -> {
            UUID pathway = BusinessKeys.pathwayId(rs.getString(2));
            if (pathway != null) {
              pathwayOfInstance.put(rs.getString(1), pathway);
            }
            projectOfInstance.put(rs.getString(1), Partitions.projectOf(rs.getString(3)));
          });
    }
    Set<UUID> candidates = new TreeSet<>();
    for (Pending e : events) {
      UUID pathway = e.pathwayId() != null ? e.pathwayId() : pathwayOfInstance.get(e.processInstanceId());
      if (pathway != null) {
        candidates.add(pathway);
      }
    }
    Map<UUID, String> pathways = new HashMap<>();
    if (!candidates.isEmpty()) {
      jdbc.sql("select id, project_code from pathway where id in (:ids) order by id " + rowLock())
          .param("ids", candidates)
          .query(rs -> {
            pathways.put(rs.getObject(1, UUID.class), rs.getString(2));
          });
    }
    List<Row> rows = new ArrayList<>();
    Set<String> projects = new TreeSet<>();
    for (Pending e : events) {
      UUID pathway = e.pathwayId() != null ? e.pathwayId() : pathwayOfInstance.get(e.processInstanceId());
      String project = pathway != null && pathways.containsKey(pathway) ? pathways.get(pathway)
          : e.projectCode() != null ? e.projectCode()
          : e.tenantId() != null ? Partitions.projectOf(e.tenantId())
          : projectOfInstance.get(e.processInstanceId());
      if (pathway != null && !pathways.containsKey(pathway)) {
        pathway = null; // a business key that is no pathway's id
      }
      if (pathway == null && project != null) {
        projects.add(project);
      }
      rows.add(new Row(e, pathway, project));
    }
    Set<String> knownProjects = new TreeSet<>();
    if (!projects.isEmpty()) {
      knownProjects.addAll(jdbc.sql("select code from project where code in (:codes) order by code " + rowLock())
          .param("codes", projects).query(String.class).list());
    }
    boolean system = false;
    for (Row row : rows) {
      row.chain = row.pathway != null ? row.pathway.toString()
          : row.project != null && knownProjects.contains(row.project) ? PROJECT_CHAIN + row.project : SYSTEM_CHAIN;
      system |= row.chain.equals(SYSTEM_CHAIN);
    }
    if (system) {
      jdbc.sql("select chain_key from audit_chain_lock where chain_key = ? for update").param(SYSTEM_CHAIN)
          .query(String.class).list();
    }
    Map<String, Last> last = new HashMap<>();
    List<Object[]> batch = new ArrayList<>();
    for (Row row : rows) {
      Last previous = last.computeIfAbsent(row.chain, this::lastOf);
      Pending e = row.event;
      OffsetDateTime at = AuditChain.stored(e.occurredAt());
      long seq = previous.seq + 1;
      String details = json(e.details());
      String hash = AuditChain.hash(row.chain, seq, at, row.pathway, row.project, e.actor(), e.type(), e.elementId(),
          e.processInstanceId(), details, previous.hash);
      batch.add(new Object[] {row.chain, seq, at, row.pathway, row.project, e.actor(),
          e.type(), e.elementId(), e.processInstanceId(), details, previous.hash, hash});
      last.put(row.chain, new Last(seq, hash));
    }
    template.batchUpdate("""
        insert into audit_event (chain_key, chain_seq, occurred_at, pathway_id, project_code, actor, event_type,
                                 element_id, process_instance_id, details, previous_hash, hash)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", batch);
  }

  private Last lastOf(String chain) {
    return jdbc.sql("select chain_seq, hash from audit_event where chain_key = ? order by chain_seq desc "
            + "fetch first 1 rows only")
        .param(chain)
        .query((rs, i) -> new Last(rs.getLong(1), rs.getString(2)))
        .optional()
        .orElse(new Last(0, null));
  }

  private static String json(Map<String, ?> details) {
    if (details == null || details.isEmpty()) {
      return null;
    }
    Map<String, Object> kept = new LinkedHashMap<>();
    details.forEach((k, v) -> {
      if (v != null) {
        kept.put(k, v instanceof java.time.temporal.TemporalAccessor || v instanceof UUID ? v.toString() : v);
      }
    });
    try {
      String text = JSON.writeValueAsString(kept);
      return text.length() <= MAX_DETAILS ? text : "{\"truncated\":true}";
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Audit details must be plain values", e);
    }
  }

  private record Last(long seq, String hash) {}

  private static final class Row {
    private final Pending event;
    private final UUID pathway;
    private final String project;
    private String chain;

    Row(Pending event, UUID pathway, String project) {
      this.event = event;
      this.pathway = pathway;
      this.project = project;
    }
  }
}
