-- Applications imported from other channels (`jobcast import applications FILE.csv`): each file is one
-- import, recorded with its content hash so the same file cannot be counted twice, and so an import can
-- be found (and removed) as a whole. Imported rows have no job or company row here: the employer name
-- and job title the file gave are kept on the application as the record of what was imported.
create table application_imports (
  id bigint generated always as identity primary key,
  content_sha256 text not null unique check (content_sha256 ~ '^[0-9a-f]{64}$'),
  file_name text not null,
  row_count integer not null check (row_count > 0),
  first_applied_at timestamptz not null,
  last_applied_at timestamptz not null,
  imported_at timestamptz not null default now()
);

alter table applications
  add column import_id bigint references application_imports (id),
  add column imported_company_name text,
  add column imported_job_title text;
create index applications_import_id_idx on applications (import_id) where import_id is not null;
