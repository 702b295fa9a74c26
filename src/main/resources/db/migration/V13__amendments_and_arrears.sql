-- The share of a pathway's participation indemnity sent to the household's rent arrears (a project's pact of
-- reciprocity, programme parameter indemnityArrearsShare): one row each time a course's result is decided and the
-- indemnity accrued since the previous row is more than 0; ALER (the project's ALER partner, housing_organisation)
-- registers the reduction (registered_on, registered_by). Cancelled when the pathway is withdrawn or interrupted before
-- ALER registered it. Pseudonymous (pathway id, organisation codes, staff user ids), for reporting in SQL.
create table arrears_reduction (
  id                    uuid          primary key,
  pathway_id            uuid          not null references pathway (id),
  project_code          varchar(40)   not null references project (code),
  course_code           varchar(40)   not null,
  course_attempt        integer       not null,
  period_from           date          not null,
  period_to             date          not null,
  indemnity             numeric(10,2) not null,   -- the indemnity accrued on the course in its period
  share                 varchar(20)   not null,   -- the project's indemnityArrearsShare then, e.g. 1/3
  amount                numeric(10,2) not null,   -- the part of it that reduces the arrears
  housing_organisation  varchar(40)   not null,
  computed_at           timestamp with time zone not null,
  registered_on         date,
  registered_by         varchar(100),
  cancelled_at          timestamp with time zone,
  constraint ck_arrears_reduction_amount check (amount > 0 and amount <= indemnity)
);
create index ix_arrears_reduction_pathway on arrears_reduction (pathway_id, computed_at);
create index ix_arrears_reduction_project on arrears_reduction (project_code, registered_on);

-- A plan version written to amend a signed plan names the version it amends; a version is current when it is the
-- latest SIGNED one (or, before the first signature, the latest one).
alter table plan_version add column amends integer;
-- An amendment not signed within its deadline LAPSES; one still pending when the pathway closes is CANCELLED. The signed
-- version stays current in both cases.
alter table plan_version drop constraint ck_plan_version_status;
alter table plan_version add constraint ck_plan_version_status
  check (status in ('DRAFT', 'SUBMITTED', 'APPROVED', 'REJECTED', 'SIGNED', 'LAPSED', 'CANCELLED'));
