import type { Db } from '../../platform/db.js';
import type { AuthUser } from '../../platform/http.js';
import type { FollowsService } from '../follows/index.js';
import type { GeoService } from '../geo/index.js';
import type { JobsService } from '../jobs/index.js';
import type { LiveService } from '../live/index.js';
import type { SeekersService } from '../seekers/index.js';
import * as repository from './recommendations.repository.js';
import { rankJobs, rankSessions, type Place, type SeekerSignals } from './ranking.js';

const JOB_LIMIT = 30;
const SESSION_LIMIT = 8;
const NO_APPLICATIONS = { appliedCategories: new Map<string, number>(), appliedJobIds: new Set<string>(), count: 0 };
const NO_FOLLOWS = { companyIds: new Set<string>(), hostUserIds: new Set<string>() };

export function createRecommendationsService(deps: { db: Db; geo: GeoService; jobs: JobsService; live: LiveService; seekers: SeekersService; follows: FollowsService }) {
  const { db, geo, jobs, live, seekers, follows } = deps;

  const placeOf = (cityCode: string | null | undefined): Place | null => {
    const city = cityCode ? geo.findCity(cityCode) : null;
    return city ? { cityCode: city.code, provinceCode: city.provinceCode, latitude: city.latitude, longitude: city.longitude } : null;
  };

  /** What the ranking knows of the viewer; the query's city and categories take precedence over the profile's. */
  async function loadSignals(viewer: AuthUser | null, query: { cityCode?: string; categories?: string[] }) {
    const isSeeker = viewer?.role === 'seeker';
    // One query after another: PGlite is a single connection.
    const profile = isSeeker ? await seekers.findProfile(viewer.id) : null;
    const applied = isSeeker ? await repository.findApplicationSignals(db, viewer.id) : NO_APPLICATIONS;
    const followed = viewer ? await follows.findFollowedIds(viewer.id) : NO_FOLLOWS;
    const signals: SeekerSignals = {
      near: placeOf(query.cityCode ?? profile?.currentCityCode ?? profile?.homeCityCode),
      home: placeOf(profile?.homeCityCode),
      desiredCategories: query.categories ?? profile?.desiredCategories ?? [],
      appliedCategories: applied.appliedCategories,
      appliedJobIds: applied.appliedJobIds,
      followedCompanyIds: followed.companyIds,
      followedHostUserIds: followed.hostUserIds,
    };
    return { signals, applicationCount: applied.count };
  }

  return {
    /**
     * 推荐 for the viewer: a seeker's profile (current and home city, desired categories), follows and
     * applications, with the city and categories given in the query taking precedence (the device's city, or
     * first-use choices kept on the phone before a quick profile exists, or a visitor's). Jobs already applied
     * to are left out.
     */
    async recommend(viewer: AuthUser | null, query: { cityCode?: string; categories?: string[] }) {
      if (query.cityCode) geo.getCity(query.cityCode, 'querystring.cityCode');
      query.categories?.forEach((code, index) => geo.getCategory(code, `querystring.categories.${index}`));
      const { signals, applicationCount } = await loadSignals(viewer, query);
      const categoryCodes = [...new Set([...signals.desiredCategories, ...signals.appliedCategories.keys()])];
      const provinceCodes = [...new Set([signals.near?.provinceCode, signals.home?.provinceCode].filter((code): code is string => Boolean(code)))];
      const followedCompanyIds = [...signals.followedCompanyIds];
      const jobCandidates = await repository.listJobCandidates(db, { categoryCodes, provinceCodes, companyIds: followedCompanyIds, limit: 300, newestLimit: 60 });
      const sessionCandidates = await repository.listSessionCandidates(db, { hostUserIds: [...signals.followedHostUserIds], companyIds: followedCompanyIds, limit: 60 });
      const now = new Date();
      const rankedJobs = rankJobs(jobCandidates.map((row) => ({
        id: row.id, companyId: row.companyId, categoryCode: row.categoryCode, createdAt: new Date(row.createdAt),
        place: { cityCode: row.cityCode, provinceCode: row.provinceCode, latitude: row.latitude, longitude: row.longitude },
      })), signals, now).slice(0, JOB_LIMIT);
      const rankedSessions = rankSessions(sessionCandidates.map((row) => ({
        id: row.id, status: row.status, startsAt: new Date(row.startsAt), categoryCodes: row.categoryCodes,
        hostUserId: row.hostUserId, companyIds: row.companyIds,
        place: row.cityCode && row.provinceCode && row.latitude !== null && row.longitude !== null
          ? { cityCode: row.cityCode, provinceCode: row.provinceCode, latitude: row.latitude, longitude: row.longitude } : null,
      })), signals, now).slice(0, SESSION_LIMIT);
      const jobRows = await jobs.listVisibleJobsInOrder(rankedJobs.map((item) => item.id));
      const sessionRows = await live.listSessionSummariesInOrder(viewer, rankedSessions.map((item) => item.id));
      const jobRanking = new Map(rankedJobs.map((item) => [item.id, item]));
      const sessionRanking = new Map(rankedSessions.map((item) => [item.id, item]));
      return {
        basis: {
          cityCode: signals.near?.cityCode ?? null,
          homeCityCode: signals.home?.cityCode ?? null,
          categories: [...signals.desiredCategories],
          applicationCount,
          followCount: signals.followedCompanyIds.size + signals.followedHostUserIds.size,
        },
        jobs: jobRows.map((job) => ({ job, score: jobRanking.get(job.id)!.score, reasons: jobRanking.get(job.id)!.reasons })),
        sessions: sessionRows.map((session) => ({ session, score: sessionRanking.get(session.id)!.score, reasons: sessionRanking.get(session.id)!.reasons })),
      };
    },
  };
}

export type RecommendationsService = ReturnType<typeof createRecommendationsService>;
