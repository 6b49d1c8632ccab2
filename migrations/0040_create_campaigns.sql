-- Campaigns (活动, e.g. 春风行动): a bureau or an admin groups live sessions under a named, dated campaign,
-- optionally for a region (a province, or a city in it). A session belongs to at most one campaign; the
-- outcome figures group by it (pipeline/outcomes.repository.ts).

create table campaigns (
  id uuid primary key default gen_random_uuid(),
  name text not null check (length(btrim(name)) between 2 and 60),
  description text not null default '' check (length(description) <= 2000),
  -- The bureau or admin account that created it (the organiser shown to seekers).
  organiser_user_id uuid not null references users (id),
  province_code text references provinces (code),
  city_code text references cities (code),
  -- China calendar dates, both included.
  starts_on date not null,
  ends_on date not null,
  is_synthetic boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (ends_on >= starts_on),
  check (city_code is null or province_code is not null)
);
-- A double-submitted form makes one campaign: the same organiser, name and start date is the same campaign.
create unique index campaigns_organiser_name_start_key on campaigns (organiser_user_id, name, starts_on);
create index campaigns_province_code_idx on campaigns (province_code);
create index campaigns_ends_on_idx on campaigns (ends_on);

alter table live_sessions add column campaign_id uuid references campaigns (id);
create index live_sessions_campaign_id_idx on live_sessions (campaign_id);
