// 推荐: ranks jobs and live sessions for one seeker from what the seeker told us (desired categories, current
// city), where the seeker comes from (home city), whom the seeker follows (关注) and what the seeker applied to before. Pure: the service
// loads the candidates and the signals, this decides the order and says why.
import { distanceKm, type Coordinates } from '../../../../contracts/geo.js';
import type { RecommendationReason } from '../../../../contracts/recommendations.js';

export type Place = Coordinates & { cityCode: string; provinceCode: string };

export type SeekerSignals = {
  /** Where the seeker is now (current city, or the city chosen on first use); distances are from here. */
  near: Place | null;
  home: Place | null;
  desiredCategories: readonly string[];
  /** Category → how many applications the seeker sent in it. */
  appliedCategories: ReadonlyMap<string, number>;
  /** Jobs already applied to are not recommended again. */
  appliedJobIds: ReadonlySet<string>;
  followedCompanyIds: ReadonlySet<string>;
  followedHostUserIds: ReadonlySet<string>;
};

export type JobCandidate = { id: string; companyId: string; categoryCode: string; place: Place; createdAt: Date };
export type SessionCandidate = {
  id: string; status: 'live' | 'scheduled'; startsAt: Date; place: Place | null; categoryCodes: readonly string[];
  hostUserId: string; companyIds: readonly string[];
};
export type Ranked = { id: string; score: number; reasons: RecommendationReason[] };

/** Points per signal: a stated wish weighs most, then being close, then what the seeker did before. */
export const WEIGHTS = {
  desiredCategory: 50,
  sameCity: 40,
  /** Falls linearly from this at 0 km to nothing at NEARBY_KM. */
  nearby: 35,
  appliedCategory: 20,
  appliedCategoryPerExtra: 4,
  appliedCategoryMaxExtra: 3,
  /** A company or host the seeker follows (关注): a chosen source, below a stated wish. */
  followed: 30,
  homeCity: 20,
  homeProvince: 8,
  liveNow: 15,
  startsWithinDay: 5,
  /** At most this for being new (tie-breaker among equal matches), gone after FRESH_DAYS. */
  freshness: 3,
} as const;
export const NEARBY_KM = 300;
const FRESH_DAYS = 30;
const MAX_REASONS = 2;

type Scored = { points: number; reason: RecommendationReason | null };

function categoryPoints(categoryCodes: readonly string[], signals: SeekerSignals): Scored[] {
  const desired = categoryCodes.find((code) => signals.desiredCategories.includes(code));
  if (desired) return [{ points: WEIGHTS.desiredCategory, reason: { kind: 'desired_category', categoryCode: desired } }];
  let best: { code: string; count: number } | null = null;
  for (const code of categoryCodes) {
    const count = signals.appliedCategories.get(code) ?? 0;
    if (count > 0 && (!best || count > best.count)) best = { code, count };
  }
  if (!best) return [];
  const extra = Math.min(best.count - 1, WEIGHTS.appliedCategoryMaxExtra) * WEIGHTS.appliedCategoryPerExtra;
  return [{ points: WEIGHTS.appliedCategory + extra, reason: { kind: 'applied_category', categoryCode: best.code } }];
}

function placePoints(place: Place | null, signals: SeekerSignals): Scored[] {
  if (!place) return [];
  const scored: Scored[] = [];
  if (signals.near) {
    if (place.cityCode === signals.near.cityCode) {
      scored.push({ points: WEIGHTS.sameCity, reason: { kind: 'same_city', cityCode: place.cityCode } });
    } else {
      const km = Math.round(distanceKm(signals.near, place));
      if (km < NEARBY_KM) scored.push({ points: WEIGHTS.nearby * (1 - km / NEARBY_KM), reason: { kind: 'nearby', km, cityCode: place.cityCode } });
    }
  }
  if (signals.home && signals.home.cityCode !== signals.near?.cityCode) {
    if (place.cityCode === signals.home.cityCode) scored.push({ points: WEIGHTS.homeCity, reason: { kind: 'home_city', cityCode: place.cityCode } });
    else if (place.provinceCode === signals.home.provinceCode) scored.push({ points: WEIGHTS.homeProvince, reason: { kind: 'home_province', provinceCode: place.provinceCode } });
  }
  return scored;
}

function followPoints(hostUserId: string | null, companyIds: readonly string[], signals: SeekerSignals): Scored[] {
  if (hostUserId && signals.followedHostUserIds.has(hostUserId)) {
    return [{ points: WEIGHTS.followed, reason: { kind: 'followed_host', hostUserId } }];
  }
  const companyId = companyIds.find((id) => signals.followedCompanyIds.has(id));
  return companyId ? [{ points: WEIGHTS.followed, reason: { kind: 'followed_company', companyId } }] : [];
}

function finish(id: string, scored: Scored[], tieBreak: number): Ranked {
  const withReasons = scored.filter((item) => item.points > 0).sort((a, b) => b.points - a.points);
  const score = withReasons.reduce((sum, item) => sum + item.points, 0) + tieBreak;
  return { id, score: Math.round(score * 100) / 100, reasons: withReasons.flatMap((item) => (item.reason ? [item.reason] : [])).slice(0, MAX_REASONS) };
}

const byScore = (a: Ranked, b: Ranked) => b.score - a.score || a.id.localeCompare(b.id);

/** Jobs best first; jobs already applied to are left out. */
export function rankJobs(candidates: readonly JobCandidate[], signals: SeekerSignals, now: Date): Ranked[] {
  return candidates
    .filter((job) => !signals.appliedJobIds.has(job.id))
    .map((job) => {
      const ageDays = (now.getTime() - job.createdAt.getTime()) / 86_400_000;
      const freshness = WEIGHTS.freshness * Math.max(0, 1 - ageDays / FRESH_DAYS);
      const scored = [...categoryPoints([job.categoryCode], signals), ...placePoints(job.place, signals), ...followPoints(null, [job.companyId], signals)];
      return finish(job.id, scored, freshness);
    })
    .sort(byScore);
}

/** Live and upcoming sessions best first: what they present and where, and live now before later. */
export function rankSessions(candidates: readonly SessionCandidate[], signals: SeekerSignals, now: Date): Ranked[] {
  return candidates
    .map((session) => {
      const timing: Scored[] = session.status === 'live'
        ? [{ points: WEIGHTS.liveNow, reason: { kind: 'live_now' } }]
        : session.startsAt.getTime() - now.getTime() < 86_400_000 ? [{ points: WEIGHTS.startsWithinDay, reason: null }] : [];
      const scored = [
        ...categoryPoints(session.categoryCodes, signals), ...placePoints(session.place, signals),
        ...followPoints(session.hostUserId, session.companyIds, signals), ...timing,
      ];
      return finish(session.id, scored, 0);
    })
    .sort(byScore);
}
