import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../test/factories.js';
import { createTestApp } from '../../test/harness.js';
import { signIn } from '../../test/http-helpers.js';

describe('seeker quick profile', () => {
  let harness: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    harness = await createTestApp();
  });
  afterAll(async () => harness.close());

  it('saves a quick profile without a résumé and updates it', async () => {
    const seeker = await buildUser(harness.context, { role: 'seeker' });
    const cookies = await signIn(harness.app, seeker.email!);
    const saved = await harness.app.inject({
      method: 'PUT', url: '/api/seeker/profile', cookies,
      payload: { name: '王师傅', phone: '13912345678', homeCityCode: '411600', desiredCategories: ['general_worker', 'driver'] },
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ homeCityName: '周口', currentCityCode: null, desiredCategories: ['general_worker', 'driver'] });
    const updated = await harness.app.inject({
      method: 'PUT', url: '/api/seeker/profile', cookies,
      payload: { name: '王师傅', phone: '13912345678', homeCityCode: '411600', currentCityCode: '320500', desiredCategories: [], experience: '电子厂3年', skills: '叉车证' },
    });
    expect(updated.json()).toMatchObject({ currentCityName: '苏州', experience: '电子厂3年' });
  });

  it('names the bad field and keeps the old profile', async () => {
    const seeker = await buildUser(harness.context, { role: 'seeker' });
    const cookies = await signIn(harness.app, seeker.email!);
    await harness.app.inject({ method: 'PUT', url: '/api/seeker/profile', cookies, payload: { name: '李', phone: '13912345679', homeCityCode: '411600' } });
    const bad = await harness.app.inject({ method: 'PUT', url: '/api/seeker/profile', cookies, payload: { name: '李', phone: '13912345679', homeCityCode: '411600', desiredCategories: ['general_worker', 'wizard'] } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe('body.desiredCategories.1');
    const profile = await harness.app.inject({ method: 'GET', url: '/api/seeker/profile', cookies });
    expect(profile.json().profile.desiredCategories).toEqual([]);
  });

  it('employers cannot use seeker routes', async () => {
    const employer = await buildUser(harness.context, { role: 'employer' });
    const cookies = await signIn(harness.app, employer.email!);
    expect((await harness.app.inject({ method: 'GET', url: '/api/seeker/profile', cookies })).statusCode).toBe(403);
  });
});

describe('banned phone numbers', () => {
  let harness: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    harness = await createTestApp();
  });
  afterAll(async () => harness.close());

  it('cannot come back as another account’s profile phone', async () => {
    const banned = await buildUser(harness.context, { role: 'seeker', phone: '13711112222' });
    await harness.context.db.query('insert into banned_phones (phone, user_id, reason) values ($1, $2, $3)', ['13711112222', banned.id, '骚扰']);
    const other = await buildUser(harness.context, { role: 'seeker' });
    const cookies = await signIn(harness.app, other.email!);
    const response = await harness.app.inject({ method: 'PUT', url: '/api/seeker/profile', cookies, payload: { name: '换号', phone: '13711112222', homeCityCode: '411600' } });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.fields[0].path).toBe('body.phone');
    expect((await harness.app.inject({ method: 'GET', url: '/api/seeker/profile', cookies })).json().profile).toBeNull();
  });
});
