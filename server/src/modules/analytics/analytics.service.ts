import type { Readable } from 'node:stream';
import {
  PUBLIC_MIN_COUNT,
  type AnalyticsRegion,
  type AnalyticsResponse,
  type FigureName,
  type PublicAnalyticsFigures,
} from '../../../../contracts/analytics.js';
import type { Db } from '../../platform/db.js';
import { AppError, invalid } from '../../platform/errors.js';
import type { AuthUser } from '../../platform/http.js';
import type { GeoService } from '../geo/index.js';
import { loadReportMap, printReportPdf, renderReportHtml } from './analytics-report.js';
import { parseWindow, planWindowReads } from './analytics-window.js';
import * as repository from './analytics.repository.js';
import type { FigureSource } from './analytics.repository.js';
import { DEFAULT_MIN_SENT, type AnalyticsQuery } from './analytics.schemas.js';
import { importApplicationsCsv, type ImportProgress, type ImportResult } from './application-import.js';
import { figureCsv } from './figure-csv.js';
import { suppressSmallCounts, type CityFacts } from './suppression.js';

/** What any caller asks for: a window, an optional province or city (code or name), minSent. */
export type FigureRequest = {
  from: string;
  to: string;
  province?: string | null;
  city?: string | null;
  minSent?: number;
  source?: FigureSource;
  /** Narrows every figure to what came through this campaign's sessions (read from the applications themselves). */
  campaignId?: string | null;
};

/** Names of the inputs in error messages: query fields for HTTP, --options for the CLI. */
export type FieldPaths = { from: string; to: string; province: string; city: string; minSent: string };
const QUERY_PATHS: FieldPaths = { from: 'query.from', to: 'query.to', province: 'query.province', city: 'query.city', minSent: 'query.minSent' };

export type ReportSettings = { mapGeoJsonPath: string; chromiumPath: string };

export function createAnalyticsService(deps: { db: Db; geo: GeoService; report: ReportSettings }) {
  const { db, geo } = deps;
  const cityPoints = new Map(geo.reference.cities.map((city) => [city.code, { code: city.code, longitude: city.longitude, latitude: city.latitude }]));
  const cityFacts: CityFacts = new Map(geo.reference.cities.map((city) => [city.code, { provinceCode: city.provinceCode, tier: city.tier }]));

  function resolveRegion(request: FigureRequest, paths: FieldPaths): { provinceCode: string | null; cityCode: string | null; region: AnalyticsRegion } {
    if (request.province && request.city) {
      throw invalid(paths.city, `give a province or a city, not both / 省份和城市只能选一个`);
    }
    if (request.city) {
      const city = geo.findCity(request.city);
      if (!city) throw invalid(paths.city, `unknown city "${request.city}" (6-digit code, 苏州 or 苏州市) / 未知城市`);
      return { provinceCode: null, cityCode: city.code, region: { kind: 'city', code: city.code, name: city.shortName, provinceCode: city.provinceCode } };
    }
    if (request.province) {
      const province = geo.findProvince(request.province);
      if (!province) throw invalid(paths.province, `unknown province "${request.province}" (2-digit code, 江苏 or 江苏省) / 未知省份`);
      return { provinceCode: province.code, cityCode: null, region: { kind: 'province', code: province.code, name: province.shortName } };
    }
    return { provinceCode: null, cityCode: null, region: null };
  }

  async function computeFigures(request: FigureRequest, paths: FieldPaths): Promise<AnalyticsResponse> {
    const window = parseWindow(request.from, request.to, paths);
    const minSent = request.minSent ?? DEFAULT_MIN_SENT;
    if (!Number.isInteger(minSent) || minSent < 1) throw invalid(paths.minSent, 'must be a whole number of at least 1 / 最少为 1');
    const { provinceCode, cityCode, region } = resolveRegion(request, paths);
    const campaignId = request.campaignId ?? null;
    // The rollups have no campaign: a campaign's figures count its applications (an index on session_id).
    const figures = await repository.computeFigures(db, campaignId ? 'raw' : request.source ?? 'rollup', {
      ...window,
      reads: planWindowReads(window),
      provinceCode,
      cityCode,
      minSent,
      campaignId,
    });
    return { ...figures, region, minSent };
  }

  /**
   * The figures' scope, as for the outcome figures: admins (and a bureau of the whole country) any region; a
   * bureau its own province and its cities — by default, and another province, a city elsewhere or the whole
   * country is 403 (those are on the public, suppressed figures).
   */
  function scopedRequest(user: AuthUser, query: AnalyticsQuery): FigureRequest {
    const request = { from: query.from, to: query.to, province: query.province, city: query.city, minSent: query.minSent, campaignId: query.campaign };
    if (user.role !== 'bureau' || !user.provinceCode) return request;
    if (!query.province && !query.city && query.national !== 'true') return { ...request, province: user.provinceCode };
    // An unknown region is left to resolveRegion's 400.
    const asked = query.national === 'true' ? null : query.city ? geo.findCity(query.city) : geo.findProvince(query.province!);
    const askedProvince = asked && 'provinceCode' in asked ? asked.provinceCode : asked?.code;
    if (query.national === 'true' || (asked && askedProvince !== user.provinceCode)) {
      throw new AppError('forbidden', 'A bureau sees the figures of its own province and its cities; other regions are on the public figures / 人社部门仅可查看本省及本省城市的数据，其他地区请看公开数据');
    }
    return request;
  }

  return {
    /** For operators (CLI, report, bench): no access rule beyond holding the database. */
    getFigures(request: FigureRequest, paths: FieldPaths = QUERY_PATHS): Promise<AnalyticsResponse> {
      return computeFigures(request, paths);
    },

    /** Admins and bureaus; the route allows only those roles. */
    getFiguresForUser(user: AuthUser, query: AnalyticsQuery): Promise<AnalyticsResponse> {
      if (user.role !== 'admin' && user.role !== 'bureau') throw new AppError('forbidden', 'Analytics are for admins and bureaus / 仅管理员和人社部门可查看');
      return computeFigures(scopedRequest(user, query), QUERY_PATHS);
    },

    /** Anyone: every count below PUBLIC_MIN_COUNT is suppressed so no person can be singled out. */
    async getPublicFigures(query: AnalyticsQuery): Promise<PublicAnalyticsFigures> {
      const figures = await computeFigures({ from: query.from, to: query.to, province: query.province, city: query.city, minSent: query.minSent, campaignId: query.campaign }, QUERY_PATHS);
      return suppressSmallCounts(figures, PUBLIC_MIN_COUNT, cityFacts);
    },

    figureCsv(figures: AnalyticsResponse | PublicAnalyticsFigures, figure: FigureName): string {
      return figureCsv(figures, figure);
    },

    /** The printable report: figures, charts rendered to SVG on the server, and the method section. */
    async renderReport(request: FigureRequest, paths: FieldPaths = QUERY_PATHS, generatedAt = new Date()) {
      const figures = await computeFigures(request, paths);
      const map = await loadReportMap(deps.report.mapGeoJsonPath);
      const html = renderReportHtml({ figures, cities: cityPoints, map, generatedAt });
      return { html, figures, mapProblem: map.geoJson !== null ? null : map.problem };
    },

    /** The printable report over HTTP, with the same region rules as the figures. */
    async renderReportForUser(user: AuthUser, query: AnalyticsQuery): Promise<string> {
      if (user.role !== 'admin' && user.role !== 'bureau') throw new AppError('forbidden', 'Analytics are for admins and bureaus / 仅管理员和人社部门可查看');
      const figures = await computeFigures(scopedRequest(user, query), QUERY_PATHS);
      const map = await loadReportMap(deps.report.mapGeoJsonPath);
      return renderReportHtml({ figures, cities: cityPoints, map, generatedAt: new Date() });
    },

    /** The configured China map for the dashboard (ANALYTICS_MAP_GEOJSON); not_found when it is missing. */
    async getMapGeoJson(): Promise<string> {
      const map = await loadReportMap(deps.report.mapGeoJsonPath);
      if (map.geoJson === null) throw new AppError('not_found', `The China map is not available: ${map.problem} (ANALYTICS_MAP_GEOJSON) / 地图文件不可用`);
      return map.geoJson;
    },

    printReportPdf(html: string, outPath: string): Promise<void> {
      return printReportPdf(html, outPath, deps.report.chromiumPath);
    },

    rebuildRollups(): Promise<void> {
      return repository.rebuildRollups(db);
    },

    countRollupRows() {
      return repository.countRollupRows(db);
    },

    /** Folds the applications' pending deltas into the rollups (see startRollupFolder); null when locked elsewhere. */
    foldRollupDeltas(): Promise<number | null> {
      return repository.foldRollupDeltas(db);
    },

    vacuumRollupDeltas(): Promise<void> {
      return repository.vacuumRollupDeltas(db);
    },

    /** All-or-nothing CSV import of applications from other channels (source 'import'). */
    importApplications(input: Readable, options: { fileName?: string; onProgress?: (progress: ImportProgress) => void } = {}): Promise<ImportResult> {
      return importApplicationsCsv({ db, geo }, input, options);
    },
  };
}

export type AnalyticsService = ReturnType<typeof createAnalyticsService>;
