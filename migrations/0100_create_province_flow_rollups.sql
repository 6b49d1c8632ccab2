-- Widespread for one province (issue 12): flows into and out of the province, by the other province. A rollup of
-- applications by (seeker's province, job's province), day and month grains like the others (migration 0010), so a
-- province's in- and outflows over ten million applications read a few hundred rows. Maintained exactly as the other
-- rollups: the hot path's deltas (migration 0060) carry both city codes, the folder and bulk statements add this one
-- upsert, a rebuild and a truncate include it, and the figures read the *_exact view (table + pending deltas).

create table application_province_flow_rollups (
  grain text not null check (grain in ('day', 'month')),
  period date not null, -- the day, or the first day of the month (China Standard Time)
  seeker_province_code text not null,
  job_province_code text not null,
  applications bigint not null,
  primary key (grain, period, seeker_province_code, job_province_code)
);

create or replace function application_rollup_statements(changes text) returns text[]
language sql immutable as $fn$
  select array[
    format($sql$
      insert into application_category_rollups as r (grain, period, job_city_code, category_code, applications)
      select g.grain, g.period, d.job_city_code, d.category_code, sum(d.applications)
      from (
        select (applied_at at time zone 'Asia/Shanghai')::date as day, job_city_code, category_code, sum(sign) as applications
        from (%s) changes group by 1, 2, 3
      ) d
      cross join lateral (values ('day', d.day), ('month', date_trunc('month', d.day)::date)) as g (grain, period)
      group by 1, 2, 3, 4
      having sum(d.applications) <> 0
      order by 1, 2, 3, 4
      on conflict (grain, period, job_city_code, category_code)
      do update set applications = r.applications + excluded.applications
    $sql$, changes),
    format($sql$
      insert into application_industry_rollups as r (grain, period, job_city_code, industry_code, applications)
      select g.grain, g.period, d.job_city_code, d.industry_code, sum(d.applications)
      from (
        select (applied_at at time zone 'Asia/Shanghai')::date as day, job_city_code, industry_code, sum(sign) as applications
        from (%s) changes group by 1, 2, 3
      ) d
      cross join lateral (values ('day', d.day), ('month', date_trunc('month', d.day)::date)) as g (grain, period)
      group by 1, 2, 3, 4
      having sum(d.applications) <> 0
      order by 1, 2, 3, 4
      on conflict (grain, period, job_city_code, industry_code)
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
    $sql$, changes),
    format($sql$
      insert into application_province_flow_rollups as r (grain, period, seeker_province_code, job_province_code, applications)
    select g.grain, g.period, d.seeker_province_code, d.job_province_code, sum(d.applications)
    from (
      select (changes.applied_at at time zone 'Asia/Shanghai')::date as day, seeker_city.province_code as seeker_province_code, job_city.province_code as job_province_code, sum(changes.sign) as applications
      from (%s) changes
      join cities seeker_city on seeker_city.code = changes.seeker_city_code join cities job_city on job_city.code = changes.job_city_code
      group by 1, 2, 3
    ) d
    cross join lateral (values ('day', d.day), ('month', date_trunc('month', d.day)::date)) as g (grain, period)
    group by 1, 2, 3, 4
    having sum(d.applications) <> 0
    order by 1, 2, 3, 4
    on conflict (grain, period, seeker_province_code, job_province_code)
    do update set applications = r.applications + excluded.applications
    $sql$, changes)
  ]
$fn$;

create or replace function maintain_application_rollups() returns trigger
language plpgsql as $fn$
declare
  columns constant text := 'applied_at, hired_at, seeker_city_code, job_city_code, category_code, industry_code';
  changes text;
  statement text;
  has_counted_changes boolean;
  is_bulk boolean;
begin
  if tg_op = 'INSERT' then
    if not exists (select 1 from inserted offset 999) then
      -- The hot path (every one-tap application): one append, no row another transaction could hold.
      insert into application_rollup_deltas (applied_day, hired_day, seeker_city_code, job_city_code, category_code, industry_code, sign)
      select (applied_at at time zone 'Asia/Shanghai')::date, (hired_at at time zone 'Asia/Shanghai')::date,
        seeker_city_code, job_city_code, category_code, industry_code, 1
      from inserted;
      return null;
    end if;
    -- A bulk insert aggregates once, straight into the rollups (static statements, planned once per connection).
    perform pg_advisory_xact_lock(application_rollups_lock_key());
    insert into application_category_rollups as r (grain, period, job_city_code, category_code, applications)
    select g.grain, g.period, d.job_city_code, d.category_code, sum(d.applications)
    from (
      select (applied_at at time zone 'Asia/Shanghai')::date as day, job_city_code, category_code, sum(sign) as applications
      from (select applied_at, hired_at, seeker_city_code, job_city_code, category_code, industry_code, 1 as sign from inserted) changes group by 1, 2, 3
    ) d
    cross join lateral (values ('day', d.day), ('month', date_trunc('month', d.day)::date)) as g (grain, period)
    group by 1, 2, 3, 4
    having sum(d.applications) <> 0
    order by 1, 2, 3, 4
    on conflict (grain, period, job_city_code, category_code)
    do update set applications = r.applications + excluded.applications;
    insert into application_industry_rollups as r (grain, period, job_city_code, industry_code, applications)
    select g.grain, g.period, d.job_city_code, d.industry_code, sum(d.applications)
    from (
      select (applied_at at time zone 'Asia/Shanghai')::date as day, job_city_code, industry_code, sum(sign) as applications
      from (select applied_at, hired_at, seeker_city_code, job_city_code, category_code, industry_code, 1 as sign from inserted) changes group by 1, 2, 3
    ) d
    cross join lateral (values ('day', d.day), ('month', date_trunc('month', d.day)::date)) as g (grain, period)
    group by 1, 2, 3, 4
    having sum(d.applications) <> 0
    order by 1, 2, 3, 4
    on conflict (grain, period, job_city_code, industry_code)
    do update set applications = r.applications + excluded.applications;
    insert into application_sent_rollups as r (grain, period, seeker_city_code, applications)
    select g.grain, g.period, d.seeker_city_code, sum(d.applications)
    from (
      select (applied_at at time zone 'Asia/Shanghai')::date as day, seeker_city_code, sum(sign) as applications
      from (select applied_at, hired_at, seeker_city_code, job_city_code, category_code, industry_code, 1 as sign from inserted) changes group by 1, 2
    ) d
    cross join lateral (values ('day', d.day), ('month', date_trunc('month', d.day)::date)) as g (grain, period)
    group by 1, 2, 3
    having sum(d.applications) <> 0
    order by 1, 2, 3
    on conflict (grain, period, seeker_city_code)
    do update set applications = r.applications + excluded.applications;
    insert into application_tier_flow_rollups as r (grain, period, seeker_tier, job_city_code, applications)
    select g.grain, g.period, d.seeker_tier, d.job_city_code, sum(d.applications)
    from (
      select (changes.applied_at at time zone 'Asia/Shanghai')::date as day, seeker_city.tier as seeker_tier, changes.job_city_code, sum(changes.sign) as applications
      from (select applied_at, hired_at, seeker_city_code, job_city_code, category_code, industry_code, 1 as sign from inserted) changes join cities seeker_city on seeker_city.code = changes.seeker_city_code
      group by 1, 2, 3
    ) d
    cross join lateral (values ('day', d.day), ('month', date_trunc('month', d.day)::date)) as g (grain, period)
    group by 1, 2, 3, 4
    having sum(d.applications) <> 0
    order by 1, 2, 4, 3
    on conflict (grain, period, job_city_code, seeker_tier)
    do update set applications = r.applications + excluded.applications;
    insert into application_hire_rollups as r (grain, period, job_city_code, hires)
    select g.grain, g.period, d.job_city_code, sum(d.hires)
    from (
      select (hired_at at time zone 'Asia/Shanghai')::date as day, job_city_code, sum(sign) as hires
      from (select applied_at, hired_at, seeker_city_code, job_city_code, category_code, industry_code, 1 as sign from inserted) changes where hired_at is not null group by 1, 2
    ) d
    cross join lateral (values ('day', d.day), ('month', date_trunc('month', d.day)::date)) as g (grain, period)
    group by 1, 2, 3
    having sum(d.hires) <> 0
    order by 1, 2, 3
    on conflict (grain, period, job_city_code)
    do update set hires = r.hires + excluded.hires;
    insert into application_province_flow_rollups as r (grain, period, seeker_province_code, job_province_code, applications)
    select g.grain, g.period, d.seeker_province_code, d.job_province_code, sum(d.applications)
    from (
      select (changes.applied_at at time zone 'Asia/Shanghai')::date as day, seeker_city.province_code as seeker_province_code, job_city.province_code as job_province_code, sum(changes.sign) as applications
      from (select applied_at, hired_at, seeker_city_code, job_city_code, category_code, industry_code, 1 as sign from inserted) changes
      join cities seeker_city on seeker_city.code = changes.seeker_city_code join cities job_city on job_city.code = changes.job_city_code
      group by 1, 2, 3
    ) d
    cross join lateral (values ('day', d.day), ('month', date_trunc('month', d.day)::date)) as g (grain, period)
    group by 1, 2, 3, 4
    having sum(d.applications) <> 0
    order by 1, 2, 3, 4
    on conflict (grain, period, seeker_province_code, job_province_code)
    do update set applications = r.applications + excluded.applications;
    return null;
  end if;
  changes := case tg_op
    when 'DELETE' then format('select %s, -1 as sign from deleted', columns)
    else format('select %s, -1 as sign from deleted union all select %s, 1 as sign from inserted', columns, columns)
  end;
  if tg_op = 'UPDATE' then
    -- Most updates (status, anonymisation) change nothing counted: skip the rollups.
    execute format(
      'select exists (select %1$s from inserted except all select %1$s from deleted)', columns
    ) into strict has_counted_changes;
    if not has_counted_changes then
      return null;
    end if;
  end if;
  execute format('select exists (select 1 from (%s) changes offset 999)', changes) into strict is_bulk;
  if not is_bulk then
    -- A hire, a correction: signed deltas, folded like the inserts.
    execute format($sql$
      insert into application_rollup_deltas (applied_day, hired_day, seeker_city_code, job_city_code, category_code, industry_code, sign)
      select (applied_at at time zone 'Asia/Shanghai')::date, (hired_at at time zone 'Asia/Shanghai')::date,
        seeker_city_code, job_city_code, category_code, industry_code, sign
      from (%s) changes
    $sql$, changes);
    return null;
  end if;
  perform pg_advisory_xact_lock(application_rollups_lock_key());
  foreach statement in array application_rollup_statements(changes) loop
    execute statement;
  end loop;
  return null;
end
$fn$;

create or replace function fold_application_rollup_deltas() returns integer
language plpgsql as $fn$
declare
  folded integer;
begin
  if not pg_try_advisory_xact_lock(application_rollups_lock_key()) then
    return null;
  end if;
  with changes as (
    delete from application_rollup_deltas
    returning applied_day, hired_day, seeker_city_code, job_city_code, category_code, industry_code, sign
  ),
  categories as (
    insert into application_category_rollups as r (grain, period, job_city_code, category_code, applications)
    select g.grain, g.period, d.job_city_code, d.category_code, sum(d.applications)
    from (select applied_day as day, job_city_code, category_code, sum(sign) as applications from changes group by 1, 2, 3) d
    cross join lateral (values ('day', d.day), ('month', date_trunc('month', d.day)::date)) as g (grain, period)
    group by 1, 2, 3, 4
    having sum(d.applications) <> 0
    order by 1, 2, 3, 4
    on conflict (grain, period, job_city_code, category_code)
    do update set applications = r.applications + excluded.applications
  ),
  industries as (
    insert into application_industry_rollups as r (grain, period, job_city_code, industry_code, applications)
    select g.grain, g.period, d.job_city_code, d.industry_code, sum(d.applications)
    from (select applied_day as day, job_city_code, industry_code, sum(sign) as applications from changes group by 1, 2, 3) d
    cross join lateral (values ('day', d.day), ('month', date_trunc('month', d.day)::date)) as g (grain, period)
    group by 1, 2, 3, 4
    having sum(d.applications) <> 0
    order by 1, 2, 3, 4
    on conflict (grain, period, job_city_code, industry_code)
    do update set applications = r.applications + excluded.applications
  ),
  sent as (
    insert into application_sent_rollups as r (grain, period, seeker_city_code, applications)
    select g.grain, g.period, d.seeker_city_code, sum(d.applications)
    from (select applied_day as day, seeker_city_code, sum(sign) as applications from changes group by 1, 2) d
    cross join lateral (values ('day', d.day), ('month', date_trunc('month', d.day)::date)) as g (grain, period)
    group by 1, 2, 3
    having sum(d.applications) <> 0
    order by 1, 2, 3
    on conflict (grain, period, seeker_city_code)
    do update set applications = r.applications + excluded.applications
  ),
  flows as (
    insert into application_tier_flow_rollups as r (grain, period, seeker_tier, job_city_code, applications)
    select g.grain, g.period, d.seeker_tier, d.job_city_code, sum(d.applications)
    from (
      select changes.applied_day as day, seeker_city.tier as seeker_tier, changes.job_city_code, sum(changes.sign) as applications
      from changes join cities seeker_city on seeker_city.code = changes.seeker_city_code
      group by 1, 2, 3
    ) d
    cross join lateral (values ('day', d.day), ('month', date_trunc('month', d.day)::date)) as g (grain, period)
    group by 1, 2, 3, 4
    having sum(d.applications) <> 0
    order by 1, 2, 4, 3
    on conflict (grain, period, job_city_code, seeker_tier)
    do update set applications = r.applications + excluded.applications
  ),
  hires as (
    insert into application_hire_rollups as r (grain, period, job_city_code, hires)
    select g.grain, g.period, d.job_city_code, sum(d.hires)
    from (select hired_day as day, job_city_code, sum(sign) as hires from changes where hired_day is not null group by 1, 2) d
    cross join lateral (values ('day', d.day), ('month', date_trunc('month', d.day)::date)) as g (grain, period)
    group by 1, 2, 3
    having sum(d.hires) <> 0
    order by 1, 2, 3
    on conflict (grain, period, job_city_code)
    do update set hires = r.hires + excluded.hires
  ),
  province_flows as (
    insert into application_province_flow_rollups as r (grain, period, seeker_province_code, job_province_code, applications)
    select g.grain, g.period, d.seeker_province_code, d.job_province_code, sum(d.applications)
    from (
      select changes.applied_day as day, seeker_city.province_code as seeker_province_code, job_city.province_code as job_province_code, sum(changes.sign) as applications
      from changes
      join cities seeker_city on seeker_city.code = changes.seeker_city_code join cities job_city on job_city.code = changes.job_city_code
      group by 1, 2, 3
    ) d
    cross join lateral (values ('day', d.day), ('month', date_trunc('month', d.day)::date)) as g (grain, period)
    group by 1, 2, 3, 4
    having sum(d.applications) <> 0
    order by 1, 2, 3, 4
    on conflict (grain, period, seeker_province_code, job_province_code)
    do update set applications = r.applications + excluded.applications
  )
  select count(*) into folded from changes;
  return folded;
end
$fn$;

create or replace function clear_application_rollups() returns trigger
language plpgsql as $fn$
begin
  truncate application_category_rollups, application_industry_rollups, application_sent_rollups,
    application_tier_flow_rollups, application_hire_rollups, application_province_flow_rollups, application_rollup_deltas;
  return null;
end
$fn$;

create or replace function rebuild_application_rollups() returns void
language plpgsql as $fn$
declare
  statement text;
begin
  lock table applications in share mode; -- before the advisory lock: a bulk insert takes them in that order
  perform pg_advisory_xact_lock(application_rollups_lock_key());
  truncate application_category_rollups, application_industry_rollups, application_sent_rollups,
    application_tier_flow_rollups, application_hire_rollups, application_province_flow_rollups, application_rollup_deltas;
  foreach statement in array application_rollup_statements(
    'select applied_at, hired_at, seeker_city_code, job_city_code, category_code, industry_code, 1 as sign from applications'
  ) loop
    execute statement;
  end loop;
end
$fn$;

create view application_province_flow_rollups_exact as
select grain, period, seeker_province_code, job_province_code, sum(applications)::bigint as applications
from (
  select grain, period, seeker_province_code, job_province_code, applications from application_province_flow_rollups
  union all
  select g.grain, g.period, seeker_city.province_code, job_city.province_code, d.sign
  from application_rollup_deltas d
  join cities seeker_city on seeker_city.code = d.seeker_city_code
  join cities job_city on job_city.code = d.job_city_code
  cross join lateral (values ('day', d.applied_day), ('month', date_trunc('month', d.applied_day)::date)) as g (grain, period)
) counted
group by grain, period, seeker_province_code, job_province_code;

-- The applications already there: the table holds every application less the pending deltas, which the view adds.
select pg_advisory_xact_lock(application_rollups_lock_key());
insert into application_province_flow_rollups as r (grain, period, seeker_province_code, job_province_code, applications)
select g.grain, g.period, d.seeker_province_code, d.job_province_code, sum(d.applications)
from (
  select changes.day, seeker_city.province_code as seeker_province_code, job_city.province_code as job_province_code, sum(changes.sign) as applications
  from (
    select (applied_at at time zone 'Asia/Shanghai')::date as day, seeker_city_code, job_city_code, 1 as sign from applications
    union all
    select applied_day, seeker_city_code, job_city_code, -sign from application_rollup_deltas
  ) changes
  join cities seeker_city on seeker_city.code = changes.seeker_city_code join cities job_city on job_city.code = changes.job_city_code
  group by 1, 2, 3
) d
cross join lateral (values ('day', d.day), ('month', date_trunc('month', d.day)::date)) as g (grain, period)
group by 1, 2, 3, 4
having sum(d.applications) <> 0;

alter function maintain_application_rollups() set work_mem = '64MB';
alter function fold_application_rollup_deltas() set work_mem = '64MB';
alter function rebuild_application_rollups() set work_mem = '64MB';
