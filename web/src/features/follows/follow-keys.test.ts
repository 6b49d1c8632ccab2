import { describe, expect, it } from 'vitest';
import { followKey, followKeys, withFollow } from './follow-keys';

const ID = '6f1c2b9e-1d2a-4c3b-9e8f-0a1b2c3d4e5f';

describe('follow keys', () => {
  it('tells a company from a host with the same id', () => {
    expect(followKey({ companyId: ID })).not.toBe(followKey({ hostUserId: ID }));
  });

  it('collects the followed companies and hosts of a list', () => {
    const keys = followKeys({
      companies: [{ companyId: ID, name: '众信', followedAt: '2026-12-01T00:00:00Z' }],
      hosts: [{ hostUserId: 'h1', displayName: '小李', followedAt: '2026-12-01T00:00:00Z' }],
      sessions: [],
    });
    expect(keys.has(followKey({ companyId: ID }))).toBe(true);
    expect(keys.has(followKey({ hostUserId: 'h1' }))).toBe(true);
    expect(keys.has(followKey({ hostUserId: ID }))).toBe(false);
  });

  it('adds and removes without changing the given set', () => {
    const before = new Set(['host:a']);
    const after = withFollow(before, 'host:b', true);
    expect([...after].sort()).toEqual(['host:a', 'host:b']);
    expect([...withFollow(after, 'host:a', false)]).toEqual(['host:b']);
    expect([...before]).toEqual(['host:a']);
  });
});
