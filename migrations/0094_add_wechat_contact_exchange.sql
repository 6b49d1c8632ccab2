-- 交换微信 (issue 8): the seeker keeps a WeChat ID (微信号) in the quick profile; a contact request, a consent
-- and a logged look each say which contact they are about ('phone' as before, or 'wechat'). One pending
-- request per conversation and kind; one active consent per seeker, company and kind.

alter table seeker_profiles add column wechat_id text
  check (wechat_id ~ '^([A-Za-z][A-Za-z0-9_-]{5,19}|1[3-9][0-9]{9})$');

alter table conversation_contact_requests add column kind text not null default 'phone' check (kind in ('phone', 'wechat'));
drop index conversation_contact_requests_pending_key;
create unique index conversation_contact_requests_pending_key on conversation_contact_requests (conversation_id, kind) where status = 'pending';

alter table contact_consents add column kind text not null default 'phone' check (kind in ('phone', 'wechat'));
drop index contact_consents_active_idx;
create index contact_consents_active_idx on contact_consents (seeker_user_id, company_id, kind) where withdrawn_at is null;

alter table phone_unmask_log add column kind text not null default 'phone' check (kind in ('phone', 'wechat'));
