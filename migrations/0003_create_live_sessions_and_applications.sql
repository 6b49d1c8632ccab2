-- Live sessions and applications. Every application keeps what the analytics need as it was when it was
-- sent (the seeker's home city then, the job's city, category, industry and company), so figures never
-- change when a profile or a job is edited later, and applications imported from other channels (no
-- job or seeker row here) count the same way.

create table live_sessions (
  id uuid primary key default gen_random_uuid(),
  title text not null,
  host_user_id uuid not null references users (id),
  starts_at timestamptz not null,
  status text not null default 'scheduled' check (status in ('scheduled', 'live', 'ended')),
  cover_text text not null default '',
  province_code text references provinces (code),
  city_code text references cities (code),
  went_live_at timestamptz,
  ended_at timestamptz,
  is_synthetic boolean not null default false,
  created_at timestamptz not null default now()
);
create index live_sessions_status_starts_at_idx on live_sessions (status, starts_at);
create index live_sessions_host_user_id_idx on live_sessions (host_user_id);

create table live_session_jobs (
  session_id uuid not null references live_sessions (id) on delete cascade,
  job_id uuid not null references jobs (id),
  position integer not null default 0,
  primary key (session_id, job_id)
);

create table applications (
  id bigint generated always as identity primary key,
  job_id uuid references jobs (id),
  seeker_user_id uuid references users (id),
  session_id uuid references live_sessions (id),
  source text not null check (source in ('live', 'replay', 'job_page', 'import')),
  status text not null default 'submitted',
  applied_at timestamptz not null default now(),
  seeker_city_code text not null references cities (code),
  job_city_code text not null references cities (code),
  category_code text not null references job_categories (code),
  industry_code text not null references industries (code),
  company_id uuid references companies (id),
  hired_at timestamptz,
  is_synthetic boolean not null default false,
  check (source = 'import' or (job_id is not null and seeker_user_id is not null))
);
-- One application per seeker and job, however often the button is pressed.
create unique index applications_job_seeker_key on applications (job_id, seeker_user_id) where seeker_user_id is not null;
create index applications_applied_at_idx on applications (applied_at);
create index applications_session_id_idx on applications (session_id);
create index applications_company_id_idx on applications (company_id);
