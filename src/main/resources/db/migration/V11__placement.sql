-- The placement stage of a pathway: each hire the operator records (attempt 1, 2, ... when a hire is not confirmed or
-- does not count and the search goes on), the CPI's verification and whether it counts (decision placement-result).
-- The employer is an organisation: its name is kept here, never in the engine. No personal data.
create table placement (
  id                     uuid          primary key,
  pathway_id             uuid          not null references pathway (id),
  project_code           varchar(40)   not null references project (code),
  attempt                integer       not null,
  employer_name          varchar(200)  not null,
  contract_type          varchar(20)   not null,   -- PERMANENT | APPRENTICESHIP | FIXED_TERM | TEMPORARY_AGENCY | SELF_EMPLOYMENT | OTHER
  start_date             date          not null,
  planned_end_date       date,
  weekly_hours           integer       not null,
  planned_duration_days  integer,                  -- start to planned end, both counted; null without a planned end
  recorded_by            varchar(100),
  recorded_at            timestamp with time zone not null,
  verified_by            varchar(100),
  verified_at            timestamp with time zone,
  confirmed              boolean,                  -- the CPI's verification, null until verified
  counts                 boolean,                  -- result of placement-result, null until decided
  decided_at             timestamp with time zone,
  constraint uq_placement unique (pathway_id, attempt),
  constraint ck_placement_weekly_hours check (weekly_hours between 1 and 48),
  constraint ck_placement_end check (planned_end_date is null or planned_end_date > start_date)
);
create index ix_placement_pathway on placement (pathway_id);

-- The follow-ups of a hire that counts: one per month of followUpMonths after its start date.
create table follow_up (
  id              uuid          primary key,
  pathway_id      uuid          not null references pathway (id),
  placement_id    uuid          not null references placement (id),
  due_month       integer       not null,          -- months after the hire's start date (3, 6, 12 by default)
  due_on          date          not null,
  state           varchar(10)   not null,          -- PENDING | ANSWERED | MISSED
  answered_on     date,
  answered_by     varchar(100),
  still_employed  boolean,
  constraint uq_follow_up unique (placement_id, due_month),
  constraint ck_follow_up_state check (state in ('PENDING', 'ANSWERED', 'MISSED'))
);
create index ix_follow_up_pathway on follow_up (pathway_id, due_month);
