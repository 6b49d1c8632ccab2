-- An email given at sign-up becomes the account's only once its inbox confirms it (issue 10: sign-up must not
-- tell whether an email has an account, so every sign-up with an email answers "check your inbox").
create table email_confirmations (
  token_hash text primary key,
  user_id uuid not null references users(id) on delete cascade,
  email text not null check (email = lower(email)),
  expires_at timestamptz not null,
  created_at timestamptz not null default now()
);
create index email_confirmations_user_id_idx on email_confirmations (user_id);
