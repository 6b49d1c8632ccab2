-- The impact report's time to hire (issue 12) is a median over every hire in the window: with the hire and
-- application times, the job's city and the session in the index, it reads the index alone (no heap fetch per hire:
-- 10,000,000 applications, 756,428 hires in six months — bench/impact.bench.ts).
create index applications_hired_at_times_idx on applications (hired_at) include (applied_at, job_city_code, session_id) where hired_at is not null;
