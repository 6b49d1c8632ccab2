import { describe, expect, it } from 'vitest';
import { apportion, createRandom } from './random.js';

describe('demo PRNG', () => {
  const draw = (seed: number | bigint, label = '', count = 8) => {
    const random = createRandom(seed, label);
    return Array.from({ length: count }, () => random.next());
  };

  it('repeats the same sequence for the same seed, and differs across seeds and labels', () => {
    expect(draw(20260101)).toEqual(draw(20260101));
    expect(draw(20260101)).not.toEqual(draw(20260102));
    expect(draw(-5)).not.toEqual(draw(5));
    expect(draw(2n ** 40n + 1n)).not.toEqual(draw(1));
    expect(draw(1, 'jobs')).not.toEqual(draw(1, 'seekers'));
  });

  it('forks streams that do not depend on how much the parent has drawn', () => {
    const fresh = createRandom(3);
    const used = createRandom(3);
    for (let index = 0; index < 100; index += 1) used.next();
    expect(fresh.fork('x').next()).toBe(used.fork('x').next());
  });

  it('draws uniformly enough and stays in range', () => {
    const random = createRandom(11);
    const buckets = new Array(10).fill(0);
    for (let index = 0; index < 100_000; index += 1) {
      const value = random.next();
      expect(value >= 0 && value < 1).toBe(true);
      buckets[Math.floor(value * 10)] += 1;
    }
    for (const bucket of buckets) expect(Math.abs(bucket - 10_000)).toBeLessThan(500);
    const dice = new Set(Array.from({ length: 1000 }, () => random.int(1, 6)));
    expect([...dice].sort()).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('picks by weight and shuffles without losing items', () => {
    const random = createRandom(5);
    let heavy = 0;
    for (let index = 0; index < 10_000; index += 1) if (random.weighted(['a', 'b'], (item) => (item === 'a' ? 9 : 1)) === 'a') heavy += 1;
    expect(heavy).toBeGreaterThan(8700);
    expect(heavy).toBeLessThan(9300);
    const items = Array.from({ length: 50 }, (_, index) => index);
    const shuffled = random.shuffle(items);
    expect(shuffled).not.toEqual(items);
    expect([...shuffled].sort((left, right) => left - right)).toEqual(items);
  });

  it('makes version-4 UUIDs', () => {
    const random = createRandom(1);
    const ids = new Set(Array.from({ length: 1000 }, () => random.uuid()));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('apportions a total exactly, in proportion, ties to the earlier weight', () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(100, [50, 30, 20])).toEqual([50, 30, 20]);
    const parts = apportion(6000, [22, 14, 10, 6.5, 0.3]);
    expect(parts.reduce((sum, part) => sum + part, 0)).toBe(6000);
    expect(parts[0]).toBeGreaterThan(parts[1]);
    expect(apportion(5, [0, 0])).toEqual([0, 0]);
  });
});
