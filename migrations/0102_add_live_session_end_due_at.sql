-- The end of a live session whose encoder stopped is a row, not a timer in one node's memory: any node ends
-- it when due (the one that got on_publish_done may have died), and a publish received by another node
-- cancels it (before, the first node's timer ended a session its encoder had come back to).
alter table live_sessions add column end_due_at timestamptz;
create index live_sessions_end_due_at_idx on live_sessions (end_due_at) where end_due_at is not null;
