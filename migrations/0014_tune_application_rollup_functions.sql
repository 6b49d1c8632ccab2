-- A bulk statement (an import of a million rows) aggregates its transition table and sorts the deltas
-- into key order before upserting; with the default 4 MB these sorts spill to disk. Give the rollup
-- functions more memory for their own duration only.
alter function maintain_application_rollups() set work_mem = '64MB';
alter function rebuild_application_rollups() set work_mem = '64MB';
