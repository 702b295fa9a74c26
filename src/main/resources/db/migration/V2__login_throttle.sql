-- Failed logins, per source address and user id (key 'u:<address>|<user>') and per source address ('a:<address>'):
-- a growing delay after a few failures, never a permanent lock. Shared by every node; an admin sees and clears them.
create table login_throttle (
  throttle_key     varchar(320) primary key,
  failures         integer      not null,
  last_failure_at  timestamp with time zone not null,
  blocked_until    timestamp with time zone
);
create index ix_login_throttle_blocked_until on login_throttle (blocked_until);
