-- Staff search pathways by the start of a first or last name, case-insensitively
-- (PathwayListQueries.search: lower(first_name) like 'ros%'). These expression indexes let PostgreSQL answer it
-- without reading every participant; text_pattern_ops makes a prefix LIKE use the index whatever the collation.
create index ix_participant_last_name_prefix on participant (lower(last_name) text_pattern_ops);
create index ix_participant_first_name_prefix on participant (lower(first_name) text_pattern_ops);
