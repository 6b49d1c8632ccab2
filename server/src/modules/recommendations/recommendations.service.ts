import type { Db } from '../../platform/db.js';
import type { AuthUser } from '../../platform/http.js';
import type { GeoService } from '../geo/index.js';
import type { JobsService } from '../jobs/index.js';
import type { LiveService } from '../live/index.js';
import type { SeekersService } from '../seekers/index.js';
import * as repository from './recommendations.repository.js';
import { rankJobs, rankSessions, type Place, type SeekerSignals } from './ranking.js';

const JOB_LIMIT = 30;
const SESSION_LIMIT = 8;

export function createRecommendationsService(deps: { db: Db; geo: GeoService; jobs: JobsService; live: LiveService; seekers: SeekersService }) {
  const { db, geo, jobs, live, seekers } = deps;

  const placeOf = (cityCode: string | null | undefined): Place | null => {
    const city = cityCode ? geo.findCity(cityCode) : null;
    return city ? { cityCode: city.code, provinceCode: city.provinceCode, latitude: city.latitude, longitude: city.longitude } : null;
  };

  return {
    /**
     * 推荐 for the viewer: a seeker's profile (current and home city, desired categories) and applications,
     * with the city and categories given in the query taking precedence (a first-use choice not saved yet,
     * or a visitor's). Jobs already applied to are left out.
     */
    async recommend(viewer: AuthUser | null, query: { cityCode?: string; categories?: string[] }) {
      if (query.cityCode) geo.getCity(query.cityCode, 'querystring.cityCode');
      query.categories?.forEach((code, index) => geo.getCategory(code, `querystring.categories.${index}`));
      const isSeeker = viewer?.role === 'seeker';
      const [profile, applied] = isSeeker
        ? await Promise.all([seekers.findProfile(viewer.id), repository.findApplicationSignals(db, viewer.id)])
        : [null, { appliedCategories: new Map<string, number>(), appliedJobIds: new Set<string>(), count: 0 }];
      const signals: SeekerSignals = {
        near: placeOf(query.cityCode ?? profile?.currentCityCode ?? profile?.homeCityCode),
        home: placeOf(profile?.homeCityCode),
        desiredCategories: query.categories ?? profile?.desiredCategories ?? [],
        appliedCategories: applied.appliedCategories,
        appliedJobIds: applied.appliedJobIds,
      };
      const categoryCodes = [...new Set([...signals.desiredCategories, ...applied.appliedCategories.keys()])];
      const provinceCodes = [...new Set([signals.near?.provinceCode, signals.home?.provinceCode].filter((code): code is string => Boolean(code)))];
      const [jobCandidates, sessionCandidates] = await Promise.all([
        repository.listJobCandidates(db, { categoryCodes, provinceCodes, limit: 300, newestLimit: 60 }),
        repository.listSessionCandidates(db, 60),
      ]);
      const now = new Date();
      const rankedJobs = rankJobs(jobCandidates.map((row) => ({
        id: row.id, categoryCode: row.categoryCode, createdAt: new Date(row.createdAt),
        place: { cityCode: row.cityCode, provinceCode: row.provinceCode, latitude: row.latitude, longitude: row.longitude },
      })), signals, now).slice(0, JOB_LIMIT);
      const rankedSessions = rankSessions(sessionCandidates.map((row) => ({
        id: row.id, status: row.status, startsAt: new Date(row.startsAt), categoryCodes: row.categoryCodes,
        place: row.cityCode && row.provinceCode && row.latitude !== null && row.longitude !== null
          ? { cityCode: row.cityCode, provinceCode: row.provinceCode, latitude: row.latitude, longitude: row.longitude } : null,
      })), signals, now).slice(0, SESSION_LIMIT);
      const [jobRows, sessionRows] = await Promise.all([
        jobs.listVisibleJobsInOrder(rankedJobs.map((item) => item.id)),
        live.listSessionSummariesInOrder(viewer, rankedSessions.map((item) => item.id)),
      ]);
      const jobRanking = new Map(rankedJobs.map((item) => [item.id, item]));
      const sessionRanking = new Map(rankedSessions.map((item) => [item.id, item]));
      return {
        basis: {
          cityCode: signals.near?.cityCode ?? null,
          homeCityCode: signals.home?.cityCode ?? null,
          categories: [...signals.desiredCategories],
          applicationCount: applied.count,
        },
        jobs: jobRows.map((job) => ({ job, score: jobRanking.get(job.id)!.score, reasons: jobRanking.get(job.id)!.reasons })),
        sessions: sessionRows.map((session) => ({ session, score: sessionRanking.get(session.id)!.score, reasons: sessionRanking.get(session.id)!.reasons })),
      };
    },
  };
}

export type RecommendationsService = ReturnType<typeof createRecommendationsService>;
