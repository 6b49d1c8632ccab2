import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../test/factories.js';
import { createTestApp } from '../../test/harness.js';
import { signIn } from '../../test/http-helpers.js';
import { buildCreditCode } from './credit-code.js';

describe('companies: registration and admin review', () => {
  let harness: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    harness = await createTestApp();
  });
  afterAll(async () => harness.close());

  const companyBody = (overrides: Record<string, unknown> = {}) => ({
    name: '苏州精工电子有限公司',
    creditCode: buildCreditCode('91320500MA1234567'),
    cityCode: '320500',
    industryCode: 'C',
    accountType: 'direct',
    ...overrides,
  });

  it('an employer registers a company that waits for verification, then an admin verifies it', async () => {
    const employer = await buildUser(harness.context, { role: 'employer' });
    const admin = await buildUser(harness.context, { role: 'admin' });
    const employerCookies = await signIn(harness.app, employer.email!);
    const created = await harness.app.inject({ method: 'POST', url: '/api/companies', cookies: employerCookies, payload: companyBody() });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ status: 'pending', cityName: '苏州', industryName: '制造业' });

    const adminCookies = await signIn(harness.app, admin.email!);
    const queue = await harness.app.inject({ method: 'GET', url: '/api/admin/companies?status=pending', cookies: adminCookies });
    expect(queue.json().companies.map((company: { id: string }) => company.id)).toContain(created.json().id);

    const verified = await harness.app.inject({ method: 'POST', url: `/api/admin/companies/${created.json().id}/review`, cookies: adminCookies, payload: { decision: 'verify' } });
    expect(verified.json().status).toBe('verified');
    const mine = await harness.app.inject({ method: 'GET', url: '/api/companies/mine', cookies: employerCookies });
    expect(mine.json().company.status).toBe('verified');
  });

  it('rejects with a reason the employer can read', async () => {
    const employer = await buildUser(harness.context, { role: 'employer' });
    const admin = await buildUser(harness.context, { role: 'admin' });
    const employerCookies = await signIn(harness.app, employer.email!);
    const created = await harness.app.inject({ method: 'POST', url: '/api/companies', cookies: employerCookies, payload: companyBody({ creditCode: buildCreditCode('91110000MA7654321'), cityCode: '110000' }) });
    const adminCookies = await signIn(harness.app, admin.email!);
    const noReason = await harness.app.inject({ method: 'POST', url: `/api/admin/companies/${created.json().id}/review`, cookies: adminCookies, payload: { decision: 'reject' } });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields[0].path).toBe('body.reason');
    await harness.app.inject({ method: 'POST', url: `/api/admin/companies/${created.json().id}/review`, cookies: adminCookies, payload: { decision: 'reject', reason: '营业执照照片不清晰' } });
    const mine = await harness.app.inject({ method: 'GET', url: '/api/companies/mine', cookies: employerCookies });
    expect(mine.json().company).toMatchObject({ status: 'rejected', reviewReason: '营业执照照片不清晰' });
  });

  it('a rejected company corrects its details and goes back to the queue; a verified one cannot be edited this way', async () => {
    const employer = await buildUser(harness.context, { role: 'employer' });
    const admin = await buildUser(harness.context, { role: 'admin' });
    const employerCookies = await signIn(harness.app, employer.email!);
    const adminCookies = await signIn(harness.app, admin.email!);
    const created = await harness.app.inject({ method: 'POST', url: '/api/companies', cookies: employerCookies, payload: companyBody({ name: '无锡某某贸易', creditCode: buildCreditCode('91320200MA2222222'), cityCode: '320200' }) });
    const companyId = created.json().id;
    await harness.app.inject({ method: 'POST', url: `/api/admin/companies/${companyId}/review`, cookies: adminCookies, payload: { decision: 'reject', reason: '企业名称与营业执照不符' } });

    const resubmit = (body: Record<string, unknown>) => harness.app.inject({ method: 'PUT', url: '/api/companies/mine', cookies: employerCookies, payload: body });
    const badCode = await resubmit(companyBody({ name: '无锡某某贸易有限公司', creditCode: '91320200MA22222229', cityCode: '320200' }));
    expect(badCode.statusCode).toBe(400);
    expect(badCode.json().error.fields[0].path).toBe('body.creditCode');
    expect((await harness.context.companies.getCompany(companyId)).name).toBe('无锡某某贸易');

    const corrected = await resubmit(companyBody({ name: '无锡某某贸易有限公司', creditCode: buildCreditCode('91320200MA2222222'), cityCode: '320200' }));
    expect(corrected.statusCode).toBe(200);
    expect(corrected.json()).toMatchObject({ id: companyId, name: '无锡某某贸易有限公司', status: 'pending' });
    const queue = await harness.app.inject({ method: 'GET', url: '/api/admin/companies?status=pending', cookies: adminCookies });
    expect(queue.json().companies.map((company: { id: string }) => company.id)).toContain(companyId);

    await harness.app.inject({ method: 'POST', url: `/api/admin/companies/${companyId}/review`, cookies: adminCookies, payload: { decision: 'verify' } });
    const afterVerify = await resubmit(companyBody({ name: '另一个名字有限公司', creditCode: buildCreditCode('91320200MA2222222'), cityCode: '320200' }));
    expect(afterVerify.statusCode).toBe(409);
    expect((await harness.context.companies.getCompany(companyId))).toMatchObject({ name: '无锡某某贸易有限公司', status: 'verified' });

    const stranger = await buildUser(harness.context, { role: 'employer' });
    const none = await harness.app.inject({ method: 'PUT', url: '/api/companies/mine', cookies: await signIn(harness.app, stranger.email!), payload: companyBody({ creditCode: buildCreditCode('91320200MA3333333') }) });
    expect(none.statusCode).toBe(404);
  });

  it('validates the credit code checksum and the agency licence, naming the fields, writing nothing', async () => {
    const employer = await buildUser(harness.context, { role: 'employer' });
    const cookies = await signIn(harness.app, employer.email!);
    const [before] = await harness.context.db.query<{ count: number }>('select count(*) as count from companies');
    const response = await harness.app.inject({
      method: 'POST', url: '/api/companies', cookies,
      payload: companyBody({ creditCode: '91320500MA12345670', accountType: 'agency' }),
    });
    expect(response.statusCode).toBe(400);
    const fields = response.json().error.fields.map((field: { path: string }) => field.path);
    expect(fields).toEqual(['body.creditCode', 'body.hrLicenceNumber']);
    expect(response.json().error.message).toMatch(/check character/);
    const [after] = await harness.context.db.query<{ count: number }>('select count(*) as count from companies');
    expect(after.count).toBe(before.count);
  });

  it('refuses an unknown city with the field named', async () => {
    const employer = await buildUser(harness.context, { role: 'employer' });
    const cookies = await signIn(harness.app, employer.email!);
    const response = await harness.app.inject({ method: 'POST', url: '/api/companies', cookies, payload: companyBody({ creditCode: buildCreditCode('91320500MA1111111'), cityCode: '999999' }) });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual([{ path: 'body.cityCode', message: 'unknown city "999999"' }]);
  });

  it('only admins reach the review queue', async () => {
    const seeker = await buildUser(harness.context, { role: 'seeker' });
    const employer = await buildUser(harness.context, { role: 'employer' });
    expect((await harness.app.inject({ method: 'GET', url: '/api/admin/companies' })).statusCode).toBe(401);
    for (const user of [seeker, employer]) {
      const cookies = await signIn(harness.app, user.email!);
      expect((await harness.app.inject({ method: 'GET', url: '/api/admin/companies', cookies })).statusCode).toBe(403);
    }
  });
});
