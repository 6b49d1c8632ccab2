-- "if not exists": this file was 0100_create_api_tokens for a minute on main (renumbered after a clash).
-- API tokens (issue 13, integrations): made by an employer for its company or a bureau for its province, read or
-- write, shown once and stored as a SHA-256 hash; used as `Authorization: Bearer jc_…`.
create table if not exists api_tokens (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  token_hash text not null unique,
  -- The first characters of the token, to tell tokens apart in the console (not enough to use one).
  token_prefix text not null,
  access text not null check (access in ('read', 'write')),
  created_by_user_id uuid not null references users(id) on delete cascade,
  company_id uuid references companies(id) on delete cascade,
  province_code text,
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  revoked_at timestamptz,
  check ((company_id is null) <> (province_code is null))
);
create index if not exists api_tokens_company_id_idx on api_tokens (company_id) where company_id is not null;
create index if not exists api_tokens_province_code_idx on api_tokens (province_code) where province_code is not null;
