import { describe, expect, it } from 'vitest';
import { distanceKm, findNearestCity } from './geo.js';

const suzhou = { code: '320500', latitude: 31.2990, longitude: 120.5853 };
const shanghai = { code: '310100', latitude: 31.2304, longitude: 121.4737 };
const zhoukou = { code: '411600', latitude: 33.6260, longitude: 114.6496 };

describe('distanceKm', () => {
  it('is zero for the same place and symmetric', () => {
    expect(distanceKm(suzhou, suzhou)).toBe(0);
    expect(distanceKm(suzhou, shanghai)).toBeCloseTo(distanceKm(shanghai, suzhou), 9);
  });
  it('matches known great-circle distances', () => {
    // 苏州 ↔ 上海 about 85 km, 苏州 ↔ 周口 about 600 km as the crow flies.
    expect(distanceKm(suzhou, shanghai)).toBeGreaterThan(80);
    expect(distanceKm(suzhou, shanghai)).toBeLessThan(90);
    expect(distanceKm(suzhou, zhoukou)).toBeGreaterThan(590);
    expect(distanceKm(suzhou, zhoukou)).toBeLessThan(620);
  });
});

describe('findNearestCity', () => {
  it('maps a position to the closest city', () => {
    // 昆山 lies between 苏州 and 上海, a little closer to 苏州.
    expect(findNearestCity([suzhou, shanghai, zhoukou], { latitude: 31.385, longitude: 120.98 })?.code).toBe('320500');
    expect(findNearestCity([suzhou, shanghai, zhoukou], { latitude: 31.2, longitude: 121.6 })?.code).toBe('310100');
    expect(findNearestCity([], { latitude: 0, longitude: 0 })).toBeNull();
  });
});
