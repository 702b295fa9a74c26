-- The internship stage (tirocinio extracurricolare, DGR 7763/2018) of a pathway, keyed by the pathway id. Host,
-- promoter and tutor are organisations (their names are not personal data); nothing identifies the person.

-- One row per pathway, written when the stage starts (the cap from decision internship-cap), completed by the
-- agreement (PUT /api/pathways/{id}/internship) and closed by the end or an early termination. The current last day
-- of a running internship is its open deadline of kind INTERNSHIP_END (table deadline), which approved extensions and
-- suspensions move. CANCELLED: the pathway ended meanwhile (withdrawal, programme end: see pathway.outcome).
create table internship (
  pathway_id          uuid          primary key references pathway (id),
  project_code        varchar(40)   not null references project (code),
  max_months          integer       not null,   -- decision internship-cap: the longest, extensions included
  min_months          integer       not null,   -- decision internship-cap: the shortest agreement
  host                varchar(200),             -- soggetto ospitante (organisation)
  promoter            varchar(200),             -- soggetto promotore (organisation)
  tutor               varchar(200),             -- the tutor's organisation
  start_date          date,
  planned_months      integer,
  weekly_hours        numeric(4,1),
  planned_end_date    date,                     -- start_date + planned_months - 1 day, as agreed
  end_date            date,                     -- the last day: as agreed, moved by approved extensions; set at the end
  state               varchar(20)   not null,   -- AGREEMENT | RUNNING | COMPLETED | TERMINATED | CANCELLED
  termination_reason  varchar(20),              -- HIRED | WITHDRAWN | HOST_PROBLEM | OTHER
  termination_date    date,
  started_at          timestamp with time zone not null,
  written_by          varchar(100),
  written_at          timestamp with time zone,
  agreed_at           timestamp with time zone,
  ended_at            timestamp with time zone,
  constraint ck_internship_state check (state in ('AGREEMENT', 'RUNNING', 'COMPLETED', 'TERMINATED', 'CANCELLED')),
  constraint ck_internship_termination check (termination_reason is null
    or termination_reason in ('HIRED', 'WITHDRAWN', 'HOST_PROBLEM', 'OTHER'))
);
create index ix_internship_project_state on internship (project_code, state);

-- Extension requests: the operator asks (months, reason), the CPI decides (Task_ApproveExtension).
create table internship_extension (
  id              uuid          primary key,
  pathway_id      uuid          not null references pathway (id),
  months          integer       not null,
  reason          varchar(500)  not null,
  requested_by    varchar(100)  not null,
  requested_at    timestamp with time zone not null,
  decision        varchar(10),               -- APPROVED | REJECTED | CANCELLED (the internship ended first)
  decided_by      varchar(100),
  decided_at      timestamp with time zone,
  end_before      date,                      -- APPROVED: the last day before and after the extension
  end_after       date,
  constraint ck_internship_extension_months check (months > 0),
  constraint ck_internship_extension_decision check (decision is null
    or decision in ('APPROVED', 'REJECTED', 'CANCELLED'))
);
create index ix_internship_extension_pathway on internship_extension (pathway_id, requested_at);

-- Monthly attendance: one row per month (its first day), with the rate and the indemnity due for it, computed when
-- recorded from the project's internshipAttendanceThreshold and internshipMonthlyIndemnity.
create table internship_attendance (
  pathway_id        uuid          not null references pathway (id),
  project_code      varchar(40)   not null references project (code),
  attendance_month  date          not null,   -- first day of the month
  planned_hours     numeric(5,1)  not null,
  attended_hours    numeric(5,1)  not null,
  attendance_rate   numeric(5,2)  not null,   -- percent
  indemnity_due     numeric(8,2)  not null,   -- euro, 0 below the threshold or when the project pays none
  recorded_by       varchar(100)  not null,
  recorded_at       timestamp with time zone not null,
  primary key (pathway_id, attendance_month),
  constraint ck_internship_attendance_hours check (planned_hours > 0 and attended_hours >= 0
    and attended_hours <= planned_hours)
);

-- Injury (infortunio) beside illness: both leave the internship's cap untouched from internshipIllnessMinDays days.
-- A participant who leaves the internship withdraws from the pathway with this reason.
insert into reason (reason_list, code, name) values
  ('SUSPENSION', 'INJURY', 'Infortunio'),
  ('WITHDRAWAL', 'INTERNSHIP_WITHDRAWN', 'Ritiro dal tirocinio');
