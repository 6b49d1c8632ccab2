-- Seekers can report a company from its public page (an agency asking for fees, an employer that is not
-- what it claims), not only one of its jobs or sessions. A company report names the company only.
alter table reports drop constraint reports_target_kind_check;
alter table reports add constraint reports_target_kind_check check (target_kind in ('job', 'session', 'company'));
alter table reports add constraint reports_company_target_check
  check (target_kind <> 'company' or (company_id is not null and job_id is null and session_id is null));
-- One open report per reporter and company, like jobs and sessions.
create unique index reports_open_company_key on reports (reporter_user_id, company_id) where status = 'open' and target_kind = 'company';
