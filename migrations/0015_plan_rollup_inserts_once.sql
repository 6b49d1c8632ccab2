-- The rollup trigger's INSERT path as static SQL: PL/pgSQL caches the plans of static statements per
-- connection, while EXECUTE plans every time. A single-row insert (a live application) pays the trigger
-- once per statement, so planning five statements was most of its cost. UPDATE and DELETE keep the
-- generated statements (rare, and the same text as rebuild_application_rollups). The property test
-- (analytics-rollups.int.test.ts) checks that inserts, updates and deletes agree with a rebuild.

create or replace function maintain_application_rollups() returns trigger
language plpgsql as $fn$
declare
  columns constant text := 'applied_at, hired_at, seeker_city_code, job_city_code, category_code, industry_code';
  changes text;
  statement text;
  has_counted_changes boolean;
begin
  if tg_op = 'INSERT' then
    -- The hot path (every one-tap application): static statements, planned once per connection.
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
    -- Most updates (status, anonymisation) change nothing counted: skip the upserts.
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

alter function maintain_application_rollups() set work_mem = '64MB';
