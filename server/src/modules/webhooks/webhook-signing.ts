import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Every webhook secret starts so, like API tokens' `jc_`: a secret scanner (and a person) can tell one. */
export const WEBHOOK_SECRET_PREFIX = 'whsec_';

export function generateWebhookSecret() {
  return `${WEBHOOK_SECRET_PREFIX}${randomBytes(32).toString('base64url')}`;
}

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">` (the Jobcast-Signature header). */
export function signWebhookBody(secret: string, body: string, unixSeconds: number) {
  const signature = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${signature}`;
}

/** What a receiver does (docs/INTEGRATIONS.md has the same in a receiver's terms): true when the header signs the body. */
export function verifyWebhookSignature(secret: string, body: string, header: string, nowSeconds: number, toleranceSeconds = 300) {
  const parts = new Map(header.split(',').map((part) => part.split('=', 2) as [string, string]));
  const timestamp = Number(parts.get('t'));
  const given = Buffer.from(parts.get('v1') ?? '', 'hex');
  if (!Number.isInteger(timestamp) || Math.abs(nowSeconds - timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(signWebhookBody(secret, body, timestamp).split('v1=')[1]!, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * The secret must stay readable to sign, so it cannot be hashed as API tokens are. With WEBHOOK_ENCRYPTION_KEY
 * (32 bytes, hex or base64) it is stored encrypted (AES-256-GCM), and a copy of the database alone does not give
 * it away; without the key it is stored as it is. The stored form says which.
 */
export function createSecretBox(encryptionKey: Buffer | null) {
  return {
    seal(secret: string) {
      if (!encryptionKey) return `plain:${secret}`;
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', encryptionKey, iv);
      const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
      return `aes256gcm:${iv.toString('base64url')}:${cipher.getAuthTag().toString('base64url')}:${sealed.toString('base64url')}`;
    },
    open(stored: string) {
      if (stored.startsWith('plain:')) return stored.slice('plain:'.length);
      const [scheme, iv, tag, sealed] = stored.split(':');
      if (scheme !== 'aes256gcm' || !iv || !tag || !sealed) throw new Error('unknown webhook secret format');
      if (!encryptionKey) throw new Error('this webhook secret is encrypted: set WEBHOOK_ENCRYPTION_KEY to the key it was sealed with');
      const decipher = createDecipheriv('aes-256-gcm', encryptionKey, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(sealed, 'base64url')), decipher.final()]).toString('utf8');
    },
  };
}

export type SecretBox = ReturnType<typeof createSecretBox>;
