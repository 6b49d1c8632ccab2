import type { Queryable } from '../../platform/db.js';
import type { SessionStatus } from '../../../../contracts/live.js';
import type { CampaignPhase, CampaignSessionBrief } from '../../../../contracts/campaigns.js';

export type CampaignRow = {
  id: string;
  name: string;
  description: string;
  organiserUserId: string;
  provinceCode: string | null;
  cityCode: string | null;
  startsOn: string;
  endsOn: string;
  isSynthetic: boolean;
};

const CAMPAIGN_COLUMNS = `c.id, c.name, c.description, c.organiser_user_id as "organiserUserId", c.province_code as "provinceCode",
  c.city_code as "cityCode", c.starts_on as "startsOn", c.ends_on as "endsOn", c.is_synthetic as "isSynthetic"`;

export type CampaignWrite = {
  name: string;
  description: string;
  provinceCode: string | null;
  cityCode: string | null;
  startsOn: string;
  endsOn: string;
};

/** The new campaign's id, or null when this organiser already has one with that name and start date. */
export async function insertCampaign(db: Queryable, organiserUserId: string, campaign: CampaignWrite): Promise<string | null> {
  const [row] = await db.query<{ id: string }>(
    `insert into campaigns (name, description, organiser_user_id, province_code, city_code, starts_on, ends_on)
     values ($1, $2, $3, $4, $5, $6, $7)
     on conflict (organiser_user_id, name, starts_on) do nothing
     returning id`,
    [campaign.name, campaign.description, organiserUserId, campaign.provinceCode, campaign.cityCode, campaign.startsOn, campaign.endsOn],
  );
  return row?.id ?? null;
}

export async function findCampaignByNaturalKey(db: Queryable, organiserUserId: string, name: string, startsOn: string): Promise<CampaignRow | null> {
  const [row] = await db.query<CampaignRow>(
    `select ${CAMPAIGN_COLUMNS} from campaigns c where c.organiser_user_id = $1 and c.name = $2 and c.starts_on = $3`,
    [organiserUserId, name, startsOn],
  );
  return row ?? null;
}

export async function findCampaign(db: Queryable, campaignId: string, options: { forUpdate?: boolean } = {}): Promise<CampaignRow | null> {
  const [row] = await db.query<CampaignRow>(
    `select ${CAMPAIGN_COLUMNS} from campaigns c where c.id = $1${options.forUpdate ? ' for update' : ''}`,
    [campaignId],
  );
  return row ?? null;
}

/** False when another campaign of the same organiser already has that name and start date. */
export async function updateCampaign(db: Queryable, campaignId: string, campaign: CampaignWrite): Promise<boolean> {
  const rows = await db.query<{ id: string }>(
    `update campaigns c set name = $2, description = $3, province_code = $4, city_code = $5, starts_on = $6, ends_on = $7, updated_at = now()
     where c.id = $1
       and not exists (select 1 from campaigns o where o.id <> c.id and o.organiser_user_id = c.organiser_user_id and o.name = $2 and o.starts_on = $6)
     returning c.id`,
    [campaignId, campaign.name, campaign.description, campaign.provinceCode, campaign.cityCode, campaign.startsOn, campaign.endsOn],
  );
  return rows.length > 0;
}

/** How many of the campaign's sessions start (China date) outside [startsOn, endsOn]. */
export async function countSessionsOutsidePeriod(db: Queryable, campaignId: string, startsOn: string, endsOn: string): Promise<number> {
  const [row] = await db.query<{ count: number }>(
    `select count(*) as count from live_sessions s
     where s.campaign_id = $1 and (s.starts_at at time zone 'Asia/Shanghai')::date not between $2::date and $3::date`,
    [campaignId, startsOn, endsOn],
  );
  return row.count;
}

export type SummaryRow = {
  id: string;
  name: string;
  description: string;
  startsOn: string;
  endsOn: string;
  phase: CampaignPhase;
  provinceCode: string | null;
  provinceName: string | null;
  cityCode: string | null;
  cityName: string | null;
  organiserUserId: string;
  organiserName: string;
  sessionCount: number;
  liveCount: number;
  upcomingCount: number;
  replayCount: number;
  nextSessions: Array<Omit<CampaignSessionBrief, 'startsAt'> & { startsAt: string }>;
  isSynthetic: boolean;
  createdAt: Date;
};

export type SummaryFilter = {
  /** The China date today (decides each campaign's phase). */
  today: string;
  campaignId?: string | null;
  phase?: CampaignPhase | null;
  provinceCode?: string | null;
  /** Only campaigns this bureau manages: organised by it, or in its province. */
  managedBy?: { userId: string; provinceCode: string | null } | null;
  limit?: number;
};

/** Campaigns with their session counts and next live/upcoming sessions: running first, then upcoming, then ended. */
export function listCampaignSummaries(db: Queryable, filter: SummaryFilter) {
  return db.query<SummaryRow>(
    `with listed as (
       select c.*, case when $1::date < c.starts_on then 'upcoming' when $1::date > c.ends_on then 'ended' else 'running' end as phase
       from campaigns c
       where ($2::uuid is null or c.id = $2)
         and ($3::text is null or c.province_code = $3 or c.province_code is null)
         and ($4::uuid is null or c.organiser_user_id = $4 or ($5::text is not null and c.province_code = $5))
     )
     select c.id, c.name, c.description, c.starts_on as "startsOn", c.ends_on as "endsOn", c.phase,
            c.province_code as "provinceCode", p.short_name as "provinceName", c.city_code as "cityCode", ci.short_name as "cityName",
            c.organiser_user_id as "organiserUserId", u.display_name as "organiserName",
            coalesce(counts.sessions, 0) as "sessionCount", coalesce(counts.live, 0) as "liveCount",
            coalesce(counts.upcoming, 0) as "upcomingCount", coalesce(counts.ended, 0) as "replayCount",
            coalesce(upcoming.sessions, '[]'::json) as "nextSessions",
            c.is_synthetic as "isSynthetic", c.created_at as "createdAt"
     from listed c
     join users u on u.id = c.organiser_user_id
     left join provinces p on p.code = c.province_code
     left join cities ci on ci.code = c.city_code
     left join lateral (
       select count(*) as sessions, count(*) filter (where s.status = 'live') as live,
              count(*) filter (where s.status = 'scheduled') as upcoming, count(*) filter (where s.status = 'ended') as ended
       from live_sessions s where s.campaign_id = c.id
     ) counts on true
     left join lateral (
       select json_agg(json_build_object('id', n.id, 'title', n.title, 'status', n.status, 'startsAt', n.starts_at) order by n.rank, n.starts_at) as sessions
       from (
         select s.id, s.title, s.status, s.starts_at, case s.status when 'live' then 0 else 1 end as rank
         from live_sessions s where s.campaign_id = c.id and s.status in ('live', 'scheduled')
         order by rank, s.starts_at limit 3
       ) n
     ) upcoming on true
     where ($6::text is null or c.phase = $6)
     order by case c.phase when 'running' then 0 when 'upcoming' then 1 else 2 end,
              case when c.phase = 'upcoming' then c.starts_on end asc,
              c.ends_on desc, c.created_at desc, c.id
     limit $7`,
    [
      filter.today, filter.campaignId ?? null, filter.provinceCode ?? null, filter.managedBy?.userId ?? null,
      filter.managedBy?.provinceCode ?? null, filter.phase ?? null, filter.limit ?? 100,
    ],
  );
}

export type CampaignSessionRow = {
  id: string;
  title: string;
  status: SessionStatus;
  startsAt: Date;
  wentLiveAt: Date | null;
  endedAt: Date | null;
  hostUserId: string;
  hostName: string;
  provinceCode: string | null;
  cityName: string | null;
  jobCount: number;
  isSynthetic: boolean;
};

/** The campaign's sessions by start time, with host, city and number of jobs. */
export function listCampaignSessions(db: Queryable, campaignId: string) {
  return db.query<CampaignSessionRow>(
    `select s.id, s.title, s.status, s.starts_at as "startsAt", s.went_live_at as "wentLiveAt", s.ended_at as "endedAt",
            s.host_user_id as "hostUserId", u.display_name as "hostName", s.province_code as "provinceCode", ci.short_name as "cityName",
            (select count(*) from live_session_jobs sj where sj.session_id = s.id)::int as "jobCount", s.is_synthetic as "isSynthetic"
     from live_sessions s
     join users u on u.id = s.host_user_id
     left join cities ci on ci.code = s.city_code
     where s.campaign_id = $1
     order by s.starts_at, s.id`,
    [campaignId],
  );
}

export type PlacementRow = {
  id: string;
  title: string;
  startsOn: string;
  campaignId: string | null;
  campaignName: string | null;
  /** The session's own province, or one of its jobs' cities, is the given province. */
  isInProvince: boolean;
  /** The user hosts it or scheduled it. */
  isOwnSession: boolean;
};

/** What attaching needs to know about a session, seen from a bureau's province and user id. */
export async function findSessionForPlacement(db: Queryable, sessionId: string, viewer: { userId: string; provinceCode: string | null }, options: { forUpdate?: boolean } = {}) {
  const [row] = await db.query<PlacementRow>(
    `select s.id, s.title, (s.starts_at at time zone 'Asia/Shanghai')::date as "startsOn", s.campaign_id as "campaignId",
            (select name from campaigns where id = s.campaign_id) as "campaignName",
            ($3::text is not null and (s.province_code = $3 or exists (
              select 1 from live_session_jobs sj join jobs j on j.id = sj.job_id join cities ci on ci.code = j.city_code
              where sj.session_id = s.id and ci.province_code = $3))) as "isInProvince",
            (s.host_user_id = $2 or s.created_by = $2) as "isOwnSession"
     from live_sessions s where s.id = $1${options.forUpdate ? ' for update of s' : ''}`,
    [sessionId, viewer.userId, viewer.provinceCode],
  );
  return row ?? null;
}

export async function setSessionCampaign(db: Queryable, sessionId: string, campaignId: string | null) {
  await db.query('update live_sessions set campaign_id = $2 where id = $1', [sessionId, campaignId]);
}

export type AttachableRow = {
  id: string;
  title: string;
  status: SessionStatus;
  startsAt: Date;
  hostName: string;
  cityName: string | null;
  campaignId: string | null;
  campaignName: string | null;
};

/**
 * Sessions a manager may add: starting within the campaign's period, matching `query` (title or host), and for
 * a bureau only its province's (the session's region or one of its jobs) or its own. Not yet in a campaign first.
 */
export function listAttachableSessions(
  db: Queryable,
  filter: { startsOn: string; endsOn: string; query: string | null; bureau: { userId: string; provinceCode: string | null } | null; limit: number },
) {
  return db.query<AttachableRow>(
    `select s.id, s.title, s.status, s.starts_at as "startsAt", u.display_name as "hostName", ci.short_name as "cityName",
            s.campaign_id as "campaignId", cp.name as "campaignName"
     from live_sessions s
     join users u on u.id = s.host_user_id
     left join cities ci on ci.code = s.city_code
     left join campaigns cp on cp.id = s.campaign_id
     where (s.starts_at at time zone 'Asia/Shanghai')::date between $1::date and $2::date
       and ($3::text is null or s.title ilike '%' || $3 || '%' or u.display_name ilike '%' || $3 || '%')
       and ($4::uuid is null
            or s.host_user_id = $4 or s.created_by = $4
            or ($5::text is not null and (s.province_code = $5 or exists (
                  select 1 from live_session_jobs sj join jobs j on j.id = sj.job_id join cities jc on jc.code = j.city_code
                  where sj.session_id = s.id and jc.province_code = $5))))
     order by (s.campaign_id is not null), s.starts_at desc, s.id
     limit $6`,
    [filter.startsOn, filter.endsOn, filter.query, filter.bureau?.userId ?? null, filter.bureau?.provinceCode ?? null, filter.limit],
  );
}
