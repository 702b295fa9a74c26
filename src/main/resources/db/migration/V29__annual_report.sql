-- The monitoring committee's annual report as published (issue 10): the figures frozen on the day a manager published
-- them (aggregated and suppressed: no person, no pathway id), with who and when; a later correction is a new numbered
-- revision with its reason, the earlier ones kept. Rows are only ever added.
create table annual_report (
  id            uuid          primary key,
  scope         varchar(40)   not null,   -- a project's code, or ALL (every project counted together)
  report_year   integer       not null,
  revision      integer       not null,
  published_by  varchar(64)   not null,
  published_at  timestamp with time zone not null,
  reason        varchar(500),             -- why a revision corrects the previous one (null for the first)
  content       text          not null,   -- the report as published, JSON
  constraint uq_annual_report unique (scope, report_year, revision)
);
