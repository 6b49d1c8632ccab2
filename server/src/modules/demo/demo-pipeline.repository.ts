import type { Queryable } from '../../platform/db.js';

// Bulk writes for the demo pipeline history (demo-pipeline.ts): the same rows the pipeline service writes one
// transition at a time (application_events, application_progress, pipeline_tasks, phone_unmask_log,
// notifications) and the live module's funnel tables, as `insert … select from unnest(arrays)` per chunk.

const CHUNK_ROWS = 20_000;

async function inChunks<T>(rows: readonly T[], write: (chunk: readonly T[]) => Promise<unknown>) {
  for (let start = 0; start < rows.length; start += CHUNK_ROWS) await write(rows.slice(start, start + CHUNK_ROWS));
}

/**
 * The ids the demo applications got, in the order they were inserted (an identity column, one insert in
 * order of position): checked against the first and last application so a mismatch fails loudly.
 */
export async function listSyntheticApplicationIds(db: Queryable, expected: { count: number; first: { jobId: string; seekerUserId: string }; last: { jobId: string; seekerUserId: string } }) {
  const rows = await db.query<{ id: number }>('select id from applications where is_synthetic order by id');
  if (rows.length !== expected.count) throw new Error(`demo pipeline: expected ${expected.count} demo applications, found ${rows.length}`);
  const ends = await db.query<{ id: number; jobId: string; seekerUserId: string }>(
    'select id, job_id as "jobId", seeker_user_id as "seekerUserId" from applications where id = any($1::bigint[]) order by id',
    [[rows[0].id, rows[rows.length - 1].id]],
  );
  const [first, last] = [ends[0], ends[ends.length - 1]];
  if (first.jobId !== expected.first.jobId || first.seekerUserId !== expected.first.seekerUserId || last.jobId !== expected.last.jobId || last.seekerUserId !== expected.last.seekerUserId) {
    throw new Error('demo pipeline: the applications were not stored in the order they were generated');
  }
  return rows.map((row) => row.id);
}

export type EventRow = {
  applicationId: number;
  action: string;
  fromStatus: string;
  toStatus: string;
  actorUserId: string | null;
  actorRole: 'employer' | 'seeker';
  reason: string | null;
  details: string;
  stateBefore: string;
  occurredAt: string;
};

/** Events in the order given (ids ascend with it: the console's "latest change" is the highest id). */
export async function insertEvents(db: Queryable, rows: readonly EventRow[]) {
  await inChunks(rows, (chunk) => db.query(
    `insert into application_events (application_id, action, from_status, to_status, actor_user_id, actor_role, reason, details, state_before, occurred_at)
     select application_id, action, from_status, to_status, actor_user_id, actor_role, reason, details::jsonb, state_before::jsonb, occurred_at
     from unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::uuid[], $6::text[], $7::text[], $8::text[], $9::text[], $10::timestamptz[])
       with ordinality as t (application_id, action, from_status, to_status, actor_user_id, actor_role, reason, details, state_before, occurred_at, position)
     order by position`,
    [
      chunk.map((row) => row.applicationId), chunk.map((row) => row.action), chunk.map((row) => row.fromStatus), chunk.map((row) => row.toStatus),
      chunk.map((row) => row.actorUserId), chunk.map((row) => row.actorRole), chunk.map((row) => row.reason), chunk.map((row) => row.details),
      chunk.map((row) => row.stateBefore), chunk.map((row) => row.occurredAt),
    ],
  ));
}

export type ProgressRow = {
  applicationId: number;
  interviewAt: string | null;
  interviewPlace: string | null;
  interviewVideoUrl: string | null;
  interviewResponse: string | null;
  startDate: string | null;
  closingReason: string | null;
  statusChangedAt: string;
};

export async function insertProgress(db: Queryable, rows: readonly ProgressRow[]) {
  await inChunks(rows, (chunk) => db.query(
    `insert into application_progress (application_id, interview_at, interview_place, interview_video_url, interview_response, start_date, closing_reason, status_changed_at)
     select * from unnest($1::bigint[], $2::timestamptz[], $3::text[], $4::text[], $5::text[], $6::date[], $7::text[], $8::timestamptz[])`,
    [
      chunk.map((row) => row.applicationId), chunk.map((row) => row.interviewAt), chunk.map((row) => row.interviewPlace),
      chunk.map((row) => row.interviewVideoUrl), chunk.map((row) => row.interviewResponse), chunk.map((row) => row.startDate),
      chunk.map((row) => row.closingReason), chunk.map((row) => row.statusChangedAt),
    ],
  ));
}

export type UnmaskRow = { applicationId: number; viewerUserId: string; viewerCompanyId: string; unmaskedAt: string };

export async function insertUnmasks(db: Queryable, rows: readonly UnmaskRow[]) {
  await inChunks(rows, (chunk) => db.query(
    `insert into phone_unmask_log (application_id, viewer_user_id, viewer_company_id, unmasked_at)
     select application_id, viewer_user_id, viewer_company_id, unmasked_at
     from unnest($1::bigint[], $2::uuid[], $3::uuid[], $4::timestamptz[]) with ordinality as t (application_id, viewer_user_id, viewer_company_id, unmasked_at, position)
     order by position`,
    [chunk.map((row) => row.applicationId), chunk.map((row) => row.viewerUserId), chunk.map((row) => row.viewerCompanyId), chunk.map((row) => row.unmaskedAt)],
  ));
}

export type TaskRow = {
  applicationId: number;
  companyId: string;
  dueOn: string;
  createdAt: string;
  notifiedAt: string | null;
  completedAt: string | null;
  completedByUserId: string | null;
};

/** 7-day checks; returns their ids in the order given. */
export async function insertTasks(db: Queryable, rows: readonly TaskRow[]): Promise<number[]> {
  const ids: number[] = [];
  await inChunks(rows, async (chunk) => {
    const inserted = await db.query<{ id: number; applicationId: number }>(
      `insert into pipeline_tasks (kind, application_id, company_id, due_on, created_at, notified_at, completed_at, completed_by_user_id)
       select 'seven_day_check', application_id, company_id, due_on, created_at, notified_at, completed_at, completed_by_user_id
       from unnest($1::bigint[], $2::uuid[], $3::date[], $4::timestamptz[], $5::timestamptz[], $6::timestamptz[], $7::uuid[])
         with ordinality as t (application_id, company_id, due_on, created_at, notified_at, completed_at, completed_by_user_id, position)
       order by position
       returning id, application_id as "applicationId"`,
      [
        chunk.map((row) => row.applicationId), chunk.map((row) => row.companyId), chunk.map((row) => row.dueOn), chunk.map((row) => row.createdAt),
        chunk.map((row) => row.notifiedAt), chunk.map((row) => row.completedAt), chunk.map((row) => row.completedByUserId),
      ],
    );
    // One open-or-closed check per onboarding and at most one onboarding per application: the id by application.
    const byApplication = new Map(inserted.map((row) => [row.applicationId, row.id]));
    for (const row of chunk) ids.push(byApplication.get(row.applicationId)!);
  });
  return ids;
}

export type NotificationRow = {
  userId: string;
  kind: string;
  title: string;
  body: string;
  link: string;
  payload: string;
  createdAt: string;
  readAt: string | null;
};

/** In the order given (the list shows the highest id first, so give them oldest first). */
export async function insertNotifications(db: Queryable, rows: readonly NotificationRow[]) {
  await inChunks(rows, (chunk) => db.query(
    `insert into notifications (user_id, kind, title, body, link, payload, created_at, read_at)
     select user_id, kind, title, body, link, payload::jsonb, created_at, read_at
     from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[], $8::timestamptz[])
       with ordinality as t (user_id, kind, title, body, link, payload, created_at, read_at, position)
     order by position`,
    [
      chunk.map((row) => row.userId), chunk.map((row) => row.kind), chunk.map((row) => row.title), chunk.map((row) => row.body),
      chunk.map((row) => row.link), chunk.map((row) => row.payload), chunk.map((row) => row.createdAt), chunk.map((row) => row.readAt),
    ],
  ));
}

export type ViewerRow = { sessionId: string; viewerKey: string; userId: string | null; firstJoinedAt: string };

export async function insertViewers(db: Queryable, rows: readonly ViewerRow[]) {
  await inChunks(rows, (chunk) => db.query(
    `insert into live_session_viewers (session_id, viewer_key, user_id, first_joined_at)
     select * from unnest($1::uuid[], $2::text[], $3::uuid[], $4::timestamptz[])`,
    [chunk.map((row) => row.sessionId), chunk.map((row) => row.viewerKey), chunk.map((row) => row.userId), chunk.map((row) => row.firstJoinedAt)],
  ));
}

export type CardOpenRow = { sessionId: string; jobId: string; viewerKey: string; openedAt: string };

export async function insertCardOpens(db: Queryable, rows: readonly CardOpenRow[]) {
  await inChunks(rows, (chunk) => db.query(
    `insert into live_job_card_opens (session_id, job_id, viewer_key, opened_at)
     select * from unnest($1::uuid[], $2::uuid[], $3::text[], $4::timestamptz[])`,
    [chunk.map((row) => row.sessionId), chunk.map((row) => row.jobId), chunk.map((row) => row.viewerKey), chunk.map((row) => row.openedAt)],
  ));
}

/** The room's counters as the realtime layer would have left them (peak concurrent viewers, likes). */
export async function updateSessionCounters(db: Queryable, rows: ReadonlyArray<{ sessionId: string; peakViewers: number; likes: number }>) {
  await inChunks(rows, (chunk) => db.query(
    `update live_sessions s set peak_viewers = t.peak_viewers, like_count = t.likes
     from unnest($1::uuid[], $2::int[], $3::bigint[]) as t (session_id, peak_viewers, likes)
     where s.id = t.session_id`,
    [chunk.map((row) => row.sessionId), chunk.map((row) => row.peakViewers), chunk.map((row) => row.likes)],
  ));
}
