-- Webhooks (issue 13, integrations): a company (its employers) or a province (its bureau) registers URLs for events.
-- The outbox (webhook_events + webhook_deliveries) is written in the same transaction as the change it tells of;
-- a worker on any node claims due deliveries with FOR UPDATE SKIP LOCKED and sends them (docs/INTEGRATIONS.md).
create table webhooks (
  id uuid primary key default gen_random_uuid(),
  url text not null,
  events text[] not null,
  -- The signing secret: AES-256-GCM under WEBHOOK_ENCRYPTION_KEY when it is set ('aes256gcm:…'), as is otherwise
  -- ('plain:…'); it must stay readable to sign, so it cannot be hashed as API tokens are.
  secret text not null,
  created_by_user_id uuid not null references users(id) on delete cascade,
  company_id uuid references companies(id) on delete cascade,
  province_code text,
  created_at timestamptz not null default now(),
  disabled_at timestamptz,
  check ((company_id is null) <> (province_code is null))
);
create index webhooks_company_id_idx on webhooks (company_id) where company_id is not null;
create index webhooks_province_code_idx on webhooks (province_code) where province_code is not null;

-- One row per event that had a subscriber when it happened. No personal data: the payload's application and
-- session are read when it is sent, under the consent rules of that moment.
create table webhook_events (
  id bigint generated always as identity primary key,
  public_id uuid not null unique default gen_random_uuid(),
  type text not null,
  application_id bigint references applications(id) on delete cascade,
  session_id uuid references live_sessions(id) on delete cascade,
  -- What the change was (statuses, action, start date, outcome): fixed when it happened.
  facts jsonb not null default '{}',
  created_at timestamptz not null default now()
);

create table webhook_deliveries (
  id bigint generated always as identity primary key,
  webhook_id uuid not null references webhooks(id) on delete cascade,
  event_id bigint not null references webhook_events(id) on delete cascade,
  -- 'application:<id>' or 'session:<id>': a delivery waits while an earlier one of the same key and webhook is pending.
  ordering_key text not null,
  status text not null default 'pending' check (status in ('pending', 'delivered', 'failed')),
  attempts integer not null default 0,
  next_attempt_at timestamptz not null default now(),
  give_up_at timestamptz not null,
  last_attempt_at timestamptz,
  last_status_code integer,
  last_response_excerpt text,
  last_duration_ms integer,
  last_error text,
  delivered_at timestamptz,
  unique (webhook_id, event_id)
);
create index webhook_deliveries_due_idx on webhook_deliveries (next_attempt_at) where status = 'pending';
create index webhook_deliveries_order_idx on webhook_deliveries (webhook_id, ordering_key, event_id) where status = 'pending';
create index webhook_deliveries_webhook_idx on webhook_deliveries (webhook_id, id desc);
