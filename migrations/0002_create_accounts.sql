-- Accounts, sessions, companies, seeker profiles and jobs: the foundation.

create table companies (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  credit_code text not null unique check (credit_code ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'),
  city_code text not null references cities (code),
  industry_code text not null references industries (code),
  account_type text not null check (account_type in ('direct', 'agency', 'dispatch', 'public')),
  hr_licence_number text,
  status text not null default 'pending' check (status in ('pending', 'verified', 'rejected', 'suspended')),
  review_reason text,
  reviewed_by uuid,
  reviewed_at timestamptz,
  is_synthetic boolean not null default false,
  created_at timestamptz not null default now(),
  check (account_type not in ('agency', 'dispatch') or hr_licence_number is not null)
);
create index companies_status_idx on companies (status);

create table users (
  id uuid primary key default gen_random_uuid(),
  email text unique check (email = lower(email)),
  phone text unique check (phone ~ '^1[3-9][0-9]{9}$'),
  password_hash text not null,
  display_name text not null,
  role text not null check (role in ('seeker', 'employer', 'host', 'bureau', 'admin')),
  company_id uuid references companies (id),
  province_code text references provinces (code),
  is_synthetic boolean not null default false,
  banned_at timestamptz,
  created_at timestamptz not null default now(),
  check (email is not null or phone is not null)
);
create index users_company_id_idx on users (company_id);

alter table companies add constraint companies_reviewed_by_fkey foreign key (reviewed_by) references users (id);

create table auth_sessions (
  token_hash text primary key,
  user_id uuid not null references users (id) on delete cascade,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index auth_sessions_user_id_idx on auth_sessions (user_id);

create table seeker_profiles (
  user_id uuid primary key references users (id) on delete cascade,
  name text not null,
  phone text not null check (phone ~ '^1[3-9][0-9]{9}$'),
  home_city_code text not null references cities (code),
  current_city_code text references cities (code),
  desired_categories text[] not null default '{}',
  experience text,
  skills text,
  updated_at timestamptz not null default now()
);

create table jobs (
  id uuid primary key default gen_random_uuid(),
  company_id uuid not null references companies (id),
  title text not null,
  category_code text not null references job_categories (code),
  industry_code text not null references industries (code),
  city_code text not null references cities (code),
  pay_monthly_min integer check (pay_monthly_min > 0),
  pay_monthly_max integer check (pay_monthly_max > 0),
  pay_hourly numeric(8, 2) check (pay_hourly > 0),
  is_daily_pay boolean not null default false,
  shift_pattern text not null,
  housing text not null check (housing in ('none', 'dormitory', 'couple_room')),
  meals text not null check (meals in ('none', 'free', 'allowance')),
  headcount integer not null check (headcount > 0),
  requirements text not null default '',
  benefits text not null default '',
  description text not null default '',
  valid_from date not null,
  valid_until date not null,
  status text not null default 'open' check (status in ('open', 'closed')),
  created_by uuid references users (id),
  is_synthetic boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (pay_monthly_min is not null or pay_hourly is not null),
  check (pay_monthly_max is null or pay_monthly_min is null or pay_monthly_max >= pay_monthly_min),
  check (valid_until >= valid_from)
);
create index jobs_company_id_idx on jobs (company_id);
create index jobs_city_category_idx on jobs (city_code, category_code);
