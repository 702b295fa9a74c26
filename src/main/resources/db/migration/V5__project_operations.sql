-- Operations over every pathway of a project (a project-wide pause, its resumption, the interruption at the
-- programme's end), run in batches after the request is answered: the operation, then one item per pathway it
-- touches, written when it starts, so progress is a count and a restart carries on where it stopped.
create table project_operation (
  id                   uuid         primary key,
  project_code         varchar(40)  not null references project (code),
  kind                 varchar(20)  not null,   -- SUSPEND | RESUME | INTERRUPT
  pause_id             uuid         references project_operation (id), -- RESUME: the SUSPEND it ends
  reason               varchar(40),
  expected_resumption  date,
  note                 varchar(500),
  status               varchar(20)  not null,   -- RUNNING | DONE
  total                integer      not null,
  requested_by         varchar(64)  not null,
  requested_at         timestamp with time zone not null,
  finished_at          timestamp with time zone
);
create index ix_project_operation_project on project_operation (project_code, kind, requested_at);
create index ix_project_operation_status on project_operation (status);

create table project_operation_item (
  operation_id  uuid        not null references project_operation (id),
  pathway_id    uuid        not null references pathway (id),
  state         varchar(20) not null,   -- PENDING | DONE | SKIPPED | FAILED
  detail        varchar(300),
  primary key (operation_id, pathway_id)
);
create index ix_project_operation_item_state on project_operation_item (operation_id, state, pathway_id);

create index ix_pathway_suspension_operation on pathway_suspension (project_operation_id, resumed_at);

-- Changes of a project's end date (the programme's extensions), who and why.
create table project_end_change (
  id            uuid         primary key,
  project_code  varchar(40)  not null references project (code),
  old_end_date  date,
  new_end_date  date         not null,
  reason        varchar(500) not null,
  changed_by    varchar(64)  not null,
  changed_at    timestamp with time zone not null
);
create index ix_project_end_change_project on project_end_change (project_code, changed_at);
