-- The personalised plan (PIP) of a pathway, one row per version: the operator drafts it, the CPI approves or rejects
-- it, the person signs it. Pseudonymous (pathway id, organisation codes, staff user ids), for reporting in SQL.
create table plan_version (
  id                  uuid          primary key,
  pathway_id          uuid          not null references pathway (id),
  project_code        varchar(40)   not null references project (code),
  version             integer       not null,
  status              varchar(12)   not null,   -- DRAFT | SUBMITTED | APPROVED | REJECTED | SIGNED
  internship_planned  boolean       not null,
  indemnity_cap       numeric(10,2) not null,
  services_total      numeric(10,2) not null,
  created_by          varchar(100)  not null,
  created_at          timestamp with time zone not null,
  submitted_at        timestamp with time zone,
  decided_by          varchar(100),
  decided_at          timestamp with time zone,
  approved_on         date,
  signed_on           date,
  constraint uq_plan_version unique (pathway_id, version),
  constraint ck_plan_version_status check (status in ('DRAFT', 'SUBMITTED', 'APPROVED', 'REJECTED', 'SIGNED'))
);
create index ix_plan_version_project on plan_version (project_code, status);

-- The services of a version (ORIENTATION, COACHING, TRAINING, INTERNSHIP_TUTORING, CERTIFICATION, JOB_SEARCH, OTHER).
create table plan_service (
  plan_id  uuid          not null references plan_version (id) on delete cascade,
  line     integer       not null,
  type     varchar(30)   not null,
  hours    numeric(6,1)  not null,
  cost     numeric(10,2) not null,
  primary key (plan_id, line)
);

-- The courses of a version.
create table plan_course (
  plan_id        uuid          not null references plan_version (id) on delete cascade,
  line           integer       not null,
  code           varchar(40)   not null,
  title          varchar(200)  not null,
  planned_hours  numeric(6,1)  not null,
  start_date     date          not null,
  end_date       date          not null,
  primary key (plan_id, line),
  constraint uq_plan_course_code unique (plan_id, code)
);
