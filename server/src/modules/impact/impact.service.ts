import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PUBLIC_MIN_COUNT, type AnalyticsResponse } from '../../../../contracts/analytics.js';
import type { Db } from '../../platform/db.js';
import { AppError, invalid, notFound } from '../../platform/errors.js';
import type { AuthUser } from '../../platform/http.js';
import { DEFAULT_MIN_SENT, type AnalyticsService, type FieldPaths } from '../analytics/index.js';
import type { GeoService } from '../geo/index.js';
import { CAMPAIGN_NOTE, MEASURED_DEFINITIONS, OPEN_DEFINITIONS } from './impact-definitions.js';
import { computeEstimate, IMPACT_FORMULA, type ImpactInputs, type ImpactMethod } from './impact-method.js';
import { renderImpactReportHtml, type ReportLanguage } from './impact-report-html.js';
import { suppressImpactCounts, type UnpublishedCounts } from './impact-suppression.js';
import * as repository from './impact.repository.js';
import { OCCUPATION_GROUPS, type ImpactMethodBody, type ImpactQuery, type ImpactReport, type Occupation, type OccupationBody, type PublicImpactReport } from './impact.schemas.js';

/** What any caller asks for: a window, an optional province or city (code or name), campaign, method version. */
export type ImpactRequest = {
  from: string;
  to: string;
  province?: string | null;
  city?: string | null;
  campaignId?: string | null;
  methodVersion?: number | null;
};

const QUERY_PATHS: FieldPaths = { from: 'query.from', to: 'query.to', province: 'query.provinceCode', city: 'query.cityCode', minSent: 'query.minSent' };
const STATING_ROLES = new Set(['host', 'employer', 'bureau']);

const toOccupation = (row: repository.OccupationRow): Occupation => ({ ...row, group: OCCUPATION_GROUPS[row.groupKey] });

export function createImpactService(deps: { db: Db; geo: GeoService; analytics: AnalyticsService }) {
  const { db, geo, analytics } = deps;
  const cityNames = new Map(geo.reference.cities.map((city) => [city.code, city.nameEn]));
  const provinceNames = new Map(geo.reference.provinces.map((province) => [province.code, province.nameEn]));
  const cityPoints = new Map(geo.reference.cities.map((city) => [city.code, { longitude: city.longitude, latitude: city.latitude }]));
  /** The configured China map for the printed province map; a missing map leaves only the map out. */
  const loadMap = () => analytics.getMapGeoJson().catch(() => null);

  async function getMethod(version: number | null, path: string): Promise<ImpactMethod> {
    const method = await repository.findMethod(db, version);
    if (!method) throw new AppError('not_found', `${path}: no method version ${version} / 没有该测算方法版本`, { fields: [{ path, message: 'no such method version' }] });
    return method;
  }

  async function computeReport(request: ImpactRequest, paths: FieldPaths & { campaignId: string; methodVersion: string }): Promise<ImpactReport> {
    return (await computeReportWithCounts(request, paths)).report;
  }

  async function computeReportWithCounts(request: ImpactRequest, paths: FieldPaths & { campaignId: string; methodVersion: string }): Promise<{ report: ImpactReport; counts: UnpublishedCounts; figures: AnalyticsResponse }> {
    // The analytics validate the window and region, and give the figures both reports share (Widespread, narrowed
    // to the campaign's applications when one is chosen).
    const figures = await analytics.getFigures({ from: request.from, to: request.to, province: request.province, city: request.city, campaignId: request.campaignId ?? null }, paths);
    const method = await getMethod(request.methodVersion ?? null, paths.methodVersion);
    const region = figures.region;
    const campaignId = request.campaignId ?? null;
    const own = await repository.computeImpactFigures(db, {
      from: figures.window.from,
      to: figures.window.to,
      provinceCode: region?.kind === 'province' ? region.code : null,
      cityCode: region?.kind === 'city' ? region.code : null,
      campaignId,
    });
    if (campaignId && !own.campaign) throw notFound('Campaign / 活动');
    // Without a campaign the shared figures come from the analytics themselves, so the two reports agree.
    const open = campaignId
      ? { sessions: own.open.sessions, companies: own.open.companies, jobs: own.open.jobs, applications: own.open.applications ?? 0, hires: own.open.hires ?? 0 }
      : { sessions: figures.totals.sessions, companies: figures.totals.companies, jobs: figures.totals.jobs, applications: figures.totals.applications, hires: figures.totals.hires };
    const measured = { hires: open.hires, ...own.measured };
    const inputs: ImpactInputs = {
      activeHosts: measured.activeHosts,
      activeRecruiters: measured.activeRecruiters,
      bureauHosts: measured.activeHostsByRole.bureau,
      sessions: open.sessions,
      bureauSessions: own.open.bureauSessions,
      companies: open.companies,
      agencyCompanies: own.open.agencyCompanies,
      jobs: open.jobs,
      applications: open.applications,
      hires: measured.hires,
      onboarded: measured.onboarded,
      stayed7Days: measured.stayed7Days,
    };
    const campaignDefinitions: Record<string, string> = campaignId ? { campaign: CAMPAIGN_NOTE } : {};
    const report: ImpactReport = {
      window: figures.window,
      region,
      campaign: own.campaign,
      measured: { ...measured, definitions: { ...MEASURED_DEFINITIONS, ...campaignDefinitions } },
      estimated: computeEstimate(method, inputs),
      occupations: own.occupations.map((row) => ({ ...row, group: OCCUPATION_GROUPS[row.groupKey] })),
      open: { ...open, bureauSessions: own.open.bureauSessions, viewers: own.open.viewers, efficiency: own.efficiency, definitions: { ...OPEN_DEFINITIONS, ...campaignDefinitions } },
      containsSyntheticData: figures.containsSyntheticData,
    };
    return { report, counts: { ...own.efficiencyCounts, agencyCompanies: own.open.agencyCompanies }, figures };
  }

  /**
   * A bureau sees its own province (the default) and the cities in it; another region is refused (403), as a
   * bureau's other figure routes keep to its province. A bureau without a province (national) and admins see all.
   */
  function scopeRequest(user: AuthUser, query: ImpactQuery): ImpactRequest {
    const request: ImpactRequest = { from: query.from, to: query.to, province: query.provinceCode, city: query.cityCode, campaignId: query.campaignId, methodVersion: query.methodVersion };
    if (user.role === 'admin') return request;
    if (user.role !== 'bureau') throw new AppError('forbidden', 'The impact report is for admins and bureaus / 仅管理员和人社部门可查看');
    if (!user.provinceCode) return request;
    if (!query.provinceCode && !query.cityCode) return { ...request, province: user.provinceCode };
    // Unknown names fall through to the analytics' validation (400 naming the field).
    const provinceCode = query.cityCode ? geo.findCity(query.cityCode)?.provinceCode : geo.findProvince(query.provinceCode!)?.code;
    if (provinceCode && provinceCode !== user.provinceCode) {
      throw new AppError('forbidden', 'A bureau sees the impact figures of its own province only / 人社部门仅可查看本省数据');
    }
    return request;
  }

  return {
    /** For operators (CLI, report): no access rule beyond holding the database. */
    getReport(request: ImpactRequest, paths: FieldPaths & { campaignId: string; methodVersion: string }): Promise<ImpactReport> {
      return computeReport(request, paths);
    },

    getReportForUser(user: AuthUser, query: ImpactQuery): Promise<ImpactReport> {
      return computeReport(scopeRequest(user, query), { ...QUERY_PATHS, campaignId: 'query.campaignId', methodVersion: 'query.methodVersion' });
    },

    /**
     * Anyone (/impact): small counts withheld as on the public analytics, linked with them — the five figures
     * both pages show (applications, sessions, companies, jobs, hires of a region) are withheld here when the
     * public analytics withhold them.
     */
    async getPublicReport(query: ImpactQuery): Promise<PublicImpactReport> {
      const request: ImpactRequest = { from: query.from, to: query.to, province: query.provinceCode, city: query.cityCode, campaignId: query.campaignId, methodVersion: query.methodVersion };
      const { report, counts } = await computeReportWithCounts(request, { ...QUERY_PATHS, campaignId: 'query.campaignId', methodVersion: 'query.methodVersion' });
      const shared = request.campaignId
        ? new Set<string>()
        : new Set<string>((await analytics.getPublicFigures({ from: query.from, to: query.to, province: query.provinceCode, city: query.cityCode, minSent: DEFAULT_MIN_SENT })).totals.suppressed);
      return suppressImpactCounts(report, counts, PUBLIC_MIN_COUNT, shared);
    },

    /** The printable report (jobcast report --kind impact): the four parts in one language, with the resume flows of the same window and region. */
    async renderReport(request: ImpactRequest, paths: FieldPaths & { campaignId: string; methodVersion: string }, language: ReportLanguage, generatedAt = new Date()) {
      const { report, figures } = await computeReportWithCounts(request, paths);
      return { report, html: renderImpactReportHtml({ report, flows: figures, language, generatedAt, cityNames, provinceNames, cityPoints, map: figures.regionFlows ? await loadMap() : null }) };
    },

    /** The printable report over HTTP, with the same region rules as GET /api/impact. */
    async renderReportForUser(user: AuthUser, query: ImpactQuery, language: ReportLanguage): Promise<string> {
      const { report, figures } = await computeReportWithCounts(scopeRequest(user, query), { ...QUERY_PATHS, campaignId: 'query.campaignId', methodVersion: 'query.methodVersion' });
      return renderImpactReportHtml({ report, flows: figures, language, generatedAt: new Date(), cityNames, provinceNames, cityPoints, map: figures.regionFlows ? await loadMap() : null });
    },

    /** A4 PDF of the printable report, with the Chromium the analytics report prints with. */
    async printReportPdf(html: string): Promise<Buffer> {
      const folder = await mkdtemp(path.join(tmpdir(), 'jobcast-impact-'));
      try {
        const file = path.join(folder, 'report.pdf');
        await analytics.printReportPdf(html, file);
        return await readFile(file);
      } finally {
        await rm(folder, { recursive: true, force: true });
      }
    },

    listMethods(): Promise<ImpactMethod[]> {
      return repository.listMethods(db);
    },

    /** Admins: editing the coefficients stores the next version; stored versions never change (a trigger refuses). */
    async createMethodVersion(user: AuthUser, body: ImpactMethodBody): Promise<ImpactMethod> {
      if (user.role !== 'admin') throw new AppError('forbidden', 'Only admins edit the method / 仅管理员可修改测算方法');
      const version = await repository.insertNextMethod(db, { ...body, formula: IMPACT_FORMULA, createdBy: user.id });
      if (version === null) throw new AppError('conflict', 'Another version was stored at the same moment: reload and try again / 版本冲突，请刷新后重试');
      return getMethod(version, 'version');
    },

    async listOccupations(): Promise<Occupation[]> {
      return (await repository.listOccupations(db)).map(toOccupation);
    },

    async createOccupation(user: AuthUser, body: OccupationBody): Promise<Occupation> {
      if (user.role !== 'admin') throw new AppError('forbidden', 'Only admins maintain the catalogue / 仅管理员可维护职业目录');
      const id = await repository.insertOccupation(db, body, user.id);
      if (id === null) throw new AppError('conflict', `"${body.name}" is already in the catalogue / 职业目录中已有该职业`, { fields: [{ path: 'body.name', message: 'already in the catalogue / 职业目录中已有该职业' }] });
      return toOccupation((await repository.findOccupation(db, id))!);
    },

    async updateOccupation(user: AuthUser, id: number, body: OccupationBody): Promise<Occupation> {
      if (user.role !== 'admin') throw new AppError('forbidden', 'Only admins maintain the catalogue / 仅管理员可维护职业目录');
      const result = await repository.updateOccupation(db, id, body);
      if (result === 'missing') throw notFound('Occupation / 职业');
      if (result === 'taken') throw new AppError('conflict', `"${body.name}" is already in the catalogue / 职业目录中已有该职业`, { fields: [{ path: 'body.name', message: 'already in the catalogue / 职业目录中已有该职业' }] });
      return toOccupation((await repository.findOccupation(db, id))!);
    },

    /** Whether a catalogue entry exists (the jobs module checks a job's occupation tag with it). */
    async hasOccupation(id: number): Promise<boolean> {
      return (await repository.findOccupation(db, id)) !== null;
    },

    /** The occupation a host, recruiter or bureau member states on their profile (null clears it). */
    async stateOccupation(user: AuthUser, occupationId: number | null): Promise<{ occupation: Occupation | null }> {
      if (!STATING_ROLES.has(user.role)) throw new AppError('forbidden', 'Hosts, recruiters and bureau staff state an occupation / 仅主播、招聘官和人社部门可填写职业');
      const occupation = occupationId === null ? null : await repository.findOccupation(db, occupationId);
      if (occupationId !== null && !occupation) throw invalid('body.occupationId', 'not in the occupations catalogue / 职业目录中没有该职业');
      await repository.saveStatedOccupation(db, user.id, occupationId);
      return { occupation: occupation ? toOccupation(occupation) : null };
    },

    async getStatedOccupation(user: AuthUser): Promise<{ occupation: Occupation | null }> {
      const id = await repository.findStatedOccupationId(db, user.id);
      const occupation = id === null ? null : await repository.findOccupation(db, id);
      return { occupation: occupation ? toOccupation(occupation) : null };
    },
  };
}

export type ImpactService = ReturnType<typeof createImpactService>;
