-- Facts the funnel report counts that no table held yet (ADR 0023), written when they happen, keyed by the
-- pseudonymous pathway id, no personal data. Portable SQL: PostgreSQL and H2.

-- Every stage a pathway entered, once, with the first time it did (a pathway that comes back to a stage keeps its
-- first entry): "reached the internship stage" is a row here, whatever the pathway did afterwards. Written by every
-- stage change of the pathway record, so the stages still to be built are recorded without further code.
create table pathway_stage (
  pathway_id    uuid         not null references pathway (id),
  stage         varchar(40)  not null,
  entered_at    timestamp with time zone not null,
  primary key (pathway_id, stage)
);
create index ix_pathway_stage_stage on pathway_stage (stage, pathway_id);

-- Pathways recorded before this table: the stage they stand in now (closed ones: the stage they were closed in,
-- unless the closure overwrote it), entered when they were created (the best date known).
insert into pathway_stage (pathway_id, stage, entered_at)
select id, stage, created_at from pathway where stage <> 'CLOSED';

-- The eligibility screening of a pathway: what the decision said at the end of the intake (screening_outcome:
-- ELIGIBLE | TO_VERIFY | INELIGIBLE) and how the screening ended (outcome: ELIGIBLE | INELIGIBLE, null while the CPI
-- verifies or documents are awaited).
create table eligibility_screening (
  id                 uuid         primary key,
  pathway_id         uuid         not null references pathway (id),
  project_code       varchar(40)  not null references project (code),
  screened_at        timestamp with time zone not null,
  screening_outcome  varchar(12)  not null,
  outcome            varchar(12),
  concluded_at       timestamp with time zone,
  constraint ck_eligibility_screening_outcome check (screening_outcome in ('ELIGIBLE', 'TO_VERIFY', 'INELIGIBLE')),
  constraint ck_eligibility_outcome check (outcome is null or outcome in ('ELIGIBLE', 'INELIGIBLE'))
);
create index ix_eligibility_screening_pathway on eligibility_screening (pathway_id, screened_at);

-- Its reasons, one row each: the items the CPI had to verify (kind TO_VERIFY: NO_DID, NASPI, ...) and the reasons of an
-- ineligible conclusion (kind INELIGIBLE: EMPLOYED, NOT_RESIDENT, NASPI, DOCUMENTS_MISSING, ...).
create table eligibility_reason (
  screening_id  uuid         not null references eligibility_screening (id),
  kind          varchar(12)  not null,
  reason        varchar(40)  not null,
  primary key (screening_id, kind, reason),
  constraint ck_eligibility_reason_kind check (kind in ('TO_VERIFY', 'INELIGIBLE'))
);

-- The report selects a project's pathways registered in a period, then counts their facts by pathway id.
create index ix_pathway_project_created on pathway (project_code, created_at);
create index ix_plan_version_pathway on plan_version (pathway_id, status);
create index ix_course_result_completed on course_result (pathway_id, course_code, completed);
