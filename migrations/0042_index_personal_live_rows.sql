-- A person's own rows in the live tables, found without scanning whole tables: the data download and account
-- deletion (privacy module) look them up by user, and live_session_viewers / live_job_card_opens grow with
-- every viewer of every session.
create index live_session_viewers_viewer_key_idx on live_session_viewers (viewer_key);
create index live_session_viewers_user_id_idx on live_session_viewers (user_id) where user_id is not null;
create index live_job_card_opens_viewer_key_idx on live_job_card_opens (viewer_key);
create index live_chat_messages_user_id_idx on live_chat_messages (user_id);
create index live_session_restrictions_user_id_idx on live_session_restrictions (user_id);
