import { createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSecretBox, generateWebhookSecret, signWebhookBody, verifyWebhookSignature } from './webhook-signing.js';
import { retryDelayMs } from './webhooks.service.js';

describe('webhook signing, secrets at rest and backoff', () => {
  it('signs "<t>.<raw body>" with HMAC-SHA256, as the docs tell a receiver to check it', () => {
    const secret = generateWebhookSecret();
    const body = '{"id":"e1","type":"session.live","createdAt":"2026-12-08T00:00:00.000Z","data":{}}';
    const header = signWebhookBody(secret, body, 1_765_000_000);
    expect(header).toBe(`t=1765000000,v1=${createHmac('sha256', secret).update(`1765000000.${body}`).digest('hex')}`);
    expect(verifyWebhookSignature(secret, body, header, 1_765_000_100)).toBe(true);
    expect(verifyWebhookSignature(secret, `${body} `, header, 1_765_000_100)).toBe(false);
    expect(verifyWebhookSignature(generateWebhookSecret(), body, header, 1_765_000_100)).toBe(false);
    expect(verifyWebhookSignature(secret, body, header, 1_765_000_000 + 301)).toBe(false); // replayed too late
    expect(verifyWebhookSignature(secret, body, 't=x,v1=zz', 1_765_000_000)).toBe(false);
  });

  it('keeps the secret readable to sign: sealed with AES-256-GCM under a key, or as is without one', () => {
    const secret = generateWebhookSecret();
    const key = randomBytes(32);
    const sealed = createSecretBox(key).seal(secret);
    expect(sealed).toMatch(/^aes256gcm:/);
    expect(sealed).not.toContain(secret.slice(6));
    expect(createSecretBox(key).open(sealed)).toBe(secret);
    expect(() => createSecretBox(randomBytes(32)).open(sealed)).toThrow();
    expect(() => createSecretBox(null).open(sealed)).toThrow(/WEBHOOK_ENCRYPTION_KEY/);
    expect(createSecretBox(null).open(createSecretBox(null).seal(secret))).toBe(secret);
    // A key set later still opens the secrets stored before it.
    expect(createSecretBox(key).open(`plain:${secret}`)).toBe(secret);
  });

  it('backs off from the base, doubling, up to the maximum', () => {
    const settings = { retryBaseMs: 10_000, retryMaxMs: 3_600_000 };
    expect([1, 2, 3, 4].map((attempts) => retryDelayMs(attempts, settings))).toEqual([10_000, 20_000, 40_000, 80_000]);
    expect(retryDelayMs(30, settings)).toBe(3_600_000);
  });
});
