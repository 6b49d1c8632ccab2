import type { Queryable } from '../../platform/db.js';
import { STAGE_INVITE_SECONDS } from '../../../../contracts/stage.js';

export type StageGuestRow = {
  id: number;
  sessionId: string;
  userId: string | null;
  name: string;
  kind: 'viewer' | 'hr';
  status: 'invited' | 'on_stage' | 'declined' | 'expired' | 'ended';
  invitedAt: Date;
  joinedAt: Date | null;
  endedAt: Date | null;
};

const COLUMNS = `id::int as id, session_id as "sessionId", user_id as "userId", name, kind, status,
  invited_at as "invitedAt", joined_at as "joinedAt", ended_at as "endedAt"`;
/** An invitation nobody answered in time is no longer active. */
const ACTIVE = `(status = 'on_stage' or (status = 'invited' and invited_at > now() - make_interval(secs => ${STAGE_INVITE_SECONDS})))`;

/** The invitation (still answerable) or the guest on stage of a session. */
export async function findActive(db: Queryable, sessionId: string): Promise<StageGuestRow | null> {
  const [row] = await db.query<StageGuestRow>(`select ${COLUMNS} from stage_guests where session_id = $1 and ${ACTIVE}`, [sessionId]);
  return row ?? null;
}

/** A new invitation; null when another person is invited or on stage (the unique index decides across nodes). */
export async function invite(db: Queryable, sessionId: string, guest: { userId: string; name: string; kind: 'viewer' | 'hr' }): Promise<StageGuestRow | null> {
  await db.query(`update stage_guests set status = 'expired', ended_at = now() where session_id = $1 and status = 'invited' and not ${ACTIVE}`, [sessionId]);
  const [row] = await db.query<StageGuestRow>(
    `insert into stage_guests (session_id, user_id, name, kind) values ($1, $2, $3, $4)
     on conflict (session_id) where status in ('invited', 'on_stage') do nothing
     returning ${COLUMNS}`,
    [sessionId, guest.userId, guest.name, guest.kind],
  );
  return row ?? null;
}

/** The invitee's answer; null when there is no answerable invitation for this person. */
export async function respond(db: Queryable, sessionId: string, userId: string, accept: boolean): Promise<StageGuestRow | null> {
  const [row] = await db.query<StageGuestRow>(
    `update stage_guests set status = $3, joined_at = case when $3 = 'on_stage' then now() end, ended_at = case when $3 = 'declined' then now() end
     where session_id = $1 and user_id = $2 and status = 'invited' and ${ACTIVE}
     returning ${COLUMNS}`,
    [sessionId, userId, accept ? 'on_stage' : 'declined'],
  );
  return row ?? null;
}

/** Ends the invitation or the guest's time on stage (only this person's, or this turn, when `only` says). */
export async function end(db: Queryable, sessionId: string, endedBy: string | null, only: { userId?: string; id?: number } = {}): Promise<StageGuestRow | null> {
  const [row] = await db.query<StageGuestRow>(
    `update stage_guests set status = case when status = 'invited' then 'expired' else 'ended' end, ended_at = now(), ended_by = $2
     where session_id = $1 and status in ('invited', 'on_stage') and ($3::uuid is null or user_id = $3) and ($4::bigint is null or id = $4)
     returning ${COLUMNS}`,
    [sessionId, endedBy, only.userId ?? null, only.id ?? null],
  );
  return row ?? null;
}

/** The companies with jobs in the session (their HR members may be invited without raising a hand). */
export async function listSessionCompanyIds(db: Queryable, sessionId: string): Promise<string[]> {
  const rows = await db.query<{ companyId: string }>(
    `select distinct j.company_id as "companyId" from live_session_jobs sj join jobs j on j.id = sj.job_id where sj.session_id = $1`,
    [sessionId],
  );
  return rows.map((row) => row.companyId);
}

/** A person's own entries (the personal-data download). */
export async function listOfUser(db: Queryable, userId: string) {
  return db.query<{ sessionId: string; status: string; invitedAt: Date; joinedAt: Date | null; endedAt: Date | null }>(
    `select session_id as "sessionId", status, invited_at as "invitedAt", joined_at as "joinedAt", ended_at as "endedAt"
     from stage_guests where user_id = $1 order by id`,
    [userId],
  );
}

/** Account deletion: the person leaves the record (the fact that someone was on stage stays). */
export async function anonymiseUser(db: Queryable, userId: string, replacementName: string) {
  await db.query(`update stage_guests set user_id = null, name = $2 where user_id = $1`, [userId, replacementName]);
}
