-- The attendance register of a pathway's training: hours attended on a day of a course of its signed plan. Never
-- updated nor deleted: a correction is a new row naming the row it corrects (corrects) with the right hours and a
-- reason. Pseudonymous (pathway id, course codes, staff user ids).
create table attendance_entry (
  id            uuid          primary key,
  pathway_id    uuid          not null references pathway (id),
  project_code  varchar(40)   not null references project (code),
  course_code   varchar(40)   not null,
  attended_on   date          not null,   -- "day" is a reserved word in H2
  hours         numeric(4,1)  not null,
  corrects      uuid          references attendance_entry (id),
  reason        varchar(300),
  recorded_by   varchar(100)  not null,
  recorded_at   timestamp with time zone not null,
  constraint ck_attendance_hours check (hours >= 0 and hours <= 24),
  constraint ck_attendance_correction check (corrects is null or reason is not null)
);
create index ix_attendance_pathway on attendance_entry (pathway_id, course_code, attended_on);
-- one original line per course and day (checked by the application under a lock of the pathway's row: H2, used to
-- run the application, has no partial unique index); corrections are further rows

-- The result of a course when it ends (one row per end: a course attended again after a RETRY gets another row).
create table course_result (
  id                     uuid          primary key,
  pathway_id             uuid          not null references pathway (id),
  course_code            varchar(40)   not null,
  attempt                integer       not null,
  planned_hours          numeric(6,1)  not null,
  attended_hours         numeric(6,1)  not null,
  attendance_rate        numeric(5,2)  not null,   -- percent
  completed              boolean       not null,
  certificate_issued_on  date,
  next_step              varchar(10),              -- RETRY | CONTINUE | CLOSE, when not completed
  retry_until            date,                     -- RETRY: the course's new last day
  decided_at             timestamp with time zone not null,
  constraint uq_course_result unique (pathway_id, course_code, attempt)
);
create index ix_course_result_pathway on course_result (pathway_id);
