-- 连麦: a guest on a browser-studio session's stage. The host invites a viewer who raised a hand (or an HR member of
-- a company with jobs in the session); the guest accepts on a consent screen; the host (or the guest) ends it.
-- The video goes browser to browser and into the host's stream; this is the record of who was on stage and when.
create table stage_guests (
  id bigint generated always as identity primary key,
  session_id uuid not null references live_sessions (id) on delete cascade,
  user_id uuid references users (id) on delete set null,
  name text not null,
  kind text not null check (kind in ('viewer', 'hr')),
  status text not null default 'invited' check (status in ('invited', 'on_stage', 'declined', 'expired', 'ended')),
  invited_at timestamptz not null default now(),
  joined_at timestamptz,
  ended_at timestamptz,
  ended_by uuid references users (id) on delete set null
);
create index stage_guests_session_id_idx on stage_guests (session_id, id);
create index stage_guests_user_id_idx on stage_guests (user_id);
-- One guest at a time: at most one invitation or guest on stage per session.
create unique index stage_guests_active_key on stage_guests (session_id) where status in ('invited', 'on_stage');
