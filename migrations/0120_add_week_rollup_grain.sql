-- Analytics at any window (issue 13): a weekly grain between the daily and the monthly one. A window with ragged
-- edges read months plus up to about half a month of daily rows per edge (≈ 30 days for 2022-08-16 … 2023-01-15, most
-- of the 287 ms it took over ten million applications); with weeks (Monday to Sunday, as date_trunc('week')) it reads
-- months, weeks and a few days, signed (planWindowReads: August 16–31 is August minus two weeks and a day).
--
-- The grains an application is counted in are now one function, application_rollup_periods(day), that every
-- maintainer calls (PostgreSQL inlines it): the hot path's deltas are grain-free, and the folder, bulk statements, a
-- rebuild (through application_rollup_statements) and the *_exact views all expand a day into its day, week and
-- month. The bodies below are those of migration 0100 with that one change.
--
-- Backfill: the weekly rows of the applications already counted are summed from the daily rows (a few million rows,
-- not the applications), under the rollups' advisory lock so no fold or bulk statement interleaves; pending deltas
-- need nothing, the views expand them to weeks as they read.

select pg_advisory_xact_lock(application_rollups_lock_key());

alter table application_category_rollups drop constraint application_category_rollups_grain_check,
  add constraint application_category_rollups_grain_check check (grain in ('day', 'week', 'month'));
alter table application_industry_rollups drop constraint application_industry_rollups_grain_check,
  add constraint application_industry_rollups_grain_check check (grain in ('day', 'week', 'month'));
alter table application_sent_rollups drop constraint application_sent_rollups_grain_check,
  add constraint application_sent_rollups_grain_check check (grain in ('day', 'week', 'month'));
alter table application_tier_flow_rollups drop constraint application_tier_flow_rollups_grain_check,
  add constraint application_tier_flow_rollups_grain_check check (grain in ('day', 'week', 'month'));
alter table application_hire_rollups drop constraint application_hire_rollups_grain_check,
  add constraint application_hire_rollups_grain_check check (grain in ('day', 'week', 'month'));
alter table application_province_flow_rollups drop constraint application_province_flow_rollups_grain_check,
  add constraint application_province_flow_rollups_grain_check check (grain in ('day', 'week', 'month'));

-- The periods a CST day is counted in: the day, its week (from Monday) and its month.
create function application_rollup_periods(day date) returns table (grain text, period date)
language sql immutable as $fn$
  select * from (values
    ('day', day),
    ('week', date_trunc('week', day::timestamp)::date),
    ('month', date_trunc('month', day::timestamp)::date)
  ) as periods (grain, period)
$fn$;

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
      cross join lateral application_rollup_periods(d.day) as g (grain, period)
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
      cross join lateral application_rollup_periods(d.day) as g (grain, period)
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
      cross join lateral application_rollup_periods(d.day) as g (grain, period)
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
      cross join lateral application_rollup_periods(d.day) as g (grain, period)
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
      cross join lateral application_rollup_periods(d.day) as g (grain, period)
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
    cross join lateral application_rollup_periods(d.day) as g (grain, period)
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
    cross join lateral application_rollup_periods(d.day) as g (grain, period)
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
    cross join lateral application_rollup_periods(d.day) as g (grain, period)
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
    cross join lateral application_rollup_periods(d.day) as g (grain, period)
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
    cross join lateral application_rollup_periods(d.day) as g (grain, period)
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
    cross join lateral application_rollup_periods(d.day) as g (grain, period)
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
    cross join lateral application_rollup_periods(d.day) as g (grain, period)
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
    cross join lateral application_rollup_periods(d.day) as g (grain, period)
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
    cross join lateral application_rollup_periods(d.day) as g (grain, period)
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
    cross join lateral application_rollup_periods(d.day) as g (grain, period)
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
    cross join lateral application_rollup_periods(d.day) as g (grain, period)
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
    cross join lateral application_rollup_periods(d.day) as g (grain, period)
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
    cross join lateral application_rollup_periods(d.day) as g (grain, period)
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

-- Each rollup table's rows and the pending deltas' rows, not summed: the figure SQL reads these and sums once itself
-- (a filter on grain and period reaches both parts). The *_exact views sum them per key, as before.
create view application_category_rollups_with_deltas as
select grain, period, job_city_code, category_code, applications from application_category_rollups
union all
select g.grain, g.period, d.job_city_code, d.category_code, d.sign
from application_rollup_deltas d
cross join lateral application_rollup_periods(d.applied_day) as g (grain, period);

create or replace view application_category_rollups_exact as
select grain, period, job_city_code, category_code, sum(applications)::bigint as applications
from application_category_rollups_with_deltas
group by grain, period, job_city_code, category_code;

create view application_industry_rollups_with_deltas as
select grain, period, job_city_code, industry_code, applications from application_industry_rollups
union all
select g.grain, g.period, d.job_city_code, d.industry_code, d.sign
from application_rollup_deltas d
cross join lateral application_rollup_periods(d.applied_day) as g (grain, period);

create or replace view application_industry_rollups_exact as
select grain, period, job_city_code, industry_code, sum(applications)::bigint as applications
from application_industry_rollups_with_deltas
group by grain, period, job_city_code, industry_code;

create view application_sent_rollups_with_deltas as
select grain, period, seeker_city_code, applications from application_sent_rollups
union all
select g.grain, g.period, d.seeker_city_code, d.sign
from application_rollup_deltas d
cross join lateral application_rollup_periods(d.applied_day) as g (grain, period);

create or replace view application_sent_rollups_exact as
select grain, period, seeker_city_code, sum(applications)::bigint as applications
from application_sent_rollups_with_deltas
group by grain, period, seeker_city_code;

create view application_tier_flow_rollups_with_deltas as
select grain, period, seeker_tier, job_city_code, applications from application_tier_flow_rollups
union all
select g.grain, g.period, seeker_city.tier, d.job_city_code, d.sign
from application_rollup_deltas d
join cities seeker_city on seeker_city.code = d.seeker_city_code
cross join lateral application_rollup_periods(d.applied_day) as g (grain, period);

create or replace view application_tier_flow_rollups_exact as
select grain, period, seeker_tier, job_city_code, sum(applications)::bigint as applications
from application_tier_flow_rollups_with_deltas
group by grain, period, seeker_tier, job_city_code;

create view application_hire_rollups_with_deltas as
select grain, period, job_city_code, hires from application_hire_rollups
union all
select g.grain, g.period, d.job_city_code, d.sign
from application_rollup_deltas d
cross join lateral application_rollup_periods(d.hired_day) as g (grain, period)
where d.hired_day is not null;

create or replace view application_hire_rollups_exact as
select grain, period, job_city_code, sum(hires)::bigint as hires
from application_hire_rollups_with_deltas
group by grain, period, job_city_code;

create view application_province_flow_rollups_with_deltas as
select grain, period, seeker_province_code, job_province_code, applications from application_province_flow_rollups
union all
select g.grain, g.period, seeker_city.province_code, job_city.province_code, d.sign
from application_rollup_deltas d
join cities seeker_city on seeker_city.code = d.seeker_city_code
join cities job_city on job_city.code = d.job_city_code
cross join lateral application_rollup_periods(d.applied_day) as g (grain, period);

create or replace view application_province_flow_rollups_exact as
select grain, period, seeker_province_code, job_province_code, sum(applications)::bigint as applications
from application_province_flow_rollups_with_deltas
group by grain, period, seeker_province_code, job_province_code;

-- The weeks of what is already counted, from the daily rows, written in key order: a week's rows then sit together
-- (a few hundred pages, not thousands scattered across the table).
insert into application_category_rollups (grain, period, job_city_code, category_code, applications)
select 'week', date_trunc('week', period::timestamp)::date, job_city_code, category_code, sum(applications)
from application_category_rollups where grain = 'day'
group by 2, 3, 4
having sum(applications) <> 0
order by 2, 3, 4;
insert into application_industry_rollups (grain, period, job_city_code, industry_code, applications)
select 'week', date_trunc('week', period::timestamp)::date, job_city_code, industry_code, sum(applications)
from application_industry_rollups where grain = 'day'
group by 2, 3, 4
having sum(applications) <> 0
order by 2, 3, 4;
insert into application_sent_rollups (grain, period, seeker_city_code, applications)
select 'week', date_trunc('week', period::timestamp)::date, seeker_city_code, sum(applications)
from application_sent_rollups where grain = 'day'
group by 2, 3
having sum(applications) <> 0
order by 2, 3;
insert into application_tier_flow_rollups (grain, period, seeker_tier, job_city_code, applications)
select 'week', date_trunc('week', period::timestamp)::date, seeker_tier, job_city_code, sum(applications)
from application_tier_flow_rollups where grain = 'day'
group by 2, 3, 4
having sum(applications) <> 0
order by 2, 3, 4;
insert into application_hire_rollups (grain, period, job_city_code, hires)
select 'week', date_trunc('week', period::timestamp)::date, job_city_code, sum(hires)
from application_hire_rollups where grain = 'day'
group by 2, 3
having sum(hires) <> 0
order by 2, 3;
insert into application_province_flow_rollups (grain, period, seeker_province_code, job_province_code, applications)
select 'week', date_trunc('week', period::timestamp)::date, seeker_province_code, job_province_code, sum(applications)
from application_province_flow_rollups where grain = 'day'
group by 2, 3, 4
having sum(applications) <> 0
order by 2, 3, 4;

alter function maintain_application_rollups() set work_mem = '64MB';
alter function fold_application_rollup_deltas() set work_mem = '64MB';

-- The planner has not seen a weekly row yet: without fresh statistics it expects none and scans every week for a
-- window's few (PostgreSQL's autovacuum would catch up later; PGlite has none).
analyze application_category_rollups, application_industry_rollups, application_sent_rollups,
  application_tier_flow_rollups, application_hire_rollups, application_province_flow_rollups;
