-- The recruitment pipeline after an application exists: its history (every transition, attributed and
-- timestamped, undo recorded as its own event), the current interview / start date, notes, the audit
-- log of who unmasked which phone number, consent before a lead is handed to another company, the
-- durable 7-day checks. (The session funnel's viewers and job-card opens are the live module's tables,
-- live_session_viewers and live_job_card_opens of 0020.)

-- The state machine's vocabulary (server/src/modules/pipeline/pipeline-state.ts) is the only one allowed.
alter table applications add constraint applications_status_check check (status in (
  'submitted', 'viewed', 'contacted', 'interview', 'hired', 'onboarded',
  'stayed_7_days', 'left_within_7_days', 'rejected', 'withdrawn'
));

-- Everything about the current stage that is not the status itself; one row once anything has happened.
create table application_progress (
  application_id bigint primary key references applications (id) on delete cascade,
  interview_at timestamptz,
  interview_place text,
  interview_video_url text,
  interview_response text check (interview_response in ('pending', 'accepted', 'declined')),
  start_date date,
  closing_reason text,
  status_changed_at timestamptz not null default now()
);

-- Append-only history. An undo is an event of its own that names the event it reverts; an event is
-- "effective" when no undo names it. state_before is what the undo restores.
create table application_events (
  id bigint generated always as identity primary key,
  application_id bigint not null references applications (id) on delete cascade,
  action text not null check (action in (
    'view', 'contact', 'schedule_interview', 'accept_interview', 'decline_interview', 'hire', 'onboard',
    'confirm_stay', 'record_left', 'reject', 'withdraw', 'undo'
  )),
  from_status text not null,
  to_status text not null,
  actor_user_id uuid references users (id),
  actor_role text not null check (actor_role in ('employer', 'seeker', 'admin', 'system')),
  reason text,
  details jsonb not null default '{}',
  state_before jsonb not null,
  undoes_event_id bigint references application_events (id),
  occurred_at timestamptz not null default now(),
  check ((action = 'undo') = (undoes_event_id is not null))
);
create index application_events_application_id_idx on application_events (application_id, id);
create unique index application_events_undoes_event_id_key on application_events (undoes_event_id) where undoes_event_id is not null;
create index application_events_action_occurred_at_idx on application_events (action, occurred_at);

create table application_notes (
  id bigint generated always as identity primary key,
  application_id bigint not null references applications (id) on delete cascade,
  author_user_id uuid references users (id),
  body text not null check (length(body) between 1 and 2000),
  created_at timestamptz not null default now()
);
create index application_notes_application_id_idx on application_notes (application_id, id);

-- Who saw which phone number, when (shown to the seeker).
create table phone_unmask_log (
  id bigint generated always as identity primary key,
  application_id bigint not null references applications (id) on delete cascade,
  viewer_user_id uuid references users (id),
  viewer_company_id uuid references companies (id),
  unmasked_at timestamptz not null default now()
);
create index phone_unmask_log_application_id_idx on phone_unmask_log (application_id);

-- PIPL art. 23: a host or an agency hands a lead to another company only after the seeker says yes.
create table lead_handoffs (
  id bigint generated always as identity primary key,
  application_id bigint not null references applications (id) on delete cascade,
  recipient_company_id uuid not null references companies (id),
  requested_by_user_id uuid references users (id),
  requested_by_role text not null check (requested_by_role in ('host', 'employer')),
  purpose text not null check (length(purpose) between 1 and 500),
  status text not null default 'pending' check (status in ('pending', 'granted', 'refused')),
  requested_at timestamptz not null default now(),
  decided_at timestamptz,
  check ((status = 'pending') = (decided_at is null))
);
create unique index lead_handoffs_application_recipient_key on lead_handoffs (application_id, recipient_company_id);
create index lead_handoffs_recipient_company_id_idx on lead_handoffs (recipient_company_id) where status = 'granted';

-- Durable tasks (the 7-day check), found by due date: no in-memory timer is the source of truth.
create table pipeline_tasks (
  id bigint generated always as identity primary key,
  kind text not null check (kind in ('seven_day_check')),
  application_id bigint not null references applications (id) on delete cascade,
  company_id uuid references companies (id),
  due_on date not null,
  created_at timestamptz not null default now(),
  notified_at timestamptz,
  completed_at timestamptz,
  completed_by_user_id uuid references users (id),
  cancelled_at timestamptz
);
create unique index pipeline_tasks_open_key on pipeline_tasks (kind, application_id) where completed_at is null and cancelled_at is null;
create index pipeline_tasks_company_due_idx on pipeline_tasks (company_id, due_on) where completed_at is null and cancelled_at is null;
