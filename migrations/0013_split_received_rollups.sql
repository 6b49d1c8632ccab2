-- Split the received rollup in two (issue 5 benchmark): the figures never need a job category and an
-- industry together, and (city, category) plus (city, industry) rows are several times fewer than
-- (city, category, industry) rows, which is what a window has to read.

create table application_category_rollups (
  grain text not null check (grain in ('day', 'month')),
  period date not null,
  job_city_code text not null,
  category_code text not null,
  applications bigint not null,
  primary key (grain, period, job_city_code, category_code)
);

create table application_industry_rollups (
  grain text not null check (grain in ('day', 'month')),
  period date not null,
  job_city_code text not null,
  industry_code text not null,
  applications bigint not null,
  primary key (grain, period, job_city_code, industry_code)
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
    $sql$, changes)
  ]
$fn$;

create or replace function clear_application_rollups() returns trigger
language plpgsql as $fn$
begin
  truncate application_category_rollups, application_industry_rollups, application_sent_rollups,
    application_tier_flow_rollups, application_hire_rollups;
  return null;
end
$fn$;

create or replace function rebuild_application_rollups() returns void
language plpgsql as $fn$
declare
  statement text;
begin
  lock table applications in share mode;
  truncate application_category_rollups, application_industry_rollups, application_sent_rollups,
    application_tier_flow_rollups, application_hire_rollups;
  foreach statement in array application_rollup_statements(
    'select applied_at, hired_at, seeker_city_code, job_city_code, category_code, industry_code, 1 as sign from applications'
  ) loop
    execute statement;
  end loop;
end
$fn$;

drop table application_received_rollups;

select rebuild_application_rollups();
