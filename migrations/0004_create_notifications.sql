-- Durable in-app notifications; the realtime layer pushes each new one to its user's open sockets.
create table notifications (
  id bigint generated always as identity primary key,
  user_id uuid not null references users (id) on delete cascade,
  kind text not null,
  title text not null,
  body text not null default '',
  link text,
  payload jsonb not null default '{}',
  created_at timestamptz not null default now(),
  read_at timestamptz
);
create index notifications_user_id_created_at_idx on notifications (user_id, created_at desc);
