-- The audit record is append-only (ADR 0035): PostgreSQL refuses any update or delete of audit_event, whoever asks
-- (the application's own user included). Removing events would take dropping this trigger, which the verification
-- of the chains then shows as a broken chain. H2 (demo only) has no such trigger.
create function audit_event_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_event is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end;
$$;

create trigger audit_event_no_update_or_delete
  before update or delete on audit_event
  for each row execute function audit_event_append_only();

create trigger audit_event_no_truncate
  before truncate on audit_event
  for each statement execute function audit_event_append_only();
