import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, createContext } from '../../app.js';
import { loadConfig } from '../../platform/config.js';
import { isLogSmsSender } from '../../platform/sms/sms-sender.js';
import { createTestApp } from '../../test/harness.js';
import { confirmEmailFromMail, signUpWithCode } from '../../test/http-helpers.js';

// Two app nodes on one database, as behind a load balancer: the count is in the database, so what one
// node counts the other refuses. The lock is 3 failures, then 60 s, doubling.
describe('per-account sign-in lockout', () => {
  let clock = new Date('2026-12-03T08:00:00Z').getTime();
  const advance = (seconds: number) => (clock += seconds * 1000);
  let nodeA: Awaited<ReturnType<typeof createTestApp>>;
  let nodeB: Awaited<ReturnType<typeof createSecondNode>>;
  const createSecondNode = async () => {
    const config = loadConfig({ LOG_LEVEL: 'silent', JOBCAST_DEMO_DATA: 'off', PORT: '0', RATE_LIMIT_SCALE: '1000', RATE_LIMITS: 'sign-in-account=3/60' });
    const context = await createContext(config, { db: nodeA.context.db, clock: () => new Date(clock) });
    const app = await createApp(context);
    await app.ready();
    return app;
  };

  beforeAll(async () => {
    nodeA = await createTestApp({ RATE_LIMITS: 'sign-in-account=3/60' }, { clock: () => new Date(clock) });
    nodeB = await createSecondNode();
  });
  afterAll(async () => {
    await nodeB.close();
    await nodeA.close();
  });

  const signUp = (payload: Record<string, unknown>) => {
    advance(61); // past the one-code-a-minute rule
    return signUpWithCode(nodeA.app, nodeA.context, payload);
  };
  const signIn = (app: { inject: typeof nodeA.app.inject }, login: string, password: string) =>
    app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { login, password } });
  const notificationsOf = (userId: string) =>
    nodeA.context.db.query<{ kind: string; title: string; payload: { en?: string } }>('select kind, title, payload from notifications where user_id = $1 order by id', [userId]);

  it('locks an account after 3 wrong passwords across nodes, refuses even the right one while locked, and tells the owner once', async () => {
    const created = await signUp({ role: 'seeker', phone: '13900000001', password: 'Lockout-pass-1', displayName: '甲' });
    const userId = created.json().user.id as string;
    expect((await signIn(nodeA.app, '13900000001', 'wrong-pass-1')).statusCode).toBe(401);
    expect((await signIn(nodeB, '13900000001', 'wrong-pass-2')).statusCode).toBe(401);
    expect((await signIn(nodeA.app, '13900000001', 'wrong-pass-3')).statusCode).toBe(401);

    const locked = await signIn(nodeB, '13900000001', 'Lockout-pass-1');
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBe(60);
    expect(locked.json().error).toMatchObject({ code: 'rate_limited', reason: 'account_locked', retryAfterSeconds: 60 });
    expect(locked.json().error.message).toMatch(/sign-in is paused.*账号已暂停登录/);

    const notices = await notificationsOf(userId);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ kind: 'account.sign_in_locked' });
    expect(notices[0]!.title).toContain('连续3次');
    expect(notices[0]!.payload.en).toContain('change your password');

    // After the lock the next failure locks again at once, for twice as long; no second notice.
    advance(61);
    expect((await signIn(nodeA.app, '13900000001', 'wrong-pass-4')).statusCode).toBe(401);
    const again = await signIn(nodeA.app, '13900000001', 'Lockout-pass-1');
    expect(again.statusCode).toBe(429);
    expect(Number(again.headers['retry-after'])).toBe(120);
    expect(await notificationsOf(userId)).toHaveLength(1);

    // The right password after the lock signs in and clears the count.
    advance(121);
    expect((await signIn(nodeB, '13900000001', 'Lockout-pass-1')).statusCode).toBe(200);
    expect((await signIn(nodeA.app, '13900000001', 'wrong-pass-5')).statusCode).toBe(401);
    expect((await signIn(nodeA.app, '13900000001', 'Lockout-pass-1')).statusCode).toBe(200);
  });

  it('counts the account, not the login: email and phone share one count', async () => {
    await signUp({ role: 'employer', phone: '13900000002', email: 'both@example.test', password: 'Lockout-pass-2', displayName: '乙' });
    expect((await confirmEmailFromMail(nodeA.app, nodeA.context, 'both@example.test')).statusCode).toBe(200);
    expect((await signIn(nodeA.app, 'both@example.test', 'wrong-pass')).statusCode).toBe(401);
    expect((await signIn(nodeA.app, '13900000002', 'wrong-pass')).statusCode).toBe(401);
    expect((await signIn(nodeA.app, 'BOTH@example.test', 'wrong-pass')).statusCode).toBe(401);
    expect((await signIn(nodeA.app, '13900000002', 'Lockout-pass-2')).statusCode).toBe(429);
  });

  it('locks an unknown login the same way, so a lock does not reveal which logins exist', async () => {
    for (let attempt = 0; attempt < 3; attempt++) expect((await signIn(nodeA.app, '13900000009', 'wrong-pass')).statusCode).toBe(401);
    const locked = await signIn(nodeA.app, '13900000009', 'wrong-pass');
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.reason).toBe('account_locked');
  });

  it('lets no more than 3 of a burst of 20 concurrent guesses be checked', async () => {
    await signUp({ role: 'seeker', phone: '13900000003', password: 'Lockout-pass-3', displayName: '丙' });
    const answers = await Promise.all(Array.from({ length: 20 }, (_, index) => signIn(index % 2 ? nodeA.app : nodeB, '13900000003', `guess-${index}-pass`)));
    const statuses = answers.map((answer) => answer.statusCode);
    expect(statuses.filter((status) => status === 401)).toHaveLength(3);
    expect(statuses.filter((status) => status === 429)).toHaveLength(17);
  });

  it('counts wrong SMS codes towards the same lock', async () => {
    const created = await signUp({ role: 'seeker', phone: '13900000004', password: 'Lockout-pass-4', displayName: '丁' });
    const userId = created.json().user.id as string;
    advance(61);
    await nodeA.app.inject({ method: 'POST', url: '/api/auth/phone-code', payload: { phone: '13900000004' } });
    const sms = nodeA.context.sms;
    if (!isLogSmsSender(sms)) throw new Error('the tests expect SMS_PROVIDER=log');
    const code = sms.lastCodeFor('13900000004')!;
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    expect((await nodeA.app.inject({ method: 'POST', url: '/api/auth/phone-sign-in', payload: { phone: '13900000004', code: wrong } })).statusCode).toBe(400);
    expect((await nodeA.app.inject({ method: 'POST', url: '/api/auth/phone-sign-in', payload: { phone: '13900000004', code: wrong } })).statusCode).toBe(400);
    expect((await signIn(nodeA.app, '13900000004', 'wrong-pass')).statusCode).toBe(401);
    const locked = await nodeA.app.inject({ method: 'POST', url: '/api/auth/phone-sign-in', payload: { phone: '13900000004', code } });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.reason).toBe('account_locked');
    expect((await notificationsOf(userId)).map((notice) => notice.kind)).toEqual(['account.sign_in_locked']);
  });
});
