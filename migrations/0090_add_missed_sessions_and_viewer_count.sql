-- Honest session states and the live viewer count on session cards.
-- 'missed' (未开播): a scheduled session whose host never went live within LIVE_MISSED_AFTER_MINUTES of its
-- start; it is not counted as held (analytics count 'live' and 'ended' only) and can no longer publish.
-- viewer_count: the viewers in the room at the last realtime flush (0 when not live), for the cards.
alter table live_sessions drop constraint if exists live_sessions_status_check;
alter table live_sessions add constraint live_sessions_status_check check (status in ('scheduled', 'live', 'ended', 'missed'));
alter table live_sessions add column viewer_count integer not null default 0;
