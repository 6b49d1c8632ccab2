import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
});
