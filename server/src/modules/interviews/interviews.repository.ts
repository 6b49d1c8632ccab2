import type { Queryable } from '../../platform/db.js';
import type { InterviewSide } from '../../../../contracts/interviews.js';

export type Participant = { userId: string | null; name: string; side: InterviewSide; joinedAt: string };
export type VideoInterviewRow = {
  id: number;
  applicationId: number;
  startedAt: Date;
  endedAt: Date | null;
  endedBy: string | null;
  endedByName: string | null;
  participants: Participant[];
};

const SELECT = `select v.id::int as id, v.application_id::int as "applicationId", v.started_at as "startedAt", v.ended_at as "endedAt",
  v.ended_by as "endedBy", u.display_name as "endedByName", v.participants
  from video_interviews v left join users u on u.id = v.ended_by`;

export async function findOpenCall(db: Queryable, applicationId: number): Promise<VideoInterviewRow | null> {
  const [row] = await db.query<VideoInterviewRow>(`${SELECT} where v.application_id = $1 and v.ended_at is null`, [applicationId]);
  return row ?? null;
}

/** The open call of the application with this person in it (opened by the first join; one per person). */
export async function joinCall(db: Queryable, applicationId: number, participant: Participant): Promise<VideoInterviewRow> {
  await db.query(
    `insert into video_interviews (application_id, participants) values ($1, '[]'::jsonb)
     on conflict (application_id) where ended_at is null do nothing`,
    [applicationId],
  );
  await db.query(
    `update video_interviews set participants = participants || jsonb_build_array($2::jsonb)
     where application_id = $1 and ended_at is null
       and not exists (select 1 from jsonb_array_elements(participants) p where p->>'userId' = $3)`,
    [applicationId, JSON.stringify(participant), participant.userId],
  );
  return (await findOpenCall(db, applicationId))!;
}

export async function endCall(db: Queryable, applicationId: number, endedBy: string, at: Date): Promise<VideoInterviewRow | null> {
  const [row] = await db.query<{ id: number }>(
    `update video_interviews set ended_at = $3, ended_by = $2 where application_id = $1 and ended_at is null returning id::int as id`,
    [applicationId, endedBy, at],
  );
  if (!row) return null;
  const [ended] = await db.query<VideoInterviewRow>(`${SELECT} where v.id = $1`, [row.id]);
  return ended ?? null;
}

export async function listCalls(db: Queryable, applicationId: number): Promise<VideoInterviewRow[]> {
  return db.query<VideoInterviewRow>(`${SELECT} where v.application_id = $1 order by v.id`, [applicationId]);
}

/** A person's own entries (the personal-data download). */
export async function listCallsOfUser(db: Queryable, userId: string) {
  return db.query<{ applicationId: number; startedAt: Date; endedAt: Date | null }>(
    `select application_id::int as "applicationId", started_at as "startedAt", ended_at as "endedAt" from video_interviews
     where participants @> jsonb_build_array(jsonb_build_object('userId', $1::text)) order by id`,
    [userId],
  );
}

/** Account deletion: the person's name and id leave every record (the fact that a call was held stays). */
export async function anonymiseUser(db: Queryable, userId: string, replacementName: string) {
  await db.query(
    `update video_interviews set participants = (
       select coalesce(jsonb_agg(case when p->>'userId' = $1 then jsonb_set(jsonb_set(p, '{userId}', 'null'::jsonb), '{name}', to_jsonb($2::text)) else p end), '[]'::jsonb)
       from jsonb_array_elements(participants) p)
     where participants @> jsonb_build_array(jsonb_build_object('userId', $1::text))`,
    [userId, replacementName],
  );
}
