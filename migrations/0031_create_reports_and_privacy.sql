-- Seekers' reports about jobs and sessions, the admin queue's decisions, a blacklist of phone numbers
-- that survives re-registration and account deletion, and account deletion itself.

create table reports (
  id bigint generated always as identity primary key,
  reporter_user_id uuid references users (id),
  target_kind text not null check (target_kind in ('job', 'session')),
  job_id uuid references jobs (id),
  session_id uuid references live_sessions (id),
  -- Who the report is about, resolved when it is filed: the job's company, the session's host.
  company_id uuid references companies (id),
  host_user_id uuid references users (id),
  reason text not null check (reason in ('fee_request', 'fake_job', 'harassment', 'other')),
  details text not null default '' check (length(details) <= 2000),
  status text not null default 'open' check (status in ('open', 'resolved', 'dismissed')),
  resolution text,
  resolved_by_user_id uuid references users (id),
  resolved_at timestamptz,
  created_at timestamptz not null default now(),
  check ((target_kind = 'job') = (job_id is not null)),
  check ((target_kind = 'session') = (session_id is not null))
);
create index reports_status_created_at_idx on reports (status, created_at);
-- One open report per reporter and target: filing again is the same report.
create unique index reports_open_job_key on reports (reporter_user_id, job_id) where status = 'open' and job_id is not null;
create unique index reports_open_session_key on reports (reporter_user_id, session_id) where status = 'open' and session_id is not null;

create table moderation_actions (
  id bigint generated always as identity primary key,
  admin_user_id uuid references users (id),
  action text not null check (action in ('suspend_company', 'ban_user', 'unban_user', 'resolve_report', 'dismiss_report')),
  report_id bigint references reports (id),
  company_id uuid references companies (id),
  user_id uuid references users (id),
  reason text not null,
  created_at timestamptz not null default now()
);

create table banned_phones (
  phone text primary key check (phone ~ '^1[3-9][0-9]{9}$'),
  user_id uuid references users (id),
  reason text not null,
  banned_by_user_id uuid references users (id),
  banned_at timestamptz not null default now()
);

-- Account deletion keeps a tombstone row (other tables point at users) with no personal data left in it.
alter table users add column deleted_at timestamptz;

-- A deleted seeker's applications lose their seeker link but keep the analytics snapshot columns.
alter table applications add column anonymised_at timestamptz;
alter table applications drop constraint applications_check;
alter table applications add constraint applications_seeker_link_check
  check (source = 'import' or (job_id is not null and (seeker_user_id is not null or anonymised_at is not null)));
