package org.erplab.pathways.worklist.infrastructure;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.StringJoiner;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The caller's open tasks, read straight from the engine's task table in one statement of indexed walks (its claimed
 * tasks; its groups' tasks per tenant it sees, its project or its organisation's part of it, and per kind of task),
 * each stopping after the page it needs, then merged: the cost depends on the page, not on how many pathways are
 * open. Candidate groups are matched through the identity links, as the engine does. Order: priority (the lab's own
 * work before public call-backs), due date (none last), creation. The index {@code ix_act_ru_task_kind} serves the
 * groups' walks (see {@link EngineIndexes}).
 */
@Repository
public class WorklistQueries {

  static final Comparator<TaskRow> ORDER = Comparator.comparingInt(TaskRow::priority).reversed()
      .thenComparing(TaskRow::due, Comparator.nullsLast(Comparator.naturalOrder()))
      .thenComparing(TaskRow::created, Comparator.nullsLast(Comparator.naturalOrder()))
      .thenComparing(TaskRow::id);

  private final JdbcClient jdbc;
  private final JdbcTemplate template;
  private volatile Boolean lateral;

  public WorklistQueries(JdbcClient jdbc, JdbcTemplate template) {
    this.jdbc = jdbc;
    this.template = template;
  }

  /**
   * Whether the database walks the kinds of task as one lateral join (PostgreSQL: the walk is planned once, whatever
   * the number of kinds); H2 has no {@code lateral}, and gets one branch per kind.
   */
  private boolean lateral() {
    if (lateral == null) {
      String product = template.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
      lateral = "PostgreSQL".equalsIgnoreCase(product);
    }
    return lateral;
  }

  /**
   * A page of the open tasks, in the given tenants, that are assigned to the user or unassigned with one of the
   * groups as candidate.
   *
   * @param overdue {@code true}: due before {@code now} only; {@code false}: not overdue only; {@code null}: all
   * @param pathwayId one pathway's tasks only (its instances carry its id as business key), or {@code null}: all
   * @param kindsByTenant per tenant, the kinds of task one of the groups may be a candidate of there (from the
   *     models): each is walked apart; tasks of other kinds are not looked at for the groups
   */
  public List<TaskRow> page(Collection<String> tenants, String userId, Collection<String> groups,
      Supplier<Map<String, Set<String>>> kindsByTenant, Boolean overdue, String taskKey, UUID pathwayId, Date now,
      int firstResult, int maxResults) {
    if (tenants.isEmpty()) {
      return List.of();
    }
    List<Map.Entry<String, String>> walks = new java.util.ArrayList<>();
    if (!groups.isEmpty()) {
      Map<String, Set<String>> kinds = kindsByTenant.get();
      for (String tenant : new java.util.TreeSet<>(tenants)) {
        for (String kind : new java.util.TreeSet<>(kinds.getOrDefault(tenant, Set.of()))) {
          // one kind asked for: only its walks
          if (taskKey == null || taskKey.equals(kind)) {
            walks.add(Map.entry(tenant, kind));
          }
        }
      }
    }
    return walks(tenants, userId, groups, walks, overdue, taskKey, pathwayId, now, firstResult + maxResults).stream()
        .sorted(ORDER).skip(firstResult).limit(maxResults).toList();
  }

  /** Every deployed process definition's id (a few per model, one per version). */
  public List<String> processDefinitionIds() {
    return jdbc.sql("select ID_ from ACT_RE_PROCDEF").query(String.class).list();
  }

  /**
   * The caller's first {@code limit} tasks in each walk, as ordered walks in one statement, each stopping at the page:
   * its own claimed tasks in all the tenants (along the engine's assignee index), and the unclaimed tasks of its groups,
   * one walk per tenant and kind of task in {@code walks}, along {@code ix_act_ru_task_kind} with one identity-link
   * probe per task. A walk passes over no task of a kind the caller's groups cannot have (the CPI's, for a lab).
   * Kept apart, instead of an {@code or} that leads PostgreSQL to hash every candidate link of the caller's groups
   * first. On PostgreSQL the walks are one lateral join over their list (planned once: a branch per walk cost about
   * 0.25 ms of planning each, 5 ms for a lab); on H2 one branch per walk.
   */
  private List<TaskRow> walks(Collection<String> tenants, String userId, Collection<String> groups,
      List<Map.Entry<String, String>> walks, Boolean overdue, String taskKey, UUID pathwayId, Date now, int limit) {
    String filters = filters(overdue, taskKey, pathwayId);
    String candidate = " and t.ASSIGNEE_ is null and exists (select 1 from ACT_RU_IDENTITYLINK i where i.TASK_ID_ = t.ID_"
        + " and i.TYPE_ = 'candidate' and i.GROUP_ID_ in (:groups))" + filters;
    boolean lateral = !walks.isEmpty() && lateral();
    StringJoiner sql = walks.isEmpty() ? new StringJoiner("") : new StringJoiner(") union all (", "(", ")");
    sql.add(walk(" t.TENANT_ID_ in (:tenants) and t.ASSIGNEE_ = :user" + filters));
    if (lateral) {
      // tenant ids and task keys hold no comma (EngineSecurityPlugin.RESOURCE_ID_PATTERN, BPMN ids)
      sql.add("select w.* from unnest(string_to_array(:walkTenants, ','), string_to_array(:walkKinds, ','))"
          + " as k(tenant, kind) cross join lateral ("
          + walk(" t.TENANT_ID_ = k.tenant and t.TASK_DEF_KEY_ = k.kind" + candidate) + ") w");
    } else {
      for (int i = 0; i < walks.size(); i++) {
        sql.add(walk(" t.TENANT_ID_ = :tenant" + i + " and t.TASK_DEF_KEY_ = :kind" + i + candidate));
      }
    }
    JdbcClient.StatementSpec statement = jdbc.sql(sql.toString())
        .param("tenants", tenants)
        .param("user", userId)
        .param("limit", limit);
    if (!walks.isEmpty()) {
      statement = statement.param("groups", groups);
      if (lateral) {
        statement = statement.param("walkTenants", walks.stream().map(Map.Entry::getKey)
                .collect(Collectors.joining(",")))
            .param("walkKinds", walks.stream().map(Map.Entry::getValue).collect(Collectors.joining(",")));
      } else {
        for (int i = 0; i < walks.size(); i++) {
          statement = statement.param("tenant" + i, walks.get(i).getKey()).param("kind" + i, walks.get(i).getValue());
        }
      }
    }
    if (overdue != null) {
      statement = statement.param("now", new Timestamp(now.getTime()));
    }
    if (taskKey != null) {
      statement = statement.param("taskKey", taskKey);
    }
    if (pathwayId != null) {
      statement = statement.param("pathway", pathwayId.toString());
    }
    return statement.query(WorklistQueries::row).list();
  }

  /** The first {@code :limit} open tasks that meet the condition (on the tenant first), in the worklist's order. */
  private static String walk(String condition) {
    return """
        select t.ID_, t.NAME_, t.TASK_DEF_KEY_, t.PROC_DEF_ID_, t.TENANT_ID_, t.ASSIGNEE_, t.CREATE_TIME_, t.DUE_DATE_,
               t.PRIORITY_, t.SUSPENSION_STATE_, e.BUSINESS_KEY_
        from ACT_RU_TASK t join ACT_RU_EXECUTION e on e.ID_ = t.PROC_INST_ID_
        where""" + condition
        + " order by t.PRIORITY_ desc, t.DUE_DATE_ asc nulls last, t.CREATE_TIME_ asc, t.ID_ asc limit :limit";
  }


  private static String filters(Boolean overdue, String taskKey, UUID pathwayId) {
    StringBuilder sql = new StringBuilder();
    if (Boolean.TRUE.equals(overdue)) {
      // a suspended pathway's tasks are not overdue: their deadlines move when it resumes
      sql.append(" and t.DUE_DATE_ < :now and t.SUSPENSION_STATE_ = 1");
    } else if (Boolean.FALSE.equals(overdue)) {
      sql.append(" and (t.DUE_DATE_ >= :now or t.DUE_DATE_ is null or t.SUSPENSION_STATE_ <> 1)");
    }
    if (taskKey != null) {
      sql.append(" and t.TASK_DEF_KEY_ = :taskKey");
    }
    if (pathwayId != null) {
      sql.append(" and e.BUSINESS_KEY_ = :pathway");
    }
    return sql.toString();
  }

  /** One open task as {@link #page} reads it (with its pathway, the business key), whoever may see it. */
  public Optional<TaskRow> task(String taskId) {
    return jdbc.sql("""
            select t.ID_, t.NAME_, t.TASK_DEF_KEY_, t.PROC_DEF_ID_, t.TENANT_ID_, t.ASSIGNEE_, t.CREATE_TIME_, t.DUE_DATE_,
                   t.PRIORITY_, t.SUSPENSION_STATE_, e.BUSINESS_KEY_
            from ACT_RU_TASK t join ACT_RU_EXECUTION e on e.ID_ = t.PROC_INST_ID_ where t.ID_ = ?""")
        .param(taskId)
        .query(WorklistQueries::row)
        .optional();
  }

  /** How many open tasks of each kind the caller has, in the given tenants. */
  public Map<String, Long> countsByTaskKey(Collection<String> tenants, String userId, Collection<String> groups) {
    if (tenants.isEmpty()) {
      return Map.of();
    }
    return jdbc.sql("""
            select t.TASK_DEF_KEY_, count(*) from ACT_RU_TASK t
            where t.TENANT_ID_ in (:tenants)
              and (t.ASSIGNEE_ = :user or (t.ASSIGNEE_ is null and exists (
                    select 1 from ACT_RU_IDENTITYLINK i
                    where i.TASK_ID_ = t.ID_ and i.TYPE_ = 'candidate' and i.GROUP_ID_ in (:groups))))
            group by t.TASK_DEF_KEY_""")
        .param("tenants", tenants)
        .param("user", userId)
        .param("groups", groups.isEmpty() ? List.of("-") : groups)
        .query((rs, i) -> Map.entry(rs.getString(1), rs.getLong(2)))
        .list().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  /** Candidate groups of a page of tasks in one indexed query (the engine API would need one query per task). */
  public Map<String, List<String>> candidateGroups(List<String> taskIds) {
    if (taskIds.isEmpty()) {
      return Map.of();
    }
    return jdbc.sql("""
            select TASK_ID_, GROUP_ID_ from ACT_RU_IDENTITYLINK
            where TYPE_ = 'candidate' and GROUP_ID_ is not null and TASK_ID_ in (:ids) order by GROUP_ID_""")
        .param("ids", taskIds)
        .query((rs, i) -> Map.entry(rs.getString(1), rs.getString(2)))
        .list().stream()
        .collect(Collectors.groupingBy(Map.Entry::getKey,
            Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
  }

  /**
   * Locks the task's row until the end of the transaction, so that two people claiming or completing one task are
   * served one after the other: the second then finds it completed or claimed (409) instead of failing half-way.
   *
   * <p>Once per transaction: our API locks the task before it completes it, and the engine's completion guard would
   * lock it again in the same transaction (ADR 0024); a row this transaction holds locked cannot have gone meanwhile.
   */
  public boolean lock(String taskId) {
    Set<String> locked = lockedInThisTransaction();
    return locked != null && locked.contains(taskId) || lockTask(taskId).isPresent();
  }

  /**
   * Locks the task's row as {@link #lock} does and reads, in the same statement, what our API checks of it and answers
   * with: who claimed it, its project part, its definition, its pathway and its candidate groups. Empty if there is no
   * such task.
   */
  public Optional<LockedTask> lockTask(String taskId) {
    // group ids hold no comma (EngineSecurityPlugin.RESOURCE_ID_PATTERN)
    Optional<LockedTask> task = jdbc.sql("""
            select t.ID_, t.ASSIGNEE_, t.TENANT_ID_, t.PROC_DEF_ID_,
                   (select e.BUSINESS_KEY_ from ACT_RU_EXECUTION e where e.ID_ = t.PROC_INST_ID_),
                   (select string_agg(i.GROUP_ID_, ',') from ACT_RU_IDENTITYLINK i
                    where i.TASK_ID_ = t.ID_ and i.TYPE_ = 'candidate' and i.GROUP_ID_ is not null)
            from ACT_RU_TASK t where t.ID_ = ? for update""")
        .param(taskId)
        .query((rs, i) -> new LockedTask(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getString(6) == null ? List.of() : List.of(rs.getString(6).split(","))))
        .optional();
    Set<String> locked = lockedInThisTransaction();
    if (task.isPresent() && locked != null) {
      locked.add(taskId);
    }
    return task;
  }

  /**
   * An open task's row as locked: who has claimed it, its project part, its definition, its pathway (the business key
   * of its process instance) and its candidate groups.
   */
  public record LockedTask(String id, String assignee, String tenantId, String processDefinitionId, String pathwayId,
      List<String> candidateGroups) {}

  /** The task ids locked in the current transaction (null outside one): bound to it, gone when it ends. */
  @SuppressWarnings("unchecked")
  private static Set<String> lockedInThisTransaction() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()
        || !TransactionSynchronizationManager.isActualTransactionActive()) {
      return null;
    }
    Set<String> locked = (Set<String>) TransactionSynchronizationManager.getResource(LOCKED_TASKS);
    if (locked == null) {
      Set<String> created = new HashSet<>();
      TransactionSynchronizationManager.bindResource(LOCKED_TASKS, created);
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          TransactionSynchronizationManager.unbindResourceIfPossible(LOCKED_TASKS);
        }
      });
      locked = created;
    }
    return locked;
  }

  private static final Object LOCKED_TASKS = new Object();

  private static TaskRow row(ResultSet rs, int i) throws SQLException {
    return new TaskRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
        rs.getString(6), instant(rs.getTimestamp(7)), instant(rs.getTimestamp(8)), rs.getInt(9),
        rs.getInt(10) == 2, rs.getString(11));
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }

  /** One open task as the engine stores it; {@code pathwayId} is the business key of its process instance. */
  public record TaskRow(String id, String name, String taskKey, String processDefinitionId, String tenantId,
      String assignee, Instant created, Instant due, int priority, boolean suspended, String pathwayId) {}
}
