-- 远程面试: each video interview held in the platform's own room (/interviews/:applicationId). The video goes
-- browser to browser and is never stored; this is the record the application's history shows: when the call
-- started (the first join), when the employer ended it, and who joined.
create table video_interviews (
  id bigint generated always as identity primary key,
  application_id bigint not null references applications (id) on delete cascade,
  started_at timestamptz not null default now(),
  ended_at timestamptz,
  ended_by uuid references users (id) on delete set null,
  -- [{ "userId", "name", "side": "seeker" | "employer", "joinedAt" }], one entry per person.
  participants jsonb not null default '[]'
);
create index video_interviews_application_id_idx on video_interviews (application_id, id);
-- At most one open call per application.
create unique index video_interviews_open_key on video_interviews (application_id) where ended_at is null;
