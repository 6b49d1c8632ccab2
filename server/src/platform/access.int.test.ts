import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../test/harness.js';
import { buildUser } from '../test/factories.js';
import { signIn } from '../test/http-helpers.js';
import { listRouteAccess, ROLES, type Role } from './http.js';

/** An /api url with every :param filled, so the request reaches the route (ids that exist nowhere). */
const fillParams = (url: string) => url.replace(/:[A-Za-z]+/g, '00000000-0000-4000-8000-000000000000');

describe('access rules of every registered /api route (deny by default)', () => {
  let harness: Awaited<ReturnType<typeof createTestApp>>;
  const cookies = new Map<Role, Record<string, string>>();

  beforeAll(async () => {
    harness = await createTestApp();
    for (const role of ROLES) {
      const user = await buildUser(harness.context, { role });
      cookies.set(role, await signIn(harness.app, user.email!));
    }
  });
  afterAll(async () => harness?.close());

  it('lists the routes with their access rules', () => {
    const routes = listRouteAccess(harness.app);
    expect(routes.length).toBeGreaterThan(80);
    expect(routes).toContainEqual({ method: 'POST', url: '/api/employer/jobs', access: ['employer'] });
    expect(routes).toContainEqual({ method: 'GET', url: '/api/health', access: 'public' });
  });

  it('answers 401 without a session on every route that is not public, before validating anything', async () => {
    const wrong: string[] = [];
    for (const route of listRouteAccess(harness.app)) {
      if (route.access === 'public') continue;
      const response = await harness.app.inject({ method: route.method as 'GET', url: fillParams(route.url), payload: route.method === 'GET' || route.method === 'DELETE' ? undefined : {} });
      if (response.statusCode !== 401) wrong.push(`${route.method} ${route.url} → ${response.statusCode}`);
    }
    expect(wrong).toEqual([]);
  });

  it('answers 403 to every role a route does not name, before validating anything', async () => {
    const wrong: string[] = [];
    let checked = 0;
    for (const route of listRouteAccess(harness.app)) {
      if (typeof route.access === 'string') continue;
      for (const role of ROLES.filter((candidate) => !(route.access as readonly Role[]).includes(candidate))) {
        const response = await harness.app.inject({
          method: route.method as 'GET',
          url: fillParams(route.url),
          cookies: cookies.get(role),
          payload: route.method === 'GET' || route.method === 'DELETE' ? undefined : {},
        });
        checked += 1;
        if (response.statusCode !== 403 || response.json().error.code !== 'forbidden') wrong.push(`${role}: ${route.method} ${route.url} → ${response.statusCode}`);
      }
    }
    expect(checked).toBeGreaterThan(150);
    expect(wrong).toEqual([]);
  });
});
