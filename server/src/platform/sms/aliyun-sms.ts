import { createHmac, randomUUID } from 'node:crypto';
import type { Config } from '../config.js';
import { AppError } from '../errors.js';
import type { SmsSender } from './sms-sender.js';

export type AliyunSmsConfig = NonNullable<Config['sms']['aliyun']>;

/**
 * RFC 3986 encoding as Alibaba Cloud's RPC signature wants it: only A-Z a-z 0-9 - _ . ~ stay as they are,
 * a space is %20 (encodeURIComponent also leaves ! ' ( ) * alone, which the signature encodes).
 */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The canonicalised query: parameters sorted by name (Signature excluded), encoded, joined with &. */
export function canonicalizeQuery(parameters: Record<string, string>): string {
  return Object.keys(parameters)
    .filter((name) => name !== 'Signature')
    .sort()
    .map((name) => `${percentEncode(name)}=${percentEncode(parameters[name]!)}`)
    .join('&');
}

/**
 * Alibaba Cloud RPC signature V1 (SignatureMethod HMAC-SHA1, SignatureVersion 1.0):
 * StringToSign = METHOD & percentEncode("/") & percentEncode(canonicalised query), signed with the
 * AccessKey secret followed by "&", Base64.
 */
export function signRpcRequest(method: 'GET' | 'POST', parameters: Record<string, string>, accessKeySecret: string): string {
  const stringToSign = `${method}&${percentEncode('/')}&${percentEncode(canonicalizeQuery(parameters))}`;
  return createHmac('sha1', `${accessKeySecret}&`).update(stringToSign, 'utf8').digest('base64');
}

/** Alibaba Cloud SMS (dysmsapi, SendSms 2017-05-25) with a template whose one variable is ${code}. */
export function createAliyunSmsSender(config: AliyunSmsConfig, options: { now?: () => Date; nonce?: () => string } = {}): SmsSender {
  const now = options.now ?? (() => new Date());
  const nonce = options.nonce ?? randomUUID;
  return {
    provider: 'aliyun',
    async sendCode(phone, code) {
      const parameters: Record<string, string> = {
        AccessKeyId: config.accessKeyId,
        Action: 'SendSms',
        Format: 'JSON',
        PhoneNumbers: phone,
        RegionId: config.regionId,
        SignName: config.signName,
        SignatureMethod: 'HMAC-SHA1',
        SignatureNonce: nonce(),
        SignatureVersion: '1.0',
        TemplateCode: config.templateCode,
        TemplateParam: JSON.stringify({ code }),
        Timestamp: now().toISOString().replace(/\.\d{3}Z$/, 'Z'),
        Version: '2017-05-25',
      };
      const signature = signRpcRequest('POST', parameters, config.accessKeySecret);
      // POST with a form body: the code stays out of URLs (proxy and access logs).
      const body = `Signature=${percentEncode(signature)}&${canonicalizeQuery(parameters)}`;
      let response: Response;
      try {
        response = await fetch(config.endpoint, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body,
          signal: AbortSignal.timeout(10_000),
        });
      } catch {
        throw new AppError('unavailable', 'The SMS service cannot be reached, try again later / 短信服务暂不可用，请稍后再试');
      }
      const result = (await response.json().catch(() => null)) as { Code?: string; Message?: string } | null;
      if (!response.ok || result?.Code !== 'OK') {
        throw new AppError('unavailable', 'The SMS could not be sent, try again later / 短信发送失败，请稍后再试', {
          provider: 'aliyun',
          providerCode: result?.Code ?? `HTTP ${response.status}`,
        });
      }
    },
  };
}
