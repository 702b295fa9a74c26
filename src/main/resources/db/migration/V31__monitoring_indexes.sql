-- The monitoring gauges' two counts (MonitoringGauges, every 30 s on each node) read only what they count. Portable
-- SQL: PostgreSQL and H2.
-- Open pathways by stage: an index-only scan of the open ones, not a scan of every pathway (two thirds closed in a
-- programme's later years).
create index ix_pathway_status_stage on pathway (status, stage);
-- Overdue open deadlines: a range of the open ones by due moment. ix_deadline_project_open leads with the project, so
-- a count over every project read the whole table (about 4 rows per pathway).
create index ix_deadline_state_due on deadline (state, due_at);
