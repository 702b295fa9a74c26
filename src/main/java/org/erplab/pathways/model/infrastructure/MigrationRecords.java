package org.erplab.pathways.model.infrastructure;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tables {@code process_migration} and {@code process_migration_instance}: the audit record of each migration. */
@Repository
public class MigrationRecords {

  private static final String SELECT = """
      select m.id, m.process_key, m.source_version, m.target_version, m.source_definition_id, m.target_definition_id,
        m.mappings, m.instance_count, m.skipped_count, m.batch_id, m.outcome, m.requested_by, m.requested_at,
        m.finished_at
      from process_migration m""";

  private final JdbcClient jdbc;

  public MigrationRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** One migration as recorded; {@code mappings} as "from>to" pairs separated by commas. */
  public record Migration(UUID id, String processKey, int sourceVersion, int targetVersion, String sourceDefinitionId,
      String targetDefinitionId, String mappings, int instanceCount, int skippedCount, String batchId, String outcome,
      String requestedBy, OffsetDateTime requestedAt, OffsetDateTime finishedAt) {}

  /** An instance the migration moved, and its project. */
  public record MovedInstance(String processInstanceId, String projectCode) {}

  public void insert(Migration m, Collection<MovedInstance> instances) {
    jdbc.sql("""
            insert into process_migration (id, process_key, source_version, target_version, source_definition_id,
            target_definition_id, mappings, instance_count, skipped_count, batch_id, outcome, requested_by, requested_at,
            finished_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(m.id(), m.processKey(), m.sourceVersion(), m.targetVersion(), m.sourceDefinitionId(),
            m.targetDefinitionId(), m.mappings(), m.instanceCount(), m.skippedCount(), m.batchId(), m.outcome(),
            m.requestedBy(), m.requestedAt(), m.finishedAt())
        .update();
    for (MovedInstance i : instances) {
      jdbc.sql("insert into process_migration_instance (migration_id, process_instance_id, project_code) "
          + "values (?, ?, ?)").params(m.id(), i.processInstanceId(), i.projectCode()).update();
    }
  }

  public Optional<Migration> find(UUID id) {
    return jdbc.sql(SELECT + " where m.id = ?").param(id).query(Migration.class).optional();
  }

  /** Every migration, newest first, with the projects of the instances it moved (none: it moved nothing). */
  public List<Migration> all() {
    return jdbc.sql(SELECT + " order by m.requested_at desc").query(Migration.class).list();
  }

  public List<MovedInstance> instances(UUID id) {
    return jdbc.sql("select process_instance_id, project_code from process_migration_instance where migration_id = ? "
        + "order by project_code, process_instance_id").param(id).query(MovedInstance.class).list();
  }

  /** The projects whose instances each migration moved. */
  public Map<UUID, List<String>> projects() {
    return jdbc.sql("select distinct migration_id, project_code from process_migration_instance order by project_code")
        .query().listOfRows().stream()
        .collect(java.util.stream.Collectors.groupingBy(r -> (UUID) r.get("migration_id"),
            java.util.stream.Collectors.mapping(r -> (String) r.get("project_code"),
                java.util.stream.Collectors.toList())));
  }

  public void finish(UUID id, String outcome, OffsetDateTime at) {
    jdbc.sql("update process_migration set outcome = ?, finished_at = ? where id = ?").params(outcome, at, id).update();
  }
}
