import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAliyunSmsSender } from '../../platform/sms/aliyun-sms.js';
import { isLogSmsSender } from '../../platform/sms/sms-sender.js';
import { startAliyunSmsStub } from '../../test/aliyun-sms-stub.js';
import { createTestApp } from '../../test/harness.js';
import { signUpWithCode } from '../../test/http-helpers.js';
import { createPhoneCodeService } from './phone-code.service.js';

describe('phone-code sign-in (手机验证码登录)', () => {
  let harness: Awaited<ReturnType<typeof createTestApp>>;
  // The rules' clock: each test moves it forward as much as it needs.
  let clock = new Date('2026-12-03T08:00:00Z').getTime();
  const advance = (seconds: number) => (clock += seconds * 1000);

  beforeAll(async () => {
    harness = await createTestApp({ PHONE_CODE_DAILY_LIMIT_PER_PHONE: '3', PHONE_CODE_DAILY_LIMIT_PER_ADDRESS: '6', TRUST_PROXY: 'loopback' }, { clock: () => new Date(clock) });
  });
  afterAll(async () => harness.close());

  let addressCount = 0;
  // Each test its own client address (X-Forwarded-For from a trusted loopback proxy), so the per-address
  // cap is tested where it is meant to be.
  const newAddress = () => `203.0.113.${++addressCount}`;
  const requestCode = (phone: string, address: string) =>
    harness.app.inject({ method: 'POST', url: '/api/auth/phone-code', payload: { phone }, headers: { 'x-forwarded-for': address } });
  const signIn = (payload: Record<string, unknown>) => harness.app.inject({ method: 'POST', url: '/api/auth/phone-sign-in', payload });
  const lastCode = (phone: string) => {
    const sms = harness.context.sms;
    if (!isLogSmsSender(sms)) throw new Error('the tests expect SMS_PROVIDER=log');
    return sms.lastCodeFor(phone)!;
  };
  const otherCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

  it('answers the same for a phone with an account and one without, and stores only a hash of the code', async () => {
    const address = newAddress();
    await signUpWithCode(harness.app, harness.context, { role: 'seeker', phone: '13811110001', password: 'secret-pass', displayName: '老用户' });
    advance(61);
    const known = await requestCode('13811110001', address);
    const unknown = await requestCode('13811110002', address);
    expect(known.statusCode).toBe(200);
    expect(unknown.statusCode).toBe(200);
    expect(known.json()).toEqual({ resendAfterSeconds: 60 });
    expect(unknown.body).toBe(known.body);
    const code = lastCode('13811110002');
    expect(code).toMatch(/^\d{6}$/);
    const rows = await harness.context.db.query<{ code_hash: string }>("select code_hash from phone_codes where phone = '13811110002'");
    expect(rows).toHaveLength(1);
    expect(rows[0]!.code_hash).not.toContain(code);
  });

  it('creates a seeker account on first use, sets the session cookie, and signs the same account in next time', async () => {
    const address = newAddress();
    await requestCode('13811110003', address);
    const first = await signIn({ phone: '13811110003', code: lastCode('13811110003'), displayName: '李四' });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ isNew: true, user: { role: 'seeker', phone: '13811110003', displayName: '李四' } });
    const cookie = first.cookies.find((item) => item.name === 'jobcast_session');
    expect(cookie?.httpOnly).toBe(true);
    const me = await harness.app.inject({ method: 'GET', url: '/api/auth/me', cookies: { jobcast_session: cookie!.value } });
    expect(me.json().user.phone).toBe('13811110003');

    // The code is used up.
    expect((await signIn({ phone: '13811110003', code: lastCode('13811110003') })).statusCode).toBe(400);
    advance(61);
    await requestCode('13811110003', address);
    const again = await signIn({ phone: '13811110003', code: lastCode('13811110003'), displayName: '别的名字' });
    expect(again.json()).toMatchObject({ isNew: false, user: { id: first.json().user.id, displayName: '李四' } });
    const accounts = await harness.context.db.query("select id from users where phone = '13811110003'");
    expect(accounts).toHaveLength(1);
  });

  it('signs an existing password account in with a code (its password keeps working)', async () => {
    advance(61);
    await requestCode('13811110001', newAddress());
    const response = await signIn({ phone: '13811110001', code: lastCode('13811110001') });
    expect(response.json()).toMatchObject({ isNew: false, user: { displayName: '老用户' } });
    const withPassword = await harness.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { login: '13811110001', password: 'secret-pass' } });
    expect(withPassword.statusCode).toBe(200);
  });

  it('refuses a second code within 60 s with the wait, and sends again after it', async () => {
    const address = newAddress();
    expect((await requestCode('13811110004', address)).statusCode).toBe(200);
    advance(20);
    const tooSoon = await requestCode('13811110004', address);
    expect(tooSoon.statusCode).toBe(429);
    expect(tooSoon.json().error.retryAfterSeconds).toBe(40);
    expect(tooSoon.json().error.message).toContain('40');
    advance(40);
    expect((await requestCode('13811110004', address)).statusCode).toBe(200);
  });

  it('lets exactly one of several concurrent sends for a phone through (the 60-second rule holds in the database)', async () => {
    const phone = '13811110020';
    // Different client addresses, so that only the per-phone rule can refuse them.
    const responses = await Promise.all([0, 1, 2, 3].map(() => requestCode(phone, newAddress())));
    expect(responses.map((response) => response.statusCode).sort()).toEqual([200, 429, 429, 429]);
    for (const refused of responses.filter((response) => response.statusCode === 429)) {
      expect(refused.json().error.retryAfterSeconds).toBe(60);
    }
    const rows = await harness.context.db.query('select id from phone_codes where phone = $1', [phone]);
    expect(rows).toHaveLength(1);

    // Straight at the service, without the HTTP pipeline spacing the requests out: still one SMS.
    const sent: string[] = [];
    const service = createPhoneCodeService({
      db: harness.context.db,
      auth: harness.context.auth,
      emailConfirmations: harness.context.emailConfirmations,
      notifications: harness.context.notifications,
      sms: { provider: 'counting', sendCode: async (to: string) => void sent.push(to) },
      limits: { dailyLimitPerPhone: 10, dailyLimitPerAddress: 10 },
      now: () => new Date(clock),
    });
    const results = await Promise.allSettled([0, 1, 2, 3, 4, 5].map((index) => service.sendCode('13811110021', `198.51.100.${50 + index}`)));
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((result) => result.status === 'rejected').map((result) => (result as PromiseRejectedResult).reason.code)).toEqual(Array(5).fill('rate_limited'));
    expect(sent).toEqual(['13811110021']);
  });

  it('expires a code after 5 minutes', async () => {
    await requestCode('13811110005', newAddress());
    const code = lastCode('13811110005');
    advance(5 * 60 + 1);
    const late = await signIn({ phone: '13811110005', code });
    expect(late.statusCode).toBe(400);
    expect(late.json().error.fields[0].path).toBe('body.code');
    const accounts = await harness.context.db.query("select id from users where phone = '13811110005'");
    expect(accounts).toHaveLength(0);
  });

  it('allows 5 tries per code: wrong codes get 400, the sixth try 429 even with the right code', async () => {
    await requestCode('13811110006', newAddress());
    const code = lastCode('13811110006');
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      const wrong = await signIn({ phone: '13811110006', code: otherCode(code) });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().error.remainingAttempts).toBe(5 - attempt);
    }
    const sixth = await signIn({ phone: '13811110006', code });
    expect(sixth.statusCode).toBe(429);
    expect(sixth.cookies.find((item) => item.name === 'jobcast_session')).toBeUndefined();
  });

  it('only the newest code counts', async () => {
    const address = newAddress();
    await requestCode('13811110007', address);
    const older = lastCode('13811110007');
    advance(61);
    await requestCode('13811110007', address);
    const newer = lastCode('13811110007');
    if (older !== newer) expect((await signIn({ phone: '13811110007', code: older })).statusCode).toBe(400);
    expect((await signIn({ phone: '13811110007', code: newer })).statusCode).toBe(200);
  });

  it('caps codes per phone per day and per client address per day', async () => {
    const address = newAddress();
    for (let send = 0; send < 3; send += 1) {
      expect((await requestCode('13811110008', address)).statusCode).toBe(200);
      advance(61);
    }
    const fourth = await requestCode('13811110008', address);
    expect(fourth.statusCode).toBe(429);
    expect(fourth.json().error.reason).toBe('daily_limit');
    // The same address: three more phones reach its cap of six, the seventh send is refused.
    for (const phone of ['13811110009', '13811110010', '13811110011']) expect((await requestCode(phone, address)).statusCode).toBe(200);
    const seventh = await requestCode('13811110012', address);
    expect(seventh.statusCode).toBe(429);
    expect(seventh.json().error.reason).toBe('daily_limit');
    expect((await requestCode('13811110012', newAddress())).statusCode).toBe(200);
    // A day later the phone may ask again.
    advance(24 * 3600);
    expect((await requestCode('13811110008', newAddress())).statusCode).toBe(200);
  });

  it('tells a banned phone of its ban only once its code is proven, with a localised message', async () => {
    await harness.context.db.query("insert into banned_phones (phone, reason) values ('13811110013', 'fraud')");
    // Asking for a code answers as for any phone (anyone may type a number: the ban is not theirs to learn).
    const sent = await requestCode('13811110013', newAddress());
    const other = await requestCode('13811110015', newAddress());
    expect(sent.statusCode).toBe(200);
    expect(sent.body).toBe(other.body);
    // A wrong code is the same 400 as for any phone; sign-up too.
    const code = lastCode('13811110013');
    const wrong = await signIn({ phone: '13811110013', code: otherCode(code) });
    const wrongOther = await signIn({ phone: '13811110015', code: otherCode(lastCode('13811110015')) });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toBe(wrongOther.body);
    const signUp = (payload: Record<string, unknown>) => harness.app.inject({ method: 'POST', url: '/api/auth/sign-up', payload: { role: 'seeker', displayName: '王五', password: 'a-long-enough-secret', ...payload } });
    expect((await signUp({ phone: '13811110013', code: otherCode(code) })).statusCode).toBe(400);
    // The right code: 403, naming the phone.
    const refused = await signIn({ phone: '13811110013', code });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toContain('该手机号已被封禁');
    expect(refused.json().error.fields[0]).toEqual({ path: 'body.phone', message: 'This phone number is blocked / 该手机号已被封禁' });
    expect(await harness.context.db.query("select 1 from users where phone = '13811110013'")).toEqual([]);
    advance(61);
    await requestCode('13811110013', newAddress());
    const refusedSignUp = await signUp({ phone: '13811110013', code: lastCode('13811110013') });
    expect(refusedSignUp.statusCode).toBe(403);
    expect(refusedSignUp.json().error.fields[0].path).toBe('body.phone');

    // An account banned after its code was sent cannot use the code.
    await requestCode('13811110014', newAddress());
    await signIn({ phone: '13811110014', code: lastCode('13811110014') });
    advance(61);
    await requestCode('13811110014', newAddress());
    await harness.context.db.query("update users set banned_at = now() where phone = '13811110014'");
    const banned = await signIn({ phone: '13811110014', code: lastCode('13811110014') });
    expect(banned.statusCode).toBe(403);
    expect(banned.json().error.message).toContain('封禁');
  });

  it('a seeker who signed up with a code deletes the account with a code sent to the phone (there is no password to give)', async () => {
    await requestCode('13811110017', newAddress());
    const signedIn = await signIn({ phone: '13811110017', code: lastCode('13811110017') });
    const cookies = { jobcast_session: signedIn.cookies.find((item) => item.name === 'jobcast_session')!.value };
    advance(61);
    await requestCode('13811110017', newAddress());
    const remove = (payload: Record<string, unknown>) => harness.app.inject({ method: 'POST', url: '/api/me/delete-account', cookies, payload: { confirm: 'DELETE', ...payload } });
    const wrong = await remove({ code: otherCode(lastCode('13811110017')) });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields[0].path).toBe('body.code');
    expect((await remove({})).json().error.fields[0].path).toBe('body.password');
    const deleted = await remove({ code: lastCode('13811110017') });
    expect(deleted.statusCode).toBe(200);
    const [row] = await harness.context.db.query<{ phone: string | null; deleted_at: Date | null }>('select phone, deleted_at from users where id = $1', [signedIn.json().user.id]);
    expect(row).toMatchObject({ phone: null });
    expect(row!.deleted_at).not.toBeNull();
  });

  it('names invalid fields', async () => {
    const badPhone = await requestCode('12345', newAddress());
    expect(badPhone.statusCode).toBe(400);
    expect(badPhone.json().error.fields[0].path).toBe('body.phone');
    const badCode = await signIn({ phone: '13811110015', code: '12ab56' });
    expect(badCode.statusCode).toBe(400);
    expect(badCode.json().error.fields[0].path).toBe('body.code');
  });

  it('sends through Alibaba Cloud SMS to a stub that checks the signature; a refused send does not count', async () => {
    const stub = await startAliyunSmsStub('stub-secret');
    try {
      const config = { accessKeyId: 'LTAI-test', signName: '职播', templateCode: 'SMS_1', endpoint: stub.endpoint, regionId: 'cn-hangzhou' };
      const service = (secret: string) => createPhoneCodeService({
        db: harness.context.db,
        auth: harness.context.auth,
        emailConfirmations: harness.context.emailConfirmations,
        notifications: harness.context.notifications,
        sms: createAliyunSmsSender({ ...config, accessKeySecret: secret }),
        limits: { dailyLimitPerPhone: 3, dailyLimitPerAddress: 6 },
        now: () => new Date(clock),
      });
      await expect(service('wrong-secret').sendCode('13811110016', '198.51.100.1')).rejects.toMatchObject({ code: 'unavailable' });
      // The refused send left nothing behind: no 60-second wait.
      await service('stub-secret').sendCode('13811110016', '198.51.100.1');
      expect(stub.received).toHaveLength(1);
      const { code } = stub.received[0]!.templateParam;
      const signedIn = await service('stub-secret').signIn('13811110016', code!);
      expect(signedIn.user.phone).toBe('13811110016');
    } finally {
      await stub.close();
    }
  });
});
