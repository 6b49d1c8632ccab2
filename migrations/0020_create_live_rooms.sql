-- Live rooms: who scheduled a session, its secret stream key, bookings (预约), the pinned job card (讲解中),
-- chat with moderation and a word filter that can grow, recordings for replay, and the idempotency keys
-- of one-tap applications.

alter table live_sessions
  add column created_by uuid references users (id),
  add column pinned_job_id uuid references jobs (id),
  add column like_count bigint not null default 0,
  add column peak_viewers integer not null default 0;

-- The host console shows the key (copy button), so it is kept as issued, in its own table that only the
-- stream-key queries read; it never appears in logs or in the session's public shape.
create table live_session_stream_keys (
  session_id uuid primary key references live_sessions (id) on delete cascade,
  secret text not null check (length(secret) >= 24),
  rotated_at timestamptz not null default now()
);

create table live_session_bookings (
  session_id uuid not null references live_sessions (id) on delete cascade,
  user_id uuid not null references users (id) on delete cascade,
  created_at timestamptz not null default now(),
  notified_at timestamptz,
  primary key (session_id, user_id)
);
create index live_session_bookings_user_id_idx on live_session_bookings (user_id);

-- Chat is stored as plain text; clients render it as text, never as HTML.
create table live_chat_messages (
  id uuid primary key,
  session_id uuid not null references live_sessions (id) on delete cascade,
  user_id uuid not null references users (id),
  display_name text not null,
  text text not null check (length(text) between 1 and 200),
  created_at timestamptz not null default now(),
  deleted_at timestamptz,
  deleted_by uuid references users (id)
);
create index live_chat_messages_session_id_created_at_idx on live_chat_messages (session_id, created_at);

-- Mutes (chat only, optionally until a time) and bans (out of the room) per session.
create table live_session_restrictions (
  session_id uuid not null references live_sessions (id) on delete cascade,
  user_id uuid not null references users (id) on delete cascade,
  kind text not null check (kind in ('mute', 'ban')),
  until timestamptz,
  reason text not null default '',
  created_by uuid not null references users (id),
  created_at timestamptz not null default now(),
  primary key (session_id, user_id, kind)
);

-- 'block' refuses the message; 'mask' replaces the word with ***.
create table chat_word_filters (
  id bigint generated always as identity primary key,
  word text not null unique check (length(word) between 1 and 50),
  action text not null default 'block' check (action in ('block', 'mask')),
  created_by uuid references users (id),
  created_at timestamptz not null default now()
);
insert into chat_word_filters (word, action) values
  ('押金', 'block'), ('培训贷', 'block'), ('招转培', 'block'), ('刷单', 'block'), ('代办贷款', 'block'),
  ('加微信', 'mask'), ('加我微信', 'mask'), ('私聊', 'mask'), ('傻逼', 'mask'), ('操你', 'mask');

create table live_recordings (
  id bigint generated always as identity primary key,
  session_id uuid not null references live_sessions (id) on delete cascade,
  file_name text not null,
  format text not null check (format in ('flv', 'mp4')),
  bytes bigint not null default 0,
  started_at timestamptz not null,
  ended_at timestamptz not null,
  created_at timestamptz not null default now(),
  unique (session_id, file_name)
);

-- A client's retry of the same tap (same key) returns the same application.
create table application_requests (
  seeker_user_id uuid not null references users (id) on delete cascade,
  idempotency_key text not null check (length(idempotency_key) between 8 and 100),
  application_id bigint not null references applications (id) on delete cascade,
  job_id uuid not null references jobs (id),
  created_at timestamptz not null default now(),
  primary key (seeker_user_id, idempotency_key)
);

-- The session funnel's first steps: who was in the room, who opened which job card (guests count by id).
create table live_session_viewers (
  session_id uuid not null references live_sessions (id) on delete cascade,
  viewer_key text not null,
  user_id uuid references users (id) on delete set null,
  first_joined_at timestamptz not null default now(),
  primary key (session_id, viewer_key)
);

create table live_job_card_opens (
  session_id uuid not null references live_sessions (id) on delete cascade,
  job_id uuid not null references jobs (id),
  viewer_key text not null,
  opened_at timestamptz not null default now(),
  primary key (session_id, job_id, viewer_key)
);
