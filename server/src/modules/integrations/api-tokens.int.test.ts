import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBureau } from '../../test/campaign-factories.js';
import { buildCompany, buildJob, buildUser } from '../../test/factories.js';
import { createTestApp } from '../../test/harness.js';
import { buildApplication, buildSeeker, sessionCookie } from '../../test/pipeline-factories.js';

describe('API tokens (issue 13): made in the console, shown once, stored hashed, Bearer, scoped, read or write', () => {
  let harness: Awaited<ReturnType<typeof createTestApp>>;
  const cookies: Record<string, Record<string, string>> = {};
  const ids = { ownApplication: 0, otherApplication: 0 };
  let employerA: Awaited<ReturnType<typeof buildCompany>>;

  beforeAll(async () => {
    harness = await createTestApp();
    const { context } = harness;
    employerA = await buildCompany(context, { cityCode: '320500' });
    const employerB = await buildCompany(context, { cityCode: '440300' });
    const jobA = await buildJob(context, employerA.employer, { cityCode: '320500' });
    const jobB = await buildJob(context, employerB.employer, { cityCode: '440300' });
    const seeker = await buildSeeker(context);
    ids.ownApplication = await buildApplication(context, { jobId: jobA.id, seekerUserId: seeker.id });
    ids.otherApplication = await buildApplication(context, { jobId: jobB.id, seekerUserId: seeker.id });
    const bureau = await buildBureau(context, '32', '江苏省人社厅');
    const users = {
      employerA: employerA.employer,
      bureau,
      seeker,
      homeless: await buildUser(context, { role: 'employer' }),
    };
    for (const [name, user] of Object.entries(users)) cookies[name] = await sessionCookie(context, user.id);
  });
  afterAll(async () => harness?.close());

  const asUser = (name: string, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) =>
    harness.app.inject({ method, url, cookies: cookies[name], ...(payload ? { payload } : {}) });
  const withToken = (secret: string, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) =>
    harness.app.inject({ method, url, headers: { authorization: `Bearer ${secret}` }, ...(payload ? { payload } : {}) });

  it("an employer's tokens: the secret once, only its hash stored; read reads the company's data, write writes, revoked stops", async () => {
    const made = await asUser('employerA', 'POST', '/api/api-tokens', { name: 'ATS 同步', access: 'read' });
    expect(made.statusCode).toBe(201);
    const { token, secret } = made.json() as { token: { id: string; tokenPrefix: string }; secret: string };
    expect(secret).toMatch(/^jc_[\w-]{43}$/);
    expect(secret.startsWith(token.tokenPrefix)).toBe(true);
    const [stored] = await harness.context.db.query<{ token_hash: string }>('select token_hash from api_tokens where id = $1', [token.id]);
    expect(stored!.token_hash).toBe(createHash('sha256').update(secret).digest('hex'));
    const dump = JSON.stringify(await harness.context.db.query('select * from api_tokens'));
    expect(dump).not.toContain(secret.slice(3));
    const listed = await asUser('employerA', 'GET', '/api/api-tokens');
    expect(listed.json().tokens).toEqual([expect.objectContaining({ id: token.id, name: 'ATS 同步', access: 'read', lastUsedAt: null, revokedAt: null })]);
    expect(listed.body).not.toContain(secret.slice(3));

    // Read: the company's own application, not another company's; no writes.
    expect((await withToken(secret, 'GET', `/api/employer/applications/${ids.ownApplication}`)).statusCode).toBe(200);
    expect([403, 404]).toContain((await withToken(secret, 'GET', `/api/employer/applications/${ids.otherApplication}`)).statusCode);
    const readOnly = await withToken(secret, 'POST', '/api/employer/jobs', {});
    expect(readOnly.statusCode).toBe(403);
    expect(readOnly.json().error.reason).toBe('read_only_token');
    expect((await asUser('employerA', 'GET', '/api/api-tokens')).json().tokens[0].lastUsedAt).not.toBeNull();

    // Write: the same route gets past the token to the body's validation.
    const writer = (await asUser('employerA', 'POST', '/api/api-tokens', { name: '写入', access: 'write' })).json() as { token: { id: string }; secret: string };
    expect((await withToken(writer.secret, 'POST', '/api/employer/jobs', {})).statusCode).toBe(400);

    // Revoked: refused at once; the other token still works.
    expect((await asUser('employerA', 'DELETE', `/api/api-tokens/${token.id}`)).statusCode).toBe(200);
    expect((await withToken(secret, 'GET', `/api/employer/applications/${ids.ownApplication}`)).statusCode).toBe(401);
    expect((await withToken(writer.secret, 'GET', `/api/employer/applications/${ids.ownApplication}`)).statusCode).toBe(200);
    expect((await asUser('employerA', 'DELETE', `/api/api-tokens/${token.id}`)).statusCode).toBe(404);
  });

  it("a bureau's token reads its province's figures only; a token cannot make tokens; made-up tokens are 401", async () => {
    const { secret } = (await asUser('bureau', 'POST', '/api/api-tokens', { name: '省平台', access: 'read' })).json() as { secret: string };
    expect((await withToken(secret, 'GET', '/api/analytics?from=2026-01-01&to=2026-01-31&province=32')).statusCode).toBe(200);
    expect((await withToken(secret, 'GET', '/api/analytics?from=2026-01-01&to=2026-01-31&province=44')).statusCode).toBe(403);
    // The bureau's list holds its province's tokens, not a company's.
    expect((await asUser('bureau', 'GET', '/api/api-tokens')).json().tokens.map((token: { name: string }) => token.name)).toEqual(['省平台']);
    const writer = (await asUser('bureau', 'POST', '/api/api-tokens', { name: '写', access: 'write' })).json() as { secret: string };
    expect((await withToken(writer.secret, 'POST', '/api/api-tokens', { name: '自我复制', access: 'write' })).statusCode).toBe(403);
    expect((await withToken(writer.secret, 'GET', '/api/api-tokens')).statusCode).toBe(403);
    for (const made of ['jc_made-up', `jc_${'a'.repeat(43)}`, 'not-a-token']) {
      expect((await withToken(made, 'GET', '/api/analytics?from=2026-01-01&to=2026-01-31&province=32')).statusCode).toBe(401);
    }
  });

  it('only employers with a company and bureaus make tokens; a banned maker\'s tokens stop', async () => {
    expect((await asUser('seeker', 'POST', '/api/api-tokens', { name: 'x', access: 'read' })).statusCode).toBe(403);
    expect((await asUser('homeless', 'POST', '/api/api-tokens', { name: 'x', access: 'read' })).statusCode).toBe(409);
    const { secret } = (await asUser('employerA', 'POST', '/api/api-tokens', { name: '将被封禁', access: 'read' })).json() as { secret: string };
    expect((await withToken(secret, 'GET', `/api/employer/applications/${ids.ownApplication}`)).statusCode).toBe(200);
    await harness.context.db.query('update users set banned_at = now() where id = $1', [employerA.employer.id]);
    expect((await withToken(secret, 'GET', `/api/employer/applications/${ids.ownApplication}`)).statusCode).toBe(401);
  });
});
