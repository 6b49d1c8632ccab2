import { describe, expect, it } from 'vitest';
import { NEARBY_KM, rankJobs, rankSessions, WEIGHTS, type JobCandidate, type Place, type SeekerSignals } from './ranking.js';

// Hand-made places (reference coordinates): 苏州 and 无锡 are ~40 km apart, 上海 ~85 km from 苏州,
// 周口 (Henan) ~600 km away, 郑州 is in the same province as 周口.
const suzhou: Place = { cityCode: '320500', provinceCode: '32', longitude: 120.6196, latitude: 31.2994 };
const wuxi: Place = { cityCode: '320200', provinceCode: '32', longitude: 120.3119, latitude: 31.4912 };
const shanghai: Place = { cityCode: '310100', provinceCode: '31', longitude: 121.4737, latitude: 31.2304 };
const zhoukou: Place = { cityCode: '411600', provinceCode: '41', longitude: 114.6497, latitude: 33.6204 };
const zhengzhou: Place = { cityCode: '410100', provinceCode: '41', longitude: 113.6254, latitude: 34.7466 };

const now = new Date('2026-12-03T10:00:00Z');
const job = (id: string, categoryCode: string, place: Place, daysOld = 10, companyId = 'company-a'): JobCandidate => ({
  id, companyId, categoryCode, place, createdAt: new Date(now.getTime() - daysOld * 86_400_000),
});
const signals = (overrides: Partial<SeekerSignals> = {}): SeekerSignals => ({
  near: suzhou, home: zhoukou, desiredCategories: ['general_worker'], appliedCategories: new Map(), appliedJobIds: new Set(),
  followedCompanyIds: new Set(), followedHostUserIds: new Set(), ...overrides,
});

describe('rankJobs', () => {
  it('puts a wanted category in the seeker\'s city first, then by what matches, with the reasons', () => {
    const ranked = rankJobs([
      job('far-other', 'security', zhoukou),
      job('near-wanted', 'general_worker', wuxi),
      job('here-other', 'security', suzhou),
      job('here-wanted', 'general_worker', suzhou),
      job('far-wanted', 'general_worker', shanghai),
    ], signals(), now);
    expect(ranked.map((item) => item.id)).toEqual(['here-wanted', 'near-wanted', 'far-wanted', 'here-other', 'far-other']);
    expect(ranked[0].reasons).toEqual([{ kind: 'desired_category', categoryCode: 'general_worker' }, { kind: 'same_city', cityCode: '320500' }]);
    const wuxiReason = ranked[1].reasons.find((reason) => reason.kind === 'nearby');
    expect(wuxiReason).toMatchObject({ kind: 'nearby', cityCode: '320200' });
    expect(wuxiReason && 'km' in wuxiReason ? wuxiReason.km : 0).toBeGreaterThan(25);
    expect(wuxiReason && 'km' in wuxiReason ? wuxiReason.km : 99).toBeLessThan(45);
    // The home city (周口) scores and says so; the seeker's own city does not count as "home" twice.
    expect(ranked[4].reasons).toEqual([{ kind: 'home_city', cityCode: '411600' }]);
  });

  it('uses the categories of past applications when nothing is stated, more applications weighing more', () => {
    const ranked = rankJobs([
      job('driver', 'driver', zhengzhou),
      job('warehouse', 'express_warehouse', zhengzhou),
      job('cook', 'cook', zhengzhou),
    ], signals({ near: null, desiredCategories: [], appliedCategories: new Map([['driver', 1], ['express_warehouse', 3]]) }), now);
    expect(ranked.map((item) => item.id)).toEqual(['warehouse', 'driver', 'cook']);
    expect(ranked[0].reasons[0]).toEqual({ kind: 'applied_category', categoryCode: 'express_warehouse' });
    expect(ranked[0].score - ranked[1].score).toBeCloseTo(2 * WEIGHTS.appliedCategoryPerExtra, 5);
    // 郑州 is in the home province (河南).
    expect(ranked[2].reasons).toEqual([{ kind: 'home_province', provinceCode: '41' }]);
  });

  it('leaves out jobs already applied to, and nothing far away claims to be near', () => {
    const ranked = rankJobs([job('applied', 'general_worker', suzhou), job('far', 'cook', zhoukou)],
      signals({ home: null, appliedJobIds: new Set(['applied']) }), now);
    expect(ranked.map((item) => item.id)).toEqual(['far']);
    expect(ranked[0].reasons).toEqual([]);
    expect(NEARBY_KM).toBeLessThan(600);
  });

  it('ranks a followed company\'s job above a plain one in the same place, below a wanted category there', () => {
    const ranked = rankJobs([
      job('plain', 'cook', suzhou, 10, 'company-b'),
      job('followed', 'cook', suzhou, 10, 'company-followed'),
      job('wanted', 'general_worker', suzhou, 10, 'company-b'),
    ], signals({ followedCompanyIds: new Set(['company-followed']) }), now);
    expect(ranked.map((item) => item.id)).toEqual(['wanted', 'followed', 'plain']);
    expect(ranked[1].reasons).toEqual([{ kind: 'same_city', cityCode: '320500' }, { kind: 'followed_company', companyId: 'company-followed' }]);
    expect(ranked[1].score - ranked[2].score).toBeCloseTo(WEIGHTS.followed, 5);
  });

  it('breaks ties by freshness: a new job before an old one with the same matches', () => {
    const ranked = rankJobs([job('old', 'general_worker', suzhou, 40), job('new', 'general_worker', suzhou, 1)], signals(), now);
    expect(ranked.map((item) => item.id)).toEqual(['new', 'old']);
    expect(ranked[0].reasons).toEqual(ranked[1].reasons);
  });
});

describe('rankSessions', () => {
  it('ranks by what a session presents and where, a live one before a later one of the same kind', () => {
    const ranked = rankSessions([
      { id: 'later-here', status: 'scheduled', startsAt: new Date(now.getTime() + 3 * 86_400_000), place: suzhou, categoryCodes: ['general_worker', 'security'], hostUserId: 'h1', companyIds: ['c1'] },
      { id: 'live-here', status: 'live', startsAt: new Date(now.getTime() - 600_000), place: suzhou, categoryCodes: ['general_worker'], hostUserId: 'h1', companyIds: ['c1'] },
      { id: 'live-far-other', status: 'live', startsAt: now, place: null, categoryCodes: ['cook'], hostUserId: 'h2', companyIds: ['c2'] },
    ], signals({ home: null }), now);
    expect(ranked.map((item) => item.id)).toEqual(['live-here', 'later-here', 'live-far-other']);
    expect(ranked[0].reasons).toEqual([{ kind: 'desired_category', categoryCode: 'general_worker' }, { kind: 'same_city', cityCode: '320500' }]);
    expect(ranked[2].reasons).toEqual([{ kind: 'live_now' }]);
  });

  it('says when a session is by a followed host or presents a followed company\'s jobs, and that counts', () => {
    const far = (id: string, hostUserId: string, companyIds: string[]) => ({
      id, status: 'scheduled' as const, startsAt: new Date(now.getTime() + 5 * 86_400_000), place: zhengzhou, categoryCodes: ['cook'], hostUserId, companyIds,
    });
    const ranked = rankSessions([far('other', 'h2', ['c2']), far('by-company', 'h3', ['c2', 'c9']), far('by-host', 'h1', ['c9'])],
      signals({ home: null, followedHostUserIds: new Set(['h1']), followedCompanyIds: new Set(['c9']) }), now);
    expect(ranked.map((item) => item.id)).toEqual(['by-company', 'by-host', 'other']);
    expect(ranked[1].reasons).toEqual([{ kind: 'followed_host', hostUserId: 'h1' }]);
    expect(ranked[0].reasons).toEqual([{ kind: 'followed_company', companyId: 'c9' }]);
    expect(ranked[2].reasons).toEqual([]);
  });
});
