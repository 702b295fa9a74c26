-- The access log browsed by auditors (GET /api/audit/access-log): per participant (ix_access_log_participant), per
-- period (ix_access_log_accessed_at) and per user, each in time order.
create index ix_access_log_user on participant_access_log (user_id, accessed_at);
