-- 关注: a person follows a company or a host and hears when it goes live or schedules a session.
create table follows (
  id bigint generated always as identity primary key,
  follower_user_id uuid not null references users (id) on delete cascade,
  company_id uuid references companies (id) on delete cascade,
  host_user_id uuid references users (id) on delete cascade,
  created_at timestamptz not null default now(),
  check ((company_id is null) <> (host_user_id is null))
);
create unique index follows_company_idx on follows (company_id, follower_user_id) where company_id is not null;
create unique index follows_host_idx on follows (host_user_id, follower_user_id) where host_user_id is not null;
create index follows_follower_idx on follows (follower_user_id, created_at desc);
