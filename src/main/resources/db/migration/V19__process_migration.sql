-- Migrations of running process instances from one model version to another, asked for by a manager or an admin
-- through POST /api/admin/migrations (ADR 0029): who, when, which model and versions, the engine's batch, the outcome,
-- and each instance moved (with its project, so each manager reads only the migrations of its projects).
create table process_migration (
  id                    uuid          primary key,
  process_key           varchar(100)  not null,
  source_version        integer       not null,
  target_version        integer       not null,
  source_definition_id  varchar(64)   not null,
  target_definition_id  varchar(64)   not null,
  mappings              varchar(2000),            -- the explicit mappings, "from>to" separated by commas
  instance_count        integer       not null,   -- instances handed to the batch
  skipped_count         integer       not null,   -- instances in scope that could not move (left on their version)
  batch_id              varchar(64),
  outcome               varchar(20)   not null,   -- RUNNING | COMPLETED | FAILED | NOTHING_TO_MOVE
  requested_by          varchar(64)   not null,
  requested_at          timestamp with time zone not null,
  finished_at           timestamp with time zone
);
create index ix_process_migration_requested on process_migration (requested_at);

create table process_migration_instance (
  migration_id          uuid          not null references process_migration (id),
  process_instance_id   varchar(64)   not null,
  project_code          varchar(40)   not null,
  primary key (migration_id, process_instance_id)
);
create index ix_process_migration_instance_project on process_migration_instance (project_code, migration_id);
