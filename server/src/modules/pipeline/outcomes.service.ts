import { PUBLIC_MIN_COUNT } from '../../../../contracts/analytics.js';
import type { Db } from '../../platform/db.js';
import { AppError, notFound } from '../../platform/errors.js';
import type { AuthUser } from '../../platform/http.js';
import { addDays, chinaDate } from './pipeline-state.js';
import * as repository from './outcomes.repository.js';
import type { FunnelRow, OutcomeGroupBy, OutcomeScope } from './outcomes.repository.js';

const DEFAULT_WINDOW_DAYS = 90;
const MAX_WINDOW_DAYS = 3 * 366;
const TRUST_WINDOW_DAYS = 180;
const MAX_COMPARED_SESSIONS = 100;

export type OutcomesDeps = { db: Db; trustSignalMinSample: number; now?: () => Date };

/** A count on a public page: null below the public figures' threshold. */
const publicCount = (value: number) => (value >= PUBLIC_MIN_COUNT ? value : null);

const ratio = (numerator: number, denominator: number) => (denominator > 0 ? numerator / denominator : null);

function toFunnel(row: FunnelRow) {
  return {
    ...row,
    steps: [
      { key: 'viewers', zh: '观看人数', en: 'Viewers', value: row.viewers },
      { key: 'job_card_opens', zh: '岗位卡片打开', en: 'Job-card opens', value: row.jobCardOpens },
      { key: 'applications', zh: '报名', en: 'Applications', value: row.applications },
      { key: 'interviews', zh: '面试', en: 'Interviews', value: row.interviews },
      { key: 'hires', zh: '录用', en: 'Hires', value: row.hires },
      { key: 'stayed_7_days', zh: '满7天在岗', en: 'Stayed 7 days', value: row.stayed7Days },
    ],
    rates: {
      applicationsPerViewer: ratio(row.applications, row.viewers),
      hiresPerApplication: ratio(row.hires, row.applications),
      stayedPerHire: ratio(row.stayed7Days, row.hires),
      sevenDayAttrition: ratio(row.leftWithin7Days, row.onboarded),
    },
  };
}

export function createOutcomesService(deps: OutcomesDeps) {
  const { db, trustSignalMinSample } = deps;
  const now = deps.now ?? (() => new Date());

  function scopeFor(user: AuthUser): OutcomeScope {
    if (user.role === 'admin') return { kind: 'all' };
    if (user.role === 'bureau') return user.provinceCode ? { kind: 'province', provinceCode: user.provinceCode } : { kind: 'all' };
    if (user.role === 'employer') {
      if (!user.companyId) throw new AppError('forbidden', 'Register your company first / 请先登记企业信息');
      return { kind: 'company', companyId: user.companyId };
    }
    if (user.role === 'host') return { kind: 'host', hostUserId: user.id };
    throw new AppError('forbidden', 'Outcome figures are for employers, hosts, bureaus and admins');
  }

  function resolveWindow(from: string | undefined, to: string | undefined) {
    const end = to ?? chinaDate(now());
    const start = from ?? addDays(end, -(DEFAULT_WINDOW_DAYS - 1));
    if (start > end) throw new AppError('validation_failed', 'query.from: must not be after to', { fields: [{ path: 'query.from', message: 'must not be after to' }] });
    if (start < addDays(end, -MAX_WINDOW_DAYS)) {
      throw new AppError('validation_failed', 'query.from: the window is at most three years', { fields: [{ path: 'query.from', message: 'the window is at most three years' }] });
    }
    return { from: start, to: end };
  }

  function trust(row: repository.TrustRow) {
    const decided = row.stayed7Days + row.leftWithin7Days;
    const isEnoughContacts = row.contacted >= trustSignalMinSample;
    return {
      windowDays: TRUST_WINDOW_DAYS,
      minimumSample: trustSignalMinSample,
      // The page is public: its counts follow the public figures' rule (below PUBLIC_MIN_COUNT withheld, zero
      // too, as on /analytics/public), so a company's page never tells that one or two people applied.
      applications: publicCount(row.applications),
      // Shown only with enough cases: a median of two contacts says nothing.
      medianHoursToFirstContact: isEnoughContacts ? row.medianHoursToFirstContact : null,
      contactedShare: row.applications >= trustSignalMinSample ? row.contacted / row.applications : null,
      sevenDayOutcomes: publicCount(decided),
      sevenDayStayRate: decided >= trustSignalMinSample ? row.stayed7Days / decided : null,
      hasEnoughData: isEnoughContacts || decided >= trustSignalMinSample,
    };
  }

  return {
    resolveWindow,

    async listOutcomes(user: AuthUser, groupBy: OutcomeGroupBy, from?: string, to?: string) {
      const window = resolveWindow(from, to);
      const rows = await repository.listOutcomes(db, groupBy, scopeFor(user), window);
      return { groupBy, window, rows };
    },

    /**
     * A campaign's outcome figures for its page: the totals and each session's, over every application that
     * came through its sessions (no window), scoped like listOutcomes (a bureau: jobs in its province).
     */
    async getCampaignFigures(user: AuthUser, campaignId: string) {
      const scope = scopeFor(user);
      const [totals] = await repository.listCampaignOutcomes(db, campaignId, 'campaign', scope);
      const sessions = await repository.listCampaignOutcomes(db, campaignId, 'session', scope);
      // Viewers follow the same scope: a bureau counts the viewers of its province's sessions only.
      const viewers = scope.kind === 'all' || scope.kind === 'province'
        ? await repository.countCampaignViewers(db, campaignId, scope.kind === 'province' ? scope.provinceCode : null)
        : { uniqueViewers: 0, bySession: [] };
      return { scope: scope.kind, totals: totals ?? null, sessions, viewers };
    },

    /**
     * One session's funnel, under the same scope as the outcome figures: its host, companies presenting in it
     * (their own jobs only), a bureau for sessions of its province (as in the comparison), admins. A session
     * outside the caller's scope is "not found", so its existence is not told either.
     */
    async getSessionFunnel(user: AuthUser, sessionId: string) {
      const scope = scopeFor(user);
      const session = await repository.findSessionForCompany(db, sessionId, scope.kind === 'company' ? scope.companyId : null);
      const isInScope = session !== null && (
        scope.kind === 'all'
        || (scope.kind === 'company' && session.hasCompanyJob)
        || (scope.kind === 'host' && session.hostUserId === scope.hostUserId)
        || (scope.kind === 'province' && session.provinceCode === scope.provinceCode));
      if (!isInScope) throw notFound('Session');
      const companyId = scope.kind === 'company' ? scope.companyId : null;
      const [row] = await repository.listSessionFunnels(db, [sessionId], companyId);
      return { funnel: toFunnel(row), isCompanyView: companyId !== null };
    },

    /** Funnels of the sessions in the window the user may see, side by side. */
    async compareSessionFunnels(user: AuthUser, from?: string, to?: string) {
      const window = resolveWindow(from, to);
      const scope = scopeFor(user);
      const sessionIds = await repository.listComparableSessionIds(db, scope, window, MAX_COMPARED_SESSIONS);
      const companyId = scope.kind === 'company' ? scope.companyId : null;
      const rows = sessionIds.length ? await repository.listSessionFunnels(db, sessionIds, companyId) : [];
      return { window, sessions: rows.map(toFunnel) };
    },

    async getCompanyTrustSignals(companyId: string) {
      const company = await repository.findCompanyName(db, companyId);
      if (!company || company.status !== 'verified') throw notFound('Company');
      const since = new Date(now().getTime() - TRUST_WINDOW_DAYS * 86_400_000);
      return { companyId, companyName: company.name, ...trust(await repository.findTrustFigures(db, { companyId }, since)) };
    },

    async getHostTrustSignals(hostUserId: string) {
      const host = await repository.findHostUser(db, hostUserId);
      if (!host) throw notFound('Host');
      const since = new Date(now().getTime() - TRUST_WINDOW_DAYS * 86_400_000);
      return { hostUserId, hostName: host.displayName, ...trust(await repository.findTrustFigures(db, { hostUserId }, since)) };
    },
  };
}

export type OutcomesService = ReturnType<typeof createOutcomesService>;
