-- Failed sign-ins per account (per login text when no account has it, so a lockout does not tell which
-- logins exist). Kept in the database so that every node of a deployment sees the same count: after
-- `sign-in-account` failures the account is locked for a while that doubles with each further failure,
-- and its owner is told once per series. A sign-in that succeeds deletes the row.
create table sign_in_lockouts (
  key text primary key,
  user_id uuid references users (id) on delete cascade,
  failures integer not null,
  last_failed_at timestamptz not null,
  locked_until timestamptz
);
create index sign_in_lockouts_user_id_idx on sign_in_lockouts (user_id);
