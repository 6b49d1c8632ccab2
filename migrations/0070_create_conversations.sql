-- 1:1 conversations (沟通) between a seeker and the company behind a job, or the host of the session a lead
-- came from; their messages, read pointers, contact-exchange requests, blocks and quick replies; and the
-- seeker's consent to show the full phone number to a company (the only thing that unmasks it).

create table conversations (
  id bigint generated always as identity primary key,
  kind text not null check (kind in ('company', 'host')),
  seeker_user_id uuid not null references users (id),
  job_id uuid not null references jobs (id),
  -- The company behind the job (every member answers) or the host of the lead's session.
  company_id uuid references companies (id),
  host_user_id uuid references users (id),
  application_id bigint references applications (id) on delete set null,
  created_at timestamptz not null default now(),
  last_message_at timestamptz,
  -- Read receipts: the last message each side has read (0 = none).
  seeker_last_read_id bigint not null default 0,
  counterpart_last_read_id bigint not null default 0,
  -- An offline notification is sent once per side until that side reads again.
  seeker_notified_at timestamptz,
  counterpart_notified_at timestamptz,
  check ((kind = 'company') = (company_id is not null)),
  check ((kind = 'host') = (host_user_id is not null))
);
create unique index conversations_company_key on conversations (seeker_user_id, job_id) where kind = 'company';
create unique index conversations_host_key on conversations (seeker_user_id, job_id, host_user_id) where kind = 'host';
create index conversations_company_idx on conversations (company_id, last_message_at desc) where company_id is not null;
create index conversations_host_idx on conversations (host_user_id, last_message_at desc) where host_user_id is not null;
create index conversations_seeker_idx on conversations (seeker_user_id, last_message_at desc);

create table conversation_messages (
  id bigint generated always as identity primary key,
  conversation_id bigint not null references conversations (id) on delete cascade,
  sender_user_id uuid references users (id),
  sender_role text not null check (sender_role in ('seeker', 'employer', 'host', 'system')),
  kind text not null default 'text' check (kind in ('text', 'tip', 'job_card', 'interview', 'contact_request', 'contact_decision')),
  body text not null check (length(body) <= 2000),
  payload jsonb not null default '{}',
  -- A client's key per message: a resent message (lost ack, reconnect) is stored once.
  client_key text check (length(client_key) <= 100),
  sent_at timestamptz not null default now()
);
create index conversation_messages_conversation_idx on conversation_messages (conversation_id, id);
create unique index conversation_messages_client_key on conversation_messages (conversation_id, sender_user_id, client_key) where client_key is not null;

-- 交换电话: the employer asks in the conversation, the seeker accepts or refuses.
create table conversation_contact_requests (
  id bigint generated always as identity primary key,
  conversation_id bigint not null references conversations (id) on delete cascade,
  requested_by_user_id uuid references users (id),
  status text not null default 'pending' check (status in ('pending', 'accepted', 'refused')),
  requested_at timestamptz not null default now(),
  decided_at timestamptz,
  check ((status = 'pending') = (decided_at is null))
);
create unique index conversation_contact_requests_pending_key on conversation_contact_requests (conversation_id) where status = 'pending';

-- Either side blocks the other: the pair (seeker × company, or seeker × host) exchanges no more messages.
create table conversation_blocks (
  id bigint generated always as identity primary key,
  seeker_user_id uuid not null references users (id),
  company_id uuid references companies (id),
  host_user_id uuid references users (id),
  blocked_by text not null check (blocked_by in ('seeker', 'counterpart')),
  blocker_user_id uuid references users (id),
  created_at timestamptz not null default now(),
  check ((company_id is null) <> (host_user_id is null))
);
create unique index conversation_blocks_pair_key on conversation_blocks (seeker_user_id, coalesce(company_id, host_user_id), blocked_by);

-- 常用语: an employer's or host's own quick replies (defaults until edited).
create table conversation_quick_replies (
  user_id uuid primary key references users (id) on delete cascade,
  replies jsonb not null,
  updated_at timestamptz not null default now()
);

-- The seeker's consent to show the full number to a company: at apply time (允许企业查看我的手机号) or by
-- accepting a contact request. Withdrawn consent stops later looks; earlier looks stay in the log.
create table contact_consents (
  id bigint generated always as identity primary key,
  seeker_user_id uuid not null references users (id),
  company_id uuid not null references companies (id),
  source text not null check (source in ('apply', 'conversation')),
  application_id bigint references applications (id) on delete set null,
  contact_request_id bigint references conversation_contact_requests (id) on delete set null,
  granted_at timestamptz not null default now(),
  withdrawn_at timestamptz
);
create index contact_consents_active_idx on contact_consents (seeker_user_id, company_id) where withdrawn_at is null;

-- Every look at a full number, also from a conversation (which may have no application yet).
alter table phone_unmask_log alter column application_id drop not null;
alter table phone_unmask_log add column seeker_user_id uuid references users (id);
alter table phone_unmask_log add column conversation_id bigint references conversations (id) on delete set null;
update phone_unmask_log l set seeker_user_id = a.seeker_user_id from applications a where a.id = l.application_id;
create index phone_unmask_log_seeker_idx on phone_unmask_log (seeker_user_id) where seeker_user_id is not null;

-- A conversation can be reported (the admin queue gets the messages as evidence, kept after deletion).
alter table reports add column conversation_id bigint references conversations (id) on delete set null;
alter table reports add column evidence jsonb;
alter table reports drop constraint reports_target_kind_check;
alter table reports add constraint reports_target_kind_check check (target_kind in ('job', 'session', 'company', 'conversation'));
create unique index reports_open_conversation_key on reports (reporter_user_id, conversation_id) where status = 'open' and target_kind = 'conversation';
