-- The participation indemnity each course's result accrues (ADR 0032): one row per course and attempt, written by
-- Task_CourseIndemnity of training right after the result is decided (a retried job finds its row: unique key).
-- accrued is what the result adds to the pathway's payable indemnity: the course's hours at the project's
-- indemnityHourlyRate up to the plan's cap, less (or negative) when a line of an earlier course was corrected
-- meanwhile; cumulative_payable is the pathway's payable indemnity then, so a pathway's rows always add up to its
-- latest cumulative_payable. Pseudonymous (pathway id, project and course codes, amounts), for reporting in SQL
-- ("indemnity accrued per project", by time).
create table indemnity_accrual (
  id                  uuid          primary key,
  pathway_id          uuid          not null references pathway (id),
  project_code        varchar(40)   not null references project (code),
  course_code         varchar(40)   not null,
  attempt             integer       not null,
  accrued             numeric(10,2) not null,
  cumulative_payable  numeric(10,2) not null,
  computed_at         timestamp with time zone not null,
  constraint uq_indemnity_accrual unique (pathway_id, course_code, attempt)
);
create index ix_indemnity_accrual_project on indemnity_accrual (project_code, computed_at);
