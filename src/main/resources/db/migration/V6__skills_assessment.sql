-- Facts of the programme, written when they happen and keyed by the pseudonymous pathway id (no personal data):
-- each skills assessment (a pathway back from social inclusion is assessed again) and the route it chose.
create table skills_assessment (
  id                        uuid         primary key,
  pathway_id                uuid         not null references pathway (id),
  project_code              varchar(40)  not null references project (code),
  operator_organisation     varchar(40)  not null references organisation (code),
  assessed_at               timestamp with time zone not null,
  orientation_hours         integer      not null,
  ready_for_work            boolean      not null,
  needs_social_support      boolean      not null,
  self_employment_interest  boolean      not null,
  eqf_level                 integer      not null,
  availability              varchar(20)  not null,   -- FULL_TIME | PART_TIME | LIMITED
  route                     varchar(20)  not null    -- LABOUR | SOCIAL_INCLUSION | SELF_EMPLOYMENT
);
create index ix_skills_assessment_pathway on skills_assessment (pathway_id, assessed_at);
create index ix_skills_assessment_project on skills_assessment (project_code, route);

-- Shown on the pathway: the first appointment the operator set, the social services' re-assessment date.
alter table pathway add column first_appointment_date date;
alter table pathway add column reassessment_date date;
