-- The 报名 moment (issue 16): thousands of seekers apply to one pinned job within seconds. Until now every
-- application's statement trigger upserted the same few rollup rows (same day, city, category; day and month
-- grains), so each apply transaction waited on the row locks of the one before it. Now the apply path only
-- APPENDS to an insert-only delta table, which no two writers ever contend on; a single folder (the listening
-- server, once a second) moves the deltas into the rollups under an advisory lock, deleting exactly the rows it
-- folds in the same statement (crash-safe: fold and delete commit together or not at all). The figure queries
-- read the *_exact views: rollups plus the deltas not yet folded, in one snapshot, so every figure is exact at
-- every moment, whether or not a folder runs (the CLI, tests).
--
-- Bulk statements (1,000 rows or more: a CSV import, the demo seed, a mass update) still aggregate straight
-- into the rollups, as before, after taking the same advisory lock: one GROUP BY instead of a million deltas
-- to write, delete and fold, and never interleaved with a fold (no deadlock between the two).

create table application_rollup_deltas (
  applied_day date not null, -- China Standard Time, like the rollups' periods
  hired_day date,
  seeker_city_code text not null,
  job_city_code text not null,
  category_code text not null,
  industry_code text not null,
  sign smallint not null check (sign in (-1, 1))
) with (
  -- Emptied every second: let autovacuum keep it small on PostgreSQL (the folder vacuums it on PGlite too).
  autovacuum_vacuum_threshold = 1000,
  autovacuum_vacuum_scale_factor = 0,
  autovacuum_vacuum_insert_threshold = 1000,
  autovacuum_vacuum_insert_scale_factor = 0
);

-- The one advisory lock (per database) that the folder, bulk statements and a rebuild take to write rollups.
create function application_rollups_lock_key() returns bigint
language sql immutable as $fn$ select 1600160016::bigint $fn$;

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

alter function maintain_application_rollups() set work_mem = '64MB';

-- Moves every pending delta into the rollups: one statement (the delete and the five upserts share one
-- snapshot and commit together), so a reader sees each delta either pending or folded, never both or neither.
-- Returns how many deltas it folded, or null when another session holds the lock (another node's folder, a
-- bulk statement, a rebuild): that one will be done soon and the next tick folds what is left.
create function fold_application_rollup_deltas() returns integer
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
  )
  select count(*) into folded from changes;
  return folded;
end
$fn$;

alter function fold_application_rollup_deltas() set work_mem = '64MB';

create or replace function clear_application_rollups() returns trigger
language plpgsql as $fn$
begin
  truncate application_category_rollups, application_industry_rollups, application_sent_rollups,
    application_tier_flow_rollups, application_hire_rollups, application_rollup_deltas;
  return null;
end
$fn$;

-- A rebuild counts every application, so the pending deltas are part of what it replaces.
create or replace function rebuild_application_rollups() returns void
language plpgsql as $fn$
declare
  statement text;
begin
  lock table applications in share mode; -- before the advisory lock: a bulk insert takes them in that order
  perform pg_advisory_xact_lock(application_rollups_lock_key());
  truncate application_category_rollups, application_industry_rollups, application_sent_rollups,
    application_tier_flow_rollups, application_hire_rollups, application_rollup_deltas;
  foreach statement in array application_rollup_statements(
    'select applied_at, hired_at, seeker_city_code, job_city_code, category_code, industry_code, 1 as sign from applications'
  ) loop
    execute statement;
  end loop;
end
$fn$;

alter function rebuild_application_rollups() set work_mem = '64MB';

-- The exact rollups: each rollup table plus its not-yet-folded deltas, summed per key (rows may be 0, as in
-- the tables). The figure queries and the tests read these; filters on grain and period reach both parts.
create view application_category_rollups_exact as
select grain, period, job_city_code, category_code, sum(applications)::bigint as applications
from (
  select grain, period, job_city_code, category_code, applications from application_category_rollups
  union all
  select g.grain, g.period, d.job_city_code, d.category_code, d.sign
  from application_rollup_deltas d
  cross join lateral (values ('day', d.applied_day), ('month', date_trunc('month', d.applied_day)::date)) as g (grain, period)
) counted
group by grain, period, job_city_code, category_code;

create view application_industry_rollups_exact as
select grain, period, job_city_code, industry_code, sum(applications)::bigint as applications
from (
  select grain, period, job_city_code, industry_code, applications from application_industry_rollups
  union all
  select g.grain, g.period, d.job_city_code, d.industry_code, d.sign
  from application_rollup_deltas d
  cross join lateral (values ('day', d.applied_day), ('month', date_trunc('month', d.applied_day)::date)) as g (grain, period)
) counted
group by grain, period, job_city_code, industry_code;

create view application_sent_rollups_exact as
select grain, period, seeker_city_code, sum(applications)::bigint as applications
from (
  select grain, period, seeker_city_code, applications from application_sent_rollups
  union all
  select g.grain, g.period, d.seeker_city_code, d.sign
  from application_rollup_deltas d
  cross join lateral (values ('day', d.applied_day), ('month', date_trunc('month', d.applied_day)::date)) as g (grain, period)
) counted
group by grain, period, seeker_city_code;

create view application_tier_flow_rollups_exact as
select grain, period, seeker_tier, job_city_code, sum(applications)::bigint as applications
from (
  select grain, period, seeker_tier, job_city_code, applications from application_tier_flow_rollups
  union all
  select g.grain, g.period, seeker_city.tier, d.job_city_code, d.sign
  from application_rollup_deltas d
  join cities seeker_city on seeker_city.code = d.seeker_city_code
  cross join lateral (values ('day', d.applied_day), ('month', date_trunc('month', d.applied_day)::date)) as g (grain, period)
) counted
group by grain, period, seeker_tier, job_city_code;

create view application_hire_rollups_exact as
select grain, period, job_city_code, sum(hires)::bigint as hires
from (
  select grain, period, job_city_code, hires from application_hire_rollups
  union all
  select g.grain, g.period, d.job_city_code, d.sign
  from application_rollup_deltas d
  cross join lateral (values ('day', d.hired_day), ('month', date_trunc('month', d.hired_day)::date)) as g (grain, period)
  where d.hired_day is not null
) counted
group by grain, period, job_city_code;
