-- H2 (the embedded database to run and try the system) has no expression indexes: its name search reads the
-- participants of the scope. PostgreSQL gets prefix indexes on lower(first_name) and lower(last_name) in
-- db/vendor/postgresql/V22__participant_name_search.sql.
create index ix_participant_last_name on participant (last_name);
create index ix_participant_first_name on participant (first_name);
