-- The closure of a pathway, one row per closed pathway, written in the same transaction as the closure: its one
-- outcome, the stage it had reached, and the final training hours and indemnity (computed from the attendance register
-- as the pathway view computes them). For reporting in SQL: codes, dates and amounts, no personal data. Pathways closed
-- before this table existed get their row at start-up (ClosureBackfill: the indemnity needs the project's parameters).
create table pathway_closure (
  pathway_id               uuid          primary key references pathway (id),
  project_code             varchar(40)   not null references project (code),
  outcome                  varchar(24)   not null,
  stage_at_closure         varchar(40)   not null,
  closed_at                timestamp with time zone not null,
  training_hours_planned   numeric(7,1)  not null,
  training_hours_attended  numeric(7,1)  not null,
  indemnity                numeric(10,2) not null,   -- accrued, at most the plan's cap
  indemnity_arrears_share  numeric(10,2) not null,   -- part of it sent to the household's rent arrears
  constraint ck_pathway_closure_outcome check (outcome in ('PLACED', 'COMPLETED_NOT_PLACED', 'SOCIAL_REFERRAL',
    'WITHDRAWN', 'INELIGIBLE', 'PLAN_NOT_SIGNED', 'UNREACHABLE', 'NO_CONSENT', 'INTERRUPTED'))
);
create index ix_pathway_closure_project on pathway_closure (project_code, outcome, closed_at);

-- Accompaniment to self-employment (route SELF_EMPLOYMENT), one per pathway: the business idea's sector (a code), the
-- planned start, the accompaniment's months, and its outcome: the business started (with its start date: the
-- placement-like fact of this route) or not.
create table self_employment (
  pathway_id             uuid          primary key references pathway (id),
  project_code           varchar(40)   not null references project (code),
  operator_organisation  varchar(40)   not null,
  business_sector        varchar(30)   not null,
  planned_start          date          not null,
  started_on             date          not null,   -- the accompaniment's first day
  months                 integer       not null,
  ends_on                date          not null,   -- started_on plus months
  started_by             varchar(100),
  business_started       boolean,                  -- the outcome, once recorded
  business_start_date    date,
  outcome_recorded_on    date,
  constraint ck_self_employment_outcome check (business_started is null or business_started
    or business_start_date is null)
);
create index ix_self_employment_project on self_employment (project_code);

-- The monthly check-ins of an accompaniment: DONE with the progress the operator found, or MISSED when its deadline
-- passed.
create table self_employment_check_in (
  pathway_id    uuid          not null references pathway (id),
  month_number  integer       not null,
  scheduled_on  date          not null,
  status        varchar(10)   not null,
  progress      varchar(20),                 -- ON_TRACK | DELAYED | AT_RISK when DONE
  recorded_by   varchar(100),
  recorded_at   timestamp with time zone not null,
  primary key (pathway_id, month_number),
  constraint ck_self_employment_check_in_status check (status in ('DONE', 'MISSED'))
);
