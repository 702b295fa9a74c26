-- The lab's activity beyond pathways (issue 10): people welcomed, their visits and the signals they raise. A visit is
-- of a registry participant, or of an anonymous visitor who gave no consent; either way it keeps the few
-- non-identifying facts the indicators count by (gender, age band, citizenship area; the age in years only for a
-- participant), so that reports are SQL over this table and stay valid after an erasure. No free text.
create table lab_visit (
  id                uuid         primary key,
  project_code      varchar(40)  not null references project (code),
  visited_on        date         not null,
  participant_id    uuid         references participant (id),      -- null: an anonymous visitor
  gender            varchar(1),                                    -- F | M, null when not stated
  age               integer,                                       -- years at the visit, participants only
  age_band          varchar(10)  not null,                         -- 18_35 | 36_54 | 55_64 | 65_PLUS
  citizenship_area  varchar(10)  not null,                         -- IT | EU | NON_EU | UNKNOWN
  activity_type     varchar(30)  not null,                         -- DESK | COURTYARD_MEETING | WORKSHOP | ...
  duration_minutes  integer      not null check (duration_minutes between 1 and 720),
  pathway_id        uuid         references pathway (id),          -- the pathway the visit started, if any
  recorded_by       varchar(64)  not null,
  recorded_at       timestamp with time zone not null
);
create index ix_lab_visit_project_day on lab_visit (project_code, visited_on);
create index ix_lab_visit_participant on lab_visit (participant_id);

-- A signal raised during a visit: what about, to whom the lab passed it, how it ended.
create table lab_signal (
  id            uuid         primary key,
  visit_id      uuid         not null references lab_visit (id),
  project_code  varchar(40)  not null references project (code),
  raised_on     date         not null,
  category      varchar(20)  not null,  -- HOUSING | MAINTENANCE | ARREARS | SOCIAL_NEED | HEALTH | WORK | DOCUMENTS | CONFLICT | OTHER
  passed_to     varchar(20),            -- SOCIAL_SERVICES | ALER | CPI | OTHER; null: handled by the lab
  outcome       varchar(20)  not null,  -- OPEN | IN_PROGRESS | RESOLVED | NOT_RESOLVED
  recorded_by   varchar(64)  not null,
  recorded_at   timestamp with time zone not null,
  updated_by    varchar(64),
  updated_at    timestamp with time zone
);
create index ix_lab_signal_project_day on lab_signal (project_code, raised_on);
create index ix_lab_signal_visit on lab_signal (visit_id);
