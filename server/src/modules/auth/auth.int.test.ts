import { createHash } from 'node:crypto';
import argon2 from 'argon2';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp } from '../../test/harness.js';
import { confirmEmailFromMail, lastSmsCode, mailsTo, signUpWithCode } from '../../test/http-helpers.js';

describe('auth', () => {
  let harness: Awaited<ReturnType<typeof createTestApp>>;
  // The phone codes' clock: each sign-up moves it past the one-code-a-minute rule.
  let clock = Date.now();
  beforeAll(async () => {
    harness = await createTestApp({}, { clock: () => new Date(clock) });
  });
  afterAll(async () => harness.close());

  const signUp = (body: Record<string, unknown>) => {
    clock += 61_000;
    return signUpWithCode(harness.app, harness.context, body);
  };
  const postSignUp = (body: Record<string, unknown>) => harness.app.inject({ method: 'POST', url: '/api/auth/sign-up', payload: body });

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
    await signUp({ role: 'employer', phone: '13500135000', email: 'Hash@Example.test', password: 'secret-pass', displayName: 'HR' });
    expect((await confirmEmailFromMail(harness.app, harness.context, 'hash@example.test')).json()).toEqual({ email: 'hash@example.test' });
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
    const response = await postSignUp({ role: 'admin', phone: '13500135001', code: '123456', password: 'secret-pass', displayName: 'root' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields[0].path).toBe('body.role');
  });

  it('names every invalid field and writes nothing', async () => {
    const before = await harness.context.db.query<{ count: number }>('select count(*) as count from users');
    const response = await postSignUp({ role: 'seeker', email: 'not-an-email', password: 'short', displayName: '' });
    expect(response.statusCode).toBe(400);
    const paths = response.json().error.fields.map((field: { path: string }) => field.path);
    expect(paths).toEqual(expect.arrayContaining(['body.email', 'body.phone', 'body.code', 'body.password', 'body.displayName']));
    const after = await harness.context.db.query<{ count: number }>('select count(*) as count from users');
    expect(after[0].count).toBe(before[0].count);
  });

  it('refuses common passwords and ones made of the phone or email, naming body.password, and stores nothing', async () => {
    for (const [body, pattern] of [
      [{ role: 'seeker', phone: '13600136001', password: '12345678', displayName: '常见' }, /most common passwords/],
      [{ role: 'seeker', phone: '13600136002', password: 'password', displayName: '常见' }, /most common passwords/],
      [{ role: 'seeker', phone: '13600136003', password: 'aaaaaaaa', displayName: '简单' }, /too simple/],
      [{ role: 'seeker', phone: '13600136004', password: '13600136004', displayName: '手机' }, /phone number or email/],
      [{ role: 'employer', phone: '13600136005', email: 'li.ming@example.test', password: 'li.ming@example.test', displayName: '邮箱' }, /phone number or email/],
    ] as const) {
      const response = await signUp(body);
      expect(response.statusCode).toBe(400);
      expect(response.json().error.fields).toEqual([{ path: 'body.password', message: expect.stringMatching(pattern) }]);
    }
    const rows = await harness.context.db.query("select id from users where phone like '1360013600%' or email = 'li.ming@example.test'");
    expect(rows).toHaveLength(0);
  });

  describe('sign-up does not tell who has an account (issue 10)', () => {
    const countUsers = async () => Number((await harness.context.db.query<{ count: number }>('select count(*) as count from users'))[0]!.count);
    const notificationsOf = (userId: string) =>
      harness.context.db.query<{ kind: string; title: string }>('select kind, title from notifications where user_id = $1 order by id', [userId]);
    const shapeOf = (body: { user: Record<string, unknown> }) => Object.keys(body.user).sort();

    it('answers a phone that has an account exactly as a new one (201, { user }, a session), changes nothing and tells the owner', async () => {
      const first = await signUp({ role: 'seeker', phone: '13400134001', password: 'first-pass-1', displayName: '原来的名字' });
      expect(first.statusCode).toBe(201);
      const owner = first.json().user as { id: string };
      const fresh = await signUp({ role: 'seeker', phone: '13400134002', password: 'other-pass-2', displayName: '新人' });
      const usersBefore = await countUsers();
      const [hashBefore] = await harness.context.db.query<{ password_hash: string }>('select password_hash from users where id = $1', [owner.id]);

      const again = await signUp({ role: 'employer', phone: '13400134001', email: 'again@example.test', password: 'second-pass-2', displayName: '换个名字' });
      expect(again.statusCode).toBe(fresh.statusCode);
      expect(shapeOf(again.json())).toEqual(shapeOf(fresh.json()));
      expect(again.cookies.map((cookie) => cookie.name)).toEqual(fresh.cookies.map((cookie) => cookie.name));
      // The holder of the phone is signed in to the account it already has, unchanged.
      expect(again.json().user).toMatchObject({ id: owner.id, role: 'seeker', displayName: '原来的名字', email: null });
      expect(await countUsers()).toBe(usersBefore);
      const [hashAfter] = await harness.context.db.query<{ password_hash: string }>('select password_hash from users where id = $1', [owner.id]);
      expect(hashAfter).toEqual(hashBefore);
      expect((await harness.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { login: '13400134001', password: 'second-pass-2' } })).statusCode).toBe(401);
      expect((await harness.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { login: '13400134001', password: 'first-pass-1' } })).statusCode).toBe(200);
      expect((await harness.context.db.query("select id from users where email = 'again@example.test'"))).toHaveLength(0);
      expect((await notificationsOf(owner.id)).map((notice) => notice.kind)).toEqual(['account.sign_up_existing']);
    });

    it('without the phone\'s code the answer is the same 400 for a phone with an account and one without, and nothing is stored', async () => {
      await signUp({ role: 'seeker', phone: '13400134003', password: 'first-pass-3', displayName: '有账号' });
      const usersBefore = await countUsers();
      const answers = [];
      clock += 61_000;
      for (const phone of ['13400134003', '13400134004']) {
        await harness.app.inject({ method: 'POST', url: '/api/auth/phone-code', payload: { phone } });
        const code = lastSmsCode(harness.context, phone)!;
        const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
        answers.push(await postSignUp({ role: 'seeker', phone, code: wrong, password: 'guess-pass-1', displayName: '猜' }));
      }
      const [known, unknown] = answers;
      expect(known!.statusCode).toBe(400);
      expect(unknown!.statusCode).toBe(400);
      expect(known!.json().error.fields).toEqual([{ path: 'body.code', message: 'Wrong or expired code / 验证码错误或已过期' }]);
      expect(known!.json()).toEqual(unknown!.json());
      const missing = await postSignUp({ role: 'seeker', phone: '13400134003', password: 'guess-pass-1', displayName: '猜' });
      expect(missing.json().error.fields).toEqual([{ path: 'body.code', message: expect.any(String) }]);
      expect(await countUsers()).toBe(usersBefore);
    });

    it('answers an email that another account holds exactly as a free one ("a link was sent"), tells its owner, and only the free one can be confirmed', async () => {
      const first = await signUp({ role: 'employer', phone: '13400134005', email: 'taken@example.test', password: 'first-pass-5', displayName: 'HR' });
      expect(first.json()).toMatchObject({ pendingEmail: 'taken@example.test', user: { email: null } });
      expect((await confirmEmailFromMail(harness.app, harness.context, 'taken@example.test')).statusCode).toBe(200);
      const owner = first.json().user as { id: string };
      const usersBefore = await countUsers();

      const taken = await signUp({ role: 'employer', phone: '13400134006', email: 'Taken@Example.test', password: 'other-pass-6', displayName: '别人' });
      const free = await signUp({ role: 'employer', phone: '13400134007', email: 'Free@Example.test', password: 'other-pass-7', displayName: '别人' });
      // The same answer, field for field but the new account's id.
      expect(taken.statusCode).toBe(201);
      expect(free.statusCode).toBe(201);
      const answer = (response: typeof taken) => ({ ...response.json(), user: { ...response.json().user, id: 'new', phone: 'new' }, pendingEmail: response.json().pendingEmail.toLowerCase() });
      expect(answer(taken)).toEqual({ ...answer(free), pendingEmail: 'taken@example.test' });
      expect(taken.json()).toMatchObject({ pendingEmail: 'taken@example.test', user: { email: null, role: 'employer' } });
      expect(taken.cookies.map((cookie) => cookie.name)).toEqual(free.cookies.map((cookie) => cookie.name));
      expect(await countUsers()).toBe(usersBefore + 2);

      // The owner of the taken address is told, in the app and by mail; no link is mailed for it.
      expect((await notificationsOf(owner.id)).map((notice) => notice.kind)).toEqual(['account.sign_up_existing']);
      await expect(confirmEmailFromMail(harness.app, harness.context, 'taken@example.test')).rejects.toThrow(/no confirmation link/);
      const [notice] = mailsTo(harness.context, 'taken@example.test').slice(-1);
      expect(notice!.text).toContain('已有账号');
      const [{ email: ownerEmail }] = await harness.context.db.query<{ email: string }>('select email from users where id = $1', [owner.id]);
      expect(ownerEmail).toBe('taken@example.test');

      // The free address's holder confirms it: from then on it signs in with it, once.
      const confirmed = await confirmEmailFromMail(harness.app, harness.context, 'free@example.test');
      expect(confirmed.json()).toEqual({ email: 'free@example.test' });
      expect((await harness.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { login: 'free@example.test', password: 'other-pass-7' } })).statusCode).toBe(200);
      expect((await confirmEmailFromMail(harness.app, harness.context, 'free@example.test')).statusCode).toBe(400);
    });

    it('refuses a confirmation for an address taken after the link was sent (409, to the inbox holder only) and an unknown token (400)', async () => {
      await signUp({ role: 'seeker', phone: '13400134008', email: 'race@example.test', password: 'race-pass-8', displayName: '甲' });
      const link = mailsTo(harness.context, 'race@example.test').at(-1)!.text;
      await signUp({ role: 'seeker', phone: '13400134009', email: 'race@example.test', password: 'race-pass-9', displayName: '乙' });
      expect((await confirmEmailFromMail(harness.app, harness.context, 'race@example.test')).statusCode).toBe(200);
      const token = /token=([A-Za-z0-9_-]+)/.exec(link)![1];
      const late = await harness.app.inject({ method: 'POST', url: '/api/auth/email-confirmation', payload: { token } });
      expect(late.statusCode).toBe(409);
      const unknown = await harness.app.inject({ method: 'POST', url: '/api/auth/email-confirmation', payload: { token: 'a'.repeat(43) } });
      expect(unknown.statusCode).toBe(400);
    });
  });
});
