-- Double enrolment: at the end of the intake, the other pathways of the same person (same fiscal code, any project)
-- that are open or were closed within the programme's look-back (doubleEnrolmentLookbackMonths). A fact of the
-- programme, keyed by the pseudonymous pathway id; of the other pathway only its project, stage, status and closure
-- month are kept (never its id, its participant or anything personal).
create table enrolment_match (
  id                  uuid         primary key,
  pathway_id          uuid         not null references pathway (id),
  project_code        varchar(40)  not null references project (code),
  other_project_code  varchar(40)  not null references project (code),
  other_stage         varchar(40)  not null,
  other_status        varchar(20)  not null,   -- ACTIVE | SUSPENDED | CLOSED
  other_closed_month  varchar(7),              -- yyyy-MM (Europe/Rome) when the other pathway is closed
  found_at            timestamp with time zone not null
);
create index ix_enrolment_match_pathway on enrolment_match (pathway_id);
create index ix_enrolment_match_project on enrolment_match (project_code, found_at);
