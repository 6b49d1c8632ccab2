-- Rollups for the resume-flow analytics (issue 5). Every figure is a sum over one of these tables for
-- the months that lie wholly inside a window plus the days at its edges, so a six-month window reads a
-- few thousand rows instead of millions of applications. Days are China Standard Time (Asia/Shanghai).
--
-- They are maintained by statement-level triggers on applications: one aggregation per INSERT, UPDATE
-- or DELETE statement (not per row), so a bulk import of a million rows costs one GROUP BY. Updates that
-- touch none of the counted columns (status changes, anonymising a seeker) produce an empty delta.
-- A change that nets to zero can leave a row with 0: the figure queries ignore groups whose sum is 0.
-- City tiers are copied from `cities` when a row is counted: after changing tiers by migration, call
-- rebuild_application_rollups() (also `jobcast analytics --rebuild-rollups`).

create table application_received_rollups (
  grain text not null check (grain in ('day', 'month')),
  period date not null, -- the day, or the first day of the month
  job_city_code text not null,
  category_code text not null,
  industry_code text not null,
  applications bigint not null,
  primary key (grain, period, job_city_code, category_code, industry_code)
);

create table application_sent_rollups (
  grain text not null check (grain in ('day', 'month')),
  period date not null,
  seeker_city_code text not null,
  applications bigint not null,
  primary key (grain, period, seeker_city_code)
);

create table application_tier_flow_rollups (
  grain text not null check (grain in ('day', 'month')),
  period date not null,
  seeker_tier text not null,
  job_city_code text not null,
  applications bigint not null,
  primary key (grain, period, job_city_code, seeker_tier)
);

-- Hires count on the day of the hire (hired_at), not on the day of the application.
create table application_hire_rollups (
  grain text not null check (grain in ('day', 'month')),
  period date not null,
  job_city_code text not null,
  hires bigint not null,
  primary key (grain, period, job_city_code)
);

create index applications_hired_at_idx on applications (hired_at) where hired_at is not null;

-- The four upserts for a set of signed changes, given as SQL text producing
-- (applied_at, hired_at, seeker_city_code, job_city_code, category_code, industry_code, sign).
-- Returned as text because a trigger's transition tables are visible only to statements the trigger
-- function itself executes. Rows are upserted in key order so concurrent writers lock in the same order.
create function application_rollup_statements(changes text) returns text[]
language sql immutable as $fn$
  select array[
    format($sql$
      insert into application_received_rollups as r (grain, period, job_city_code, category_code, industry_code, applications)
      select g.grain, g.period, d.job_city_code, d.category_code, d.industry_code, sum(d.applications)
      from (
        select (applied_at at time zone 'Asia/Shanghai')::date as day, job_city_code, category_code, industry_code, sum(sign) as applications
        from (%s) changes group by 1, 2, 3, 4
      ) d
      cross join lateral (values ('day', d.day), ('month', date_trunc('month', d.day)::date)) as g (grain, period)
      group by 1, 2, 3, 4, 5
      having sum(d.applications) <> 0
      order by 1, 2, 3, 4, 5
      on conflict (grain, period, job_city_code, category_code, industry_code)
      do update set applications = r.applications + excluded.applications
    $sql$, changes),
    format($sql$
      insert into application_sent_rollups as r (grain, period, seeker_city_code, applications)
      select g.grain, g.period, d.seeker_city_code, sum(d.applications)
      from (
        select (applied_at at time zone 'Asia/Shanghai')::date as day, seeker_city_code, sum(sign) as applications
        from (%s) changes group by 1, 2
      ) d
      cross join lateral (values ('day', d.day), ('month', date_trunc('month', d.day)::date)) as g (grain, period)
      group by 1, 2, 3
      having sum(d.applications) <> 0
      order by 1, 2, 3
      on conflict (grain, period, seeker_city_code)
      do update set applications = r.applications + excluded.applications
    $sql$, changes),
    format($sql$
      insert into application_tier_flow_rollups as r (grain, period, seeker_tier, job_city_code, applications)
      select g.grain, g.period, d.seeker_tier, d.job_city_code, sum(d.applications)
      from (
        select (changes.applied_at at time zone 'Asia/Shanghai')::date as day, seeker_city.tier as seeker_tier, changes.job_city_code, sum(changes.sign) as applications
        from (%s) changes join cities seeker_city on seeker_city.code = changes.seeker_city_code
        group by 1, 2, 3
      ) d
      cross join lateral (values ('day', d.day), ('month', date_trunc('month', d.day)::date)) as g (grain, period)
      group by 1, 2, 3, 4
      having sum(d.applications) <> 0
      order by 1, 2, 4, 3
      on conflict (grain, period, job_city_code, seeker_tier)
      do update set applications = r.applications + excluded.applications
    $sql$, changes),
    format($sql$
      insert into application_hire_rollups as r (grain, period, job_city_code, hires)
      select g.grain, g.period, d.job_city_code, sum(d.hires)
      from (
        select (hired_at at time zone 'Asia/Shanghai')::date as day, job_city_code, sum(sign) as hires
        from (%s) changes where hired_at is not null group by 1, 2
      ) d
      cross join lateral (values ('day', d.day), ('month', date_trunc('month', d.day)::date)) as g (grain, period)
      group by 1, 2, 3
      having sum(d.hires) <> 0
      order by 1, 2, 3
      on conflict (grain, period, job_city_code)
      do update set hires = r.hires + excluded.hires
    $sql$, changes)
  ]
$fn$;

create function maintain_application_rollups() returns trigger
language plpgsql as $fn$
declare
  columns constant text := 'applied_at, hired_at, seeker_city_code, job_city_code, category_code, industry_code';
  changes text;
  statement text;
  has_counted_changes boolean;
begin
  changes := case tg_op
    when 'INSERT' then format('select %s, 1 as sign from inserted', columns)
    when 'DELETE' then format('select %s, -1 as sign from deleted', columns)
    else format('select %s, -1 as sign from deleted union all select %s, 1 as sign from inserted', columns, columns)
  end;
  if tg_op = 'UPDATE' then
    -- Most updates (status, anonymisation) change nothing counted: skip the four upserts.
    execute format(
      'select exists (select %1$s from inserted except all select %1$s from deleted)', columns
    ) into strict has_counted_changes;
    if not has_counted_changes then
      return null;
    end if;
  end if;
  foreach statement in array application_rollup_statements(changes) loop
    execute statement;
  end loop;
  return null;
end
$fn$;

create trigger applications_rollups_after_insert after insert on applications
  referencing new table as inserted for each statement execute function maintain_application_rollups();
create trigger applications_rollups_after_update after update on applications
  referencing old table as deleted new table as inserted for each statement execute function maintain_application_rollups();
create trigger applications_rollups_after_delete after delete on applications
  referencing old table as deleted for each statement execute function maintain_application_rollups();

create function clear_application_rollups() returns trigger
language plpgsql as $fn$
begin
  truncate application_received_rollups, application_sent_rollups, application_tier_flow_rollups, application_hire_rollups;
  return null;
end
$fn$;

create trigger applications_rollups_after_truncate after truncate on applications
  for each statement execute function clear_application_rollups();

-- Recomputes every rollup from the applications table (after a tier change, or to verify them).
create function rebuild_application_rollups() returns void
language plpgsql as $fn$
declare
  statement text;
begin
  lock table applications in share mode;
  truncate application_received_rollups, application_sent_rollups, application_tier_flow_rollups, application_hire_rollups;
  foreach statement in array application_rollup_statements(
    'select applied_at, hired_at, seeker_city_code, job_city_code, category_code, industry_code, 1 as sign from applications'
  ) loop
    execute statement;
  end loop;
end
$fn$;

-- Applications that were already there when this migration ran.
select rebuild_application_rollups();
