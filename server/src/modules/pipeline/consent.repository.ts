import type { Queryable } from '../../platform/db.js';

/** What a consent, a contact request or a logged look is about: the phone number or the WeChat ID (微信号). */
export type ContactKind = 'phone' | 'wechat';

export type ConsentView = {
  id: number;
  kind: ContactKind;
  companyId: string;
  companyName: string | null;
  source: 'apply' | 'conversation';
  applicationId: number | null;
  grantedAt: Date;
  withdrawnAt: Date | null;
};

export type PhoneLookView = { kind: ContactKind; viewerName: string | null; companyName: string | null; jobTitle: string | null; applicationId: number | null; conversationId: number | null; unmaskedAt: Date };

export async function hasActiveConsent(db: Queryable, seekerUserId: string, companyId: string, kind: ContactKind = 'phone') {
  const [row] = await db.query<{ found: boolean }>(
    'select exists (select 1 from contact_consents where seeker_user_id = $1 and company_id = $2 and kind = $3 and withdrawn_at is null) as found',
    [seekerUserId, companyId, kind],
  );
  return row.found;
}

/** One active consent per seeker, company and kind: granting again keeps the first (returns null then). */
export async function insertConsent(
  db: Queryable,
  input: { seekerUserId: string; companyId: string; kind?: ContactKind; source: 'apply' | 'conversation'; applicationId: number | null; contactRequestId: number | null; at: Date },
) {
  const [row] = await db.query<{ id: number }>(
    `insert into contact_consents (seeker_user_id, company_id, source, application_id, contact_request_id, granted_at, kind)
     select $1, $2, $3, $4, $5, $6, $7
     where not exists (select 1 from contact_consents where seeker_user_id = $1 and company_id = $2 and kind = $7 and withdrawn_at is null)
     returning id`,
    [input.seekerUserId, input.companyId, input.source, input.applicationId, input.contactRequestId, input.at, input.kind ?? 'phone'],
  );
  return row?.id ?? null;
}

export async function findApplicationOwner(db: Queryable, applicationId: number) {
  const [row] = await db.query<{ seekerUserId: string | null; companyId: string | null }>(
    'select seeker_user_id as "seekerUserId", company_id as "companyId" from applications where id = $1',
    [applicationId],
  );
  return row ?? null;
}

/** Withdraws every active consent of the seeker for that consent's company (phone and WeChat alike); returns how many. */
export async function withdrawConsent(db: Queryable, seekerUserId: string, consentId: number, at: Date) {
  const rows = await db.query<{ id: number }>(
    `update contact_consents set withdrawn_at = $3
     where seeker_user_id = $1 and withdrawn_at is null
       and company_id = (select company_id from contact_consents where id = $2 and seeker_user_id = $1)
     returning id`,
    [seekerUserId, consentId, at],
  );
  return rows.length;
}

export function listConsentsBySeeker(db: Queryable, seekerUserId: string) {
  return db.query<ConsentView>(
    `select k.id, k.kind, k.company_id as "companyId", c.name as "companyName", k.source, k.application_id as "applicationId",
            k.granted_at as "grantedAt", k.withdrawn_at as "withdrawnAt"
     from contact_consents k left join companies c on c.id = k.company_id
     where k.seeker_user_id = $1 order by k.id desc`,
    [seekerUserId],
  );
}

export async function insertPhoneLook(
  db: Queryable,
  input: { kind?: ContactKind; applicationId: number | null; conversationId: number | null; seekerUserId: string; viewerUserId: string; viewerCompanyId: string | null; at: Date },
) {
  await db.query(
    `insert into phone_unmask_log (application_id, conversation_id, seeker_user_id, viewer_user_id, viewer_company_id, unmasked_at, kind)
     values ($1, $2, $3, $4, $5, $6, $7)`,
    [input.applicationId, input.conversationId, input.seekerUserId, input.viewerUserId, input.viewerCompanyId, input.at, input.kind ?? 'phone'],
  );
}

/** Whether this viewer already looked at this seeker's number since `since` (the seeker is told once an hour, not per look). */
export async function hasRecentLook(db: Queryable, seekerUserId: string, viewerUserId: string, since: Date) {
  const [row] = await db.query<{ found: boolean }>(
    'select exists (select 1 from phone_unmask_log where seeker_user_id = $1 and viewer_user_id = $2 and unmasked_at >= $3) as found',
    [seekerUserId, viewerUserId, since],
  );
  return row.found;
}

/** Whether this viewer's look at this application's number is already logged since `since` (the drawer re-opened). */
export async function hasRecentApplicationLook(db: Queryable, applicationId: number, viewerUserId: string, since: Date) {
  const [row] = await db.query<{ found: boolean }>(
    "select exists (select 1 from phone_unmask_log where application_id = $1 and viewer_user_id = $2 and kind = 'phone' and unmasked_at >= $3) as found",
    [applicationId, viewerUserId, since],
  );
  return row.found;
}

export function listPhoneLooksBySeeker(db: Queryable, seekerUserId: string) {
  return db.query<PhoneLookView>(
    `select l.kind, u.display_name as "viewerName", c.name as "companyName", coalesce(j.title, cj.title) as "jobTitle",
            l.application_id as "applicationId", l.conversation_id as "conversationId", l.unmasked_at as "unmaskedAt"
     from phone_unmask_log l
     left join users u on u.id = l.viewer_user_id
     left join companies c on c.id = l.viewer_company_id
     left join applications a on a.id = l.application_id
     left join jobs j on j.id = a.job_id
     left join conversations v on v.id = l.conversation_id
     left join jobs cj on cj.id = v.job_id
     where l.seeker_user_id = $1 order by l.id desc`,
    [seekerUserId],
  );
}

/** Account deletion: consents go; the look log keeps its rows (the application side is anonymised) without the person. */
export async function eraseConsentsOfSeeker(db: Queryable, seekerUserId: string) {
  await db.query('delete from contact_consents where seeker_user_id = $1', [seekerUserId]);
  await db.query('update phone_unmask_log set seeker_user_id = null where seeker_user_id = $1', [seekerUserId]);
}
