import { createHash } from 'node:crypto';
import argon2 from 'argon2';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp } from '../../test/harness.js';

describe('auth', () => {
  let harness: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    harness = await createTestApp();
  });
  afterAll(async () => harness.close());

  const signUp = (body: Record<string, unknown>) => harness.app.inject({ method: 'POST', url: '/api/auth/sign-up', payload: body });

  it('signs up, sets an HttpOnly SameSite session cookie, and signs out', async () => {
    const response = await signUp({ role: 'seeker', phone: '13800138000', password: 'secret-pass', displayName: '张三' });
    expect(response.statusCode).toBe(201);
    const cookie = response.cookies.find((item) => item.name === 'jobcast_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    const me = await harness.app.inject({ method: 'GET', url: '/api/auth/me', cookies: { jobcast_session: cookie!.value } });
    expect(me.json().user.phone).toBe('13800138000');
    const signOut = await harness.app.inject({ method: 'POST', url: '/api/auth/sign-out', cookies: { jobcast_session: cookie!.value } });
    expect(signOut.statusCode).toBe(200);
    const after = await harness.app.inject({ method: 'GET', url: '/api/auth/me', cookies: { jobcast_session: cookie!.value } });
    expect(after.json().user).toBeNull();
  });

  it('stores an argon2id hash, never the password', async () => {
    await signUp({ role: 'employer', email: 'Hash@Example.test', password: 'secret-pass', displayName: 'HR' });
    const [row] = await harness.context.db.query<{ password_hash: string; email: string }>("select password_hash, email from users where email = 'hash@example.test'");
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    const signIn = await harness.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { login: 'HASH@example.test', password: 'secret-pass' } });
    expect(signIn.statusCode).toBe(200);
    const wrong = await harness.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { login: 'hash@example.test', password: 'wrong-pass' } });
    expect(wrong.statusCode).toBe(401);
  });

  it('checks a password hash even for an unknown login (a wrong login and a wrong password look alike)', async () => {
    const verify = vi.spyOn(argon2, 'verify');
    try {
      const unknown = await harness.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { login: '13999999999', password: 'whatever-pass' } });
      expect(unknown.statusCode).toBe(401);
      expect(unknown.json().error.message).toContain('Wrong email/phone or password');
      expect(verify).toHaveBeenCalledTimes(1);
    } finally {
      verify.mockRestore();
    }
  });

  it("clears a user's expired sessions when they sign in, and an expired session signs nobody in", async () => {
    await signUp({ role: 'seeker', phone: '13700137000', password: 'secret-pass', displayName: '王五' });
    const [{ id }] = await harness.context.db.query<{ id: string }>("select id from users where phone = '13700137000'");
    const expiredHash = createHash('sha256').update('expired-token').digest('hex');
    await harness.context.db.query("insert into auth_sessions (token_hash, user_id, expires_at) values ($1, $2, now() - interval '1 day')", [expiredHash, id]);
    const me = await harness.app.inject({ method: 'GET', url: '/api/auth/me', cookies: { jobcast_session: 'expired-token' } });
    expect(me.json().user).toBeNull();
    const signIn = await harness.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { login: '13700137000', password: 'secret-pass' } });
    expect(signIn.statusCode).toBe(200);
    const rows = await harness.context.db.query<{ token_hash: string }>('select token_hash from auth_sessions where user_id = $1', [id]);
    expect(rows.map((row) => row.token_hash)).not.toContain(expiredHash);
    expect(rows).toHaveLength(2);
  });

  it('refuses public sign-up as admin', async () => {
    const response = await signUp({ role: 'admin', email: 'root@example.test', password: 'secret-pass', displayName: 'root' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields[0].path).toBe('body.role');
  });

  it('names every invalid field and writes nothing', async () => {
    const before = await harness.context.db.query<{ count: number }>('select count(*) as count from users');
    const response = await signUp({ role: 'seeker', email: 'not-an-email', password: 'short', displayName: '' });
    expect(response.statusCode).toBe(400);
    const paths = response.json().error.fields.map((field: { path: string }) => field.path);
    expect(paths).toEqual(expect.arrayContaining(['body.email', 'body.password', 'body.displayName']));
    const after = await harness.context.db.query<{ count: number }>('select count(*) as count from users');
    expect(after[0].count).toBe(before[0].count);
  });

  it('refuses common passwords and ones made of the phone or email, naming body.password, and stores nothing', async () => {
    for (const [body, pattern] of [
      [{ role: 'seeker', phone: '13600136001', password: '12345678', displayName: '常见' }, /most common passwords/],
      [{ role: 'seeker', phone: '13600136002', password: 'password', displayName: '常见' }, /most common passwords/],
      [{ role: 'seeker', phone: '13600136003', password: 'aaaaaaaa', displayName: '简单' }, /too simple/],
      [{ role: 'seeker', phone: '13600136004', password: '13600136004', displayName: '手机' }, /phone number or email/],
      [{ role: 'employer', email: 'li.ming@example.test', password: 'li.ming@example.test', displayName: '邮箱' }, /phone number or email/],
    ] as const) {
      const response = await signUp(body);
      expect(response.statusCode).toBe(400);
      expect(response.json().error.fields).toEqual([{ path: 'body.password', message: expect.stringMatching(pattern) }]);
    }
    const rows = await harness.context.db.query("select id from users where phone like '1360013600%' or email = 'li.ming@example.test'");
    expect(rows).toHaveLength(0);
  });
});
