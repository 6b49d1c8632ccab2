import type { Db, Queryable } from '../../platform/db.js';
import { AppError, forbidden, invalid, notFound } from '../../platform/errors.js';
import type { AuthUser } from '../../platform/http.js';
import type { GeoService } from '../geo/index.js';
import type { OutcomesService } from '../pipeline/index.js';
import type {
  AttachableSession,
  CampaignBody,
  CampaignDetail,
  CampaignPhase,
  CampaignSession,
  CampaignSummary,
} from '../../../../contracts/campaigns.js';
import * as repository from './campaigns.repository.js';

const MAX_CAMPAIGN_DAYS = 366;
const DAY_MS = 86_400_000;

const iso = (value: Date | string | null) => (value ? new Date(value).toISOString() : null);
/** The China calendar date of an instant. */
const chinaDate = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
const withFields = (code: 'forbidden' | 'conflict' | 'validation_failed', path: string, message: string) =>
  new AppError(code, `${path}: ${message}`, { fields: [{ path, message }] });

export type CampaignsDeps = { db: Db; geo: GeoService; outcomes: OutcomesService; now?: () => Date };

export type ListCampaignsQuery = { phase?: CampaignPhase; province?: string; mine?: boolean; limit: number };

/** A new session's facts, checked before the live module writes it into a campaign. */
export type NewSessionPlacement = { startsAt: string };

export function createCampaignsService(deps: CampaignsDeps) {
  const { db, geo, outcomes } = deps;
  const now = deps.now ?? (() => new Date());

  /** Admins manage every campaign; a bureau the ones it organised and those of its province. */
  function canManage(user: AuthUser | null, campaign: { organiserUserId: string; provinceCode: string | null }) {
    if (!user) return false;
    if (user.role === 'admin') return true;
    if (user.role !== 'bureau') return false;
    return campaign.organiserUserId === user.id || (user.provinceCode !== null && campaign.provinceCode === user.provinceCode);
  }

  async function getCampaignRow(campaignId: string, tx: Queryable = db, forUpdate = false) {
    const campaign = await repository.findCampaign(tx, campaignId, { forUpdate });
    if (!campaign) throw notFound('Campaign');
    return campaign;
  }

  function requireManager(user: AuthUser, campaign: repository.CampaignRow) {
    if (!canManage(user, campaign)) {
      throw forbidden("Only the campaign's organiser (a bureau of its province) or an admin can change it / 仅活动主办方（本省人社部门）或管理员可操作");
    }
  }

  /** The checked fields of a create or edit; throws naming the field. Nothing is written before this passes. */
  function resolveInput(user: AuthUser, body: CampaignBody): repository.CampaignWrite {
    if (body.endsOn < body.startsOn) throw invalid('body.endsOn', 'must not be before the start date / 结束日期不能早于开始日期');
    if (daysBetween(body.startsOn, body.endsOn) + 1 > MAX_CAMPAIGN_DAYS) throw invalid('body.endsOn', 'a campaign lasts at most a year / 活动时长不超过一年');
    const province = body.provinceCode ? geo.findProvince(body.provinceCode) : null;
    if (body.provinceCode && !province) throw invalid('body.provinceCode', `unknown province "${body.provinceCode}" (2-digit code, 江苏 or 江苏省) / 未知省份`);
    const city = body.cityCode ? geo.findCity(body.cityCode) : null;
    if (body.cityCode && !city) throw invalid('body.cityCode', `unknown city "${body.cityCode}" (6-digit code, 苏州 or 苏州市) / 未知城市`);
    if (city && province && city.provinceCode !== province.code) {
      throw invalid('body.cityCode', `${city.shortName} is not in ${province.shortName} / 城市不属于所选省份`);
    }
    // A bureau's campaign is in its province: by default, and it cannot be moved elsewhere.
    const ownProvince = user.role === 'bureau' ? user.provinceCode : null;
    const provinceCode = city?.provinceCode ?? province?.code ?? ownProvince;
    if (ownProvince && provinceCode !== ownProvince) {
      const own = geo.findProvince(ownProvince)?.shortName ?? ownProvince;
      throw withFields('forbidden', city ? 'body.cityCode' : 'body.provinceCode', `a bureau organises campaigns in its own province (${own}) / 只能在本省（${own}）举办活动`);
    }
    return { name: body.name, description: body.description, provinceCode, cityCode: city?.code ?? null, startsOn: body.startsOn, endsOn: body.endsOn };
  }

  const isSameCampaign = (row: repository.CampaignRow, input: repository.CampaignWrite) =>
    row.description === input.description && row.provinceCode === input.provinceCode && row.cityCode === input.cityCode && row.endsOn === input.endsOn;

  function toSummary(row: repository.SummaryRow, viewer: AuthUser | null): CampaignSummary {
    return {
      id: row.id,
      name: row.name,
      description: row.description,
      startsOn: row.startsOn,
      endsOn: row.endsOn,
      phase: row.phase,
      provinceCode: row.provinceCode,
      provinceName: row.provinceName,
      cityCode: row.cityCode,
      cityName: row.cityName,
      organiserUserId: row.organiserUserId,
      organiserName: row.organiserName,
      sessionCount: row.sessionCount,
      liveCount: row.liveCount,
      upcomingCount: row.upcomingCount,
      replayCount: row.replayCount,
      nextSessions: row.nextSessions.map((session) => ({ ...session, startsAt: iso(session.startsAt)! })),
      isSynthetic: row.isSynthetic,
      canManage: canManage(viewer, row),
      createdAt: iso(row.createdAt)!,
    };
  }

  async function getSummary(viewer: AuthUser | null, campaignId: string, tx: Queryable = db) {
    const [row] = await repository.listCampaignSummaries(tx, { today: chinaDate(now()), campaignId, limit: 1 });
    if (!row) throw notFound('Campaign');
    return toSummary(row, viewer);
  }

  /** Whether this bureau may put this session in a campaign: the session's region or jobs are in its province, or it is its own. */
  function checkBureauSession(user: AuthUser, session: repository.PlacementRow, path: string) {
    if (user.role !== 'bureau' || session.isInProvince || session.isOwnSession) return;
    throw withFields('forbidden', path, 'a bureau adds sessions of its own province (the session’s region or jobs) or sessions it hosts / 只能添加本省或本部门主持的直播');
  }

  function checkInPeriod(campaign: repository.CampaignRow, startsOn: string, path: string) {
    if (startsOn < campaign.startsOn || startsOn > campaign.endsOn) {
      throw invalid(path, `the session starts on ${startsOn}, outside the campaign (${campaign.startsOn} … ${campaign.endsOn}) / 直播时间不在活动期间内`);
    }
  }

  return {
    canManage,

    async listCampaigns(viewer: AuthUser | null, query: ListCampaignsQuery): Promise<CampaignSummary[]> {
      let provinceCode: string | null = null;
      if (query.province) {
        const province = geo.findProvince(query.province);
        if (!province) throw invalid('query.province', `unknown province "${query.province}" / 未知省份`);
        provinceCode = province.code;
      }
      let managedBy: repository.SummaryFilter['managedBy'] = null;
      if (query.mine) {
        if (!viewer) throw new AppError('unauthenticated', 'Please sign in first / 请先登录');
        if (viewer.role !== 'bureau' && viewer.role !== 'admin') throw forbidden('Campaigns are managed by bureaus and admins / 活动由人社部门和管理员管理');
        if (viewer.role === 'bureau') managedBy = { userId: viewer.id, provinceCode: viewer.provinceCode };
      }
      const rows = await repository.listCampaignSummaries(db, { today: chinaDate(now()), phase: query.phase ?? null, provinceCode, managedBy, limit: query.limit });
      return rows.map((row) => toSummary(row, viewer));
    },

    /**
     * The campaign page: the campaign, its sessions and, for bureaus and admins, the outcome figures of its
     * applications (pipeline's SQL, scoped as the outcomes API scopes them).
     */
    async getCampaignDetail(viewer: AuthUser | null, campaignId: string): Promise<CampaignDetail> {
      const campaign = await getSummary(viewer, campaignId);
      const sessionRows = await repository.listCampaignSessions(db, campaignId);
      const showsFigures = viewer?.role === 'bureau' || viewer?.role === 'admin';
      const figures = showsFigures ? await outcomes.getCampaignFigures(viewer!, campaignId) : null;
      const bySession = new Map(figures?.sessions.map((row) => [row.key, row]) ?? []);
      const viewersBySession = new Map(figures?.viewers.bySession.map((row) => [row.sessionId, row.viewers]) ?? []);
      const sessions: CampaignSession[] = sessionRows.map((row) => {
        const outcome = bySession.get(row.id);
        return {
          id: row.id,
          title: row.title,
          status: row.status,
          startsAt: iso(row.startsAt)!,
          wentLiveAt: iso(row.wentLiveAt),
          endedAt: iso(row.endedAt),
          hostUserId: row.hostUserId,
          hostName: row.hostName,
          provinceCode: row.provinceCode,
          cityName: row.cityName,
          jobCount: row.jobCount,
          isSynthetic: row.isSynthetic,
          figures: figures
            ? {
                viewers: viewersBySession.get(row.id) ?? 0,
                applications: outcome?.applications ?? 0,
                interviews: outcome?.interviews ?? 0,
                hires: outcome?.hires ?? 0,
                onboarded: outcome?.onboarded ?? 0,
                stayed7Days: outcome?.stayed7Days ?? 0,
                leftWithin7Days: outcome?.leftWithin7Days ?? 0,
                sevenDayAttrition: outcome?.sevenDayAttrition ?? null,
              }
            : null,
        };
      });
      const empty = {
        applications: 0, interviews: 0, hires: 0, onboarded: 0, stayed7Days: 0, leftWithin7Days: 0, pendingChecks: 0, sevenDayAttrition: null,
        contacted: 0, medianHoursToHire: null, meanHoursToHire: null, medianHoursToFirstContact: null, meanHoursToFirstContact: null,
      };
      const { key: _key, label: _label, ...totals } = figures?.totals ?? { key: '', label: null, ...empty };
      return {
        campaign,
        sessions,
        figures: figures
          ? { scope: figures.scope === 'province' ? 'province' : 'all', totals: { ...totals, sessions: sessionRows.length, viewers: figures.viewers.uniqueViewers } }
          : null,
      };
    },

    /** A bureau (its province) or an admin creates a campaign. Submitting the same one twice returns it once. */
    async createCampaign(user: AuthUser, body: CampaignBody): Promise<{ detail: CampaignDetail; created: boolean }> {
      if (user.role !== 'bureau' && user.role !== 'admin') throw forbidden('Campaigns are created by bureaus and admins / 仅人社部门和管理员可创建活动');
      const input = resolveInput(user, body);
      const result = await db.transaction(async (tx) => {
        const id = await repository.insertCampaign(tx, user.id, input);
        if (id) return { id, created: true };
        const existing = await repository.findCampaignByNaturalKey(tx, user.id, input.name, input.startsOn);
        if (existing && isSameCampaign(existing, input)) return { id: existing.id, created: false };
        throw withFields('conflict', 'body.name', 'you already have a campaign with this name starting on that date / 已有同名同日开始的活动');
      });
      return { detail: await this.getCampaignDetail(user, result.id), created: result.created };
    },

    /** Edit (a full replacement). The sessions already in it must still start within the new period. */
    async updateCampaign(user: AuthUser, campaignId: string, body: CampaignBody): Promise<CampaignDetail> {
      await db.transaction(async (tx) => {
        const campaign = await getCampaignRow(campaignId, tx, true);
        requireManager(user, campaign);
        const input = resolveInput(user, body);
        const outside = await repository.countSessionsOutsidePeriod(tx, campaignId, input.startsOn, input.endsOn);
        if (outside > 0) {
          throw invalid(input.startsOn > campaign.startsOn ? 'body.startsOn' : 'body.endsOn',
            `${outside} of its sessions would fall outside the new period; remove them first / 有${outside}场直播不在新的活动期间内，请先移出`);
        }
        if (!(await repository.updateCampaign(tx, campaignId, input))) {
          throw withFields('conflict', 'body.name', 'another campaign of the organiser has this name and start date / 已有同名同日开始的活动');
        }
      });
      return this.getCampaignDetail(user, campaignId);
    },

    /** Adds a session (idempotent). A session is in at most one campaign. */
    async attachSession(user: AuthUser, campaignId: string, sessionId: string): Promise<CampaignDetail> {
      await db.transaction(async (tx) => {
        const campaign = await getCampaignRow(campaignId, tx, true);
        requireManager(user, campaign);
        const session = await repository.findSessionForPlacement(tx, sessionId, { userId: user.id, provinceCode: user.provinceCode }, { forUpdate: true });
        if (!session) throw notFound('Live session');
        if (session.campaignId === campaignId) return;
        checkBureauSession(user, session, 'params.sessionId');
        if (session.campaignId) {
          throw withFields('conflict', 'params.sessionId', `the session is already in the campaign "${session.campaignName}"; remove it there first / 该直播已属于活动「${session.campaignName}」`);
        }
        checkInPeriod(campaign, session.startsOn, 'params.sessionId');
        await repository.setSessionCampaign(tx, sessionId, campaignId);
      });
      return this.getCampaignDetail(user, campaignId);
    },

    async detachSession(user: AuthUser, campaignId: string, sessionId: string): Promise<CampaignDetail> {
      await db.transaction(async (tx) => {
        const campaign = await getCampaignRow(campaignId, tx, true);
        requireManager(user, campaign);
        const session = await repository.findSessionForPlacement(tx, sessionId, { userId: user.id, provinceCode: null }, { forUpdate: true });
        if (!session || session.campaignId !== campaignId) throw notFound('Session in this campaign');
        await repository.setSessionCampaign(tx, sessionId, null);
      });
      return this.getCampaignDetail(user, campaignId);
    },

    /** Sessions the manager may add: within the campaign's period, a bureau's own province's or its own. */
    async listAttachableSessions(user: AuthUser, campaignId: string, query: string | undefined): Promise<AttachableSession[]> {
      const campaign = await getCampaignRow(campaignId);
      requireManager(user, campaign);
      const search = query?.trim() ? query.trim().replace(/[\\%_]/g, (character) => `\\${character}`) : null;
      const rows = await repository.listAttachableSessions(db, {
        startsOn: campaign.startsOn,
        endsOn: campaign.endsOn,
        query: search,
        bureau: user.role === 'bureau' ? { userId: user.id, provinceCode: user.provinceCode } : null,
        limit: 100,
      });
      return rows.map((row) => ({ ...row, startsAt: iso(row.startsAt)! }));
    },

    /**
     * The live module asks before it schedules a session into a campaign (POST /api/sessions with campaignId):
     * the same rules as attaching. Throws naming body.campaignId or body.startsAt.
     */
    async checkNewSession(user: AuthUser, campaignId: string, session: NewSessionPlacement, tx: Queryable = db) {
      const campaign = await repository.findCampaign(tx, campaignId);
      if (!campaign) throw invalid('body.campaignId', 'no such campaign / 活动不存在');
      if (!canManage(user, campaign)) {
        throw withFields('forbidden', 'body.campaignId', "only the campaign's organiser (a bureau of its province) or an admin adds sessions to it / 仅活动主办方或管理员可向活动添加直播");
      }
      // A bureau scheduling the session is its organiser (created_by), so it counts as the bureau's own session.
      checkInPeriod(campaign, chinaDate(new Date(session.startsAt)), 'body.startsAt');
    },
  };
}

export type CampaignsService = ReturnType<typeof createCampaignsService>;
